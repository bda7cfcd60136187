import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import request from 'supertest';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';

describe('iCalendar feeds', () => {
  let app: NestExpressApplication;
  let manager: TestUser;
  let company: TestUser;
  let companyId: string;
  let testbedId: string;
  let bookingId: string;
  const api = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await createApiApp();
    const factory = new IdentityFactory(app);
    const region = await factory.organization('region');
    manager = await factory.member(region.id, 'manager');
    const organization = await factory.organization('company', { name: 'Kalenderbolaget AB' });
    companyId = organization.id;
    company = await factory.member(companyId, 'admin');
    testbedId = (
      await createTestbed(app, manager.token, region.id, {
        name: 'Kalenderlabbet',
        capacity: 2,
        rules: {
          requiresApproval: false,
          minLeadDays: 1,
          maxAdvanceDays: 365,
          maxActiveBookingsPerCompany: 5,
          decisionDays: 5,
        },
      })
    ).id;
    const slots = await api()
      .post(`/api/v1/testbeds/${testbedId}/slots`)
      .set('Authorization', `Bearer ${manager.token}`)
      .send({
        startsAt: daysFromNow(20, 8),
        endsAt: daysFromNow(20, 16),
        capacity: 2,
        recurrence: { frequency: 'weekly', interval: 1, count: 3 },
      });
    bookingId = (
      await api()
        .post(`/api/v1/slots/${slots.body.items[0].id}/bookings`)
        .set('Authorization', `Bearer ${company.token}`)
        .send({ title: 'Digital tillsyn' })
    ).body.id;
  });
  afterAll(() => app.close());

  it('gives managers the test bed’s slots and bookings as RFC 5545', async () => {
    const response = await api()
      .get(`/api/v1/testbeds/${testbedId}/calendar.ics`)
      .set('Authorization', `Bearer ${manager.token}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/calendar/);
    const text = response.text;
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(4);
    expect(text).toContain(`UID:booking-${bookingId}@slussen`);
    expect(text).toContain('SUMMARY:Kalenderbolaget AB: Digital tillsyn');
    expect(text).toContain(`DTSTART:${daysFromNow(20, 8).replace(/[-:]/g, '').replace('.000', '')}`);
    expect(text).toContain('STATUS:CONFIRMED');
    expect(text).toContain('1 of 2 places free');
  });

  it('gives a company its own bookings, and refuses outsiders', async () => {
    const response = await api()
      .get(`/api/v1/organizations/${companyId}/calendar.ics`)
      .set('Authorization', `Bearer ${company.token}`);
    expect(response.status).toBe(200);
    expect(response.text).toContain('SUMMARY:Kalenderlabbet: Digital tillsyn');
    expect(response.text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(
      (await api().get(`/api/v1/testbeds/${testbedId}/calendar.ics`).set('Authorization', `Bearer ${company.token}`))
        .status,
    ).toBe(403);
    expect((await api().get(`/api/v1/testbeds/${testbedId}/calendar.ics`)).status).toBe(401);
    expect(
      (
        await api()
          .get(`/api/v1/organizations/${companyId}/calendar.ics`)
          .set('Authorization', `Bearer ${manager.token}`)
      ).status,
    ).toBe(404);
  });

  it('opens a feed to a calendar app through a revocable token in the URL', async () => {
    const created = await api()
      .post(`/api/v1/testbeds/${testbedId}/calendar-tokens`)
      .set('Authorization', `Bearer ${manager.token}`);
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(new RegExp(`/api/v1/testbeds/${testbedId}/calendar\\.ics\\?token=slf_`));
    const path = new URL(created.body.url).pathname + new URL(created.body.url).search;
    expect((await api().get(path)).status).toBe(200);
    // The token opens only its own feed.
    expect(
      (await api().get(`/api/v1/organizations/${companyId}/calendar.ics?token=${created.body.token}`)).status,
    ).toBe(401);
    expect(
      (
        await api()
          .post(`/api/v1/testbeds/${testbedId}/calendar-tokens`)
          .set('Authorization', `Bearer ${company.token}`)
      ).status,
    ).toBe(403);
    expect(
      (await api().delete(`/api/v1/calendar-tokens/${created.body.id}`).set('Authorization', `Bearer ${manager.token}`))
        .status,
    ).toBe(204);
    expect((await api().get(path)).status).toBe(401);

    const own = await api()
      .post(`/api/v1/organizations/${companyId}/calendar-tokens`)
      .set('Authorization', `Bearer ${company.token}`);
    expect((await api().get(`/api/v1/organizations/${companyId}/calendar.ics?token=${own.body.token}`)).status).toBe(
      200,
    );
  });
});
