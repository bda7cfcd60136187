// The database holds the link between a booking and the idea it pilots,
// whatever code writes it: ideas_bookings_link_permitted refuses a link the
// sluice did not allow, and ideas_follow_bookings moves the idea to piloting in
// the very statement that confirms a linked booking (here a test bed without
// approval, so the booking is confirmed as it is made).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IdentityFactory, type TestUser } from '@slussen/testing';
import request from 'supertest';
import { DataSource, QueryFailedError } from 'typeorm';
import { createApiApp } from '../api-app.js';
import { createTestbed, daysFromNow } from '../catalogue-fixtures.js';

describe('ideas and bookings in the database', () => {
  let app: NestExpressApplication;
  let db: DataSource;

  beforeAll(async () => {
    app = await createApiApp();
    db = app.get(DataSource);
  });
  afterAll(() => app.close());

  const http = () => request(app.getHttpServer());
  const as = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });
  const constraintOf = (error: unknown) =>
    error instanceof QueryFailedError ? (error.driverError as { constraint?: string }).constraint : String(error);

  it('pilots an idea the moment its booking is confirmed, and refuses links the sluice did not allow', async () => {
    const factory = new IdentityFactory(app);
    const region = await factory.organization('region');
    const manager = await factory.member(region.id, 'manager');
    const nurse = await factory.member(region.id, 'member');
    const company = await factory.member((await factory.organization('company')).id, 'admin');
    const stranger = await factory.member((await factory.organization('company')).id, 'admin');
    const testbed = await createTestbed(app, manager.token, region.id, {
      capacity: 3,
      rules: {
        requiresApproval: false,
        minLeadDays: 0,
        maxAdvanceDays: 365,
        maxActiveBookingsPerCompany: 5,
        decisionDays: 5,
      },
    });
    const sluice = await http()
      .post('/api/v1/sluices')
      .set(as(manager))
      .send({ organizationId: region.id, name: 'Sluss', description: 'x', domains: [], submitters: ['staff'] })
      .expect(201);
    const need = async () =>
      (
        await http()
          .post(`/api/v1/sluices/${sluice.body.id}/ideas`)
          .set(as(nurse))
          .send({ kind: 'need', title: 'Behov', description: 'Något', public: true })
          .expect(201)
      ).body.id as string;
    const piloted = await need();
    const waiting = await need();
    await http().post(`/api/v1/ideas/${piloted}/screen`).set(as(manager)).expect(200);
    const answer = await http()
      .post(`/api/v1/ideas/${piloted}/answers`)
      .set(as(company))
      .send({ description: 'Vår lösning' })
      .expect(201);
    await http().post(`/api/v1/ideas/${piloted}/answers/${answer.body.id}/accept`).set(as(manager)).expect(200);
    await http()
      .post(`/api/v1/ideas/${piloted}/accept`)
      .set(as(manager))
      .send({ testbedIds: [testbed.id] })
      .expect(200);
    const slot = await http()
      .post(`/api/v1/testbeds/${testbed.id}/slots`)
      .set(as(manager))
      .send({ startsAt: daysFromNow(5, 8), endsAt: daysFromNow(6, 16), capacity: 3 });
    const slotId = slot.body.items[0].id as string;

    const booking = await http()
      .post(`/api/v1/slots/${slotId}/bookings`)
      .set(as(company))
      .send({ title: 'Pilot', ideaId: piloted });
    expect(booking.body).toMatchObject({ status: 'confirmed', ideaId: piloted });
    const [idea] = await db.query(`SELECT status, piloting_at FROM ideas WHERE id = $1`, [piloted]);
    expect(idea).toMatchObject({ status: 'piloting', piloting_at: expect.any(Date) });
    expect(
      await db.query(
        `SELECT topic, payload FROM outbox_messages WHERE topic = 'idea.piloting' AND payload ->> 'ideaId' = $1`,
        [piloted],
      ),
    ).toEqual([{ topic: 'idea.piloting', payload: { ideaId: piloted, bookingId: booking.body.id } }]);

    // Written straight to the table, past every service: the database still refuses.
    const refused = async (sql: string, params: unknown[]) => {
      const error = await db.query(sql, params).then(
        () => null,
        (failure: unknown) => failure,
      );
      return constraintOf(error);
    };
    // An idea that was never accepted.
    expect(await refused(`UPDATE bookings SET idea_id = $2 WHERE id = $1`, [booking.body.id, waiting])).toBe(
      'bookings_idea_link_permitted',
    );
    // A company whose answer was not accepted.
    const strangerId = (await db.query(`SELECT organization_id FROM memberships WHERE user_id = $1`, [stranger.id]))[0]
      .organization_id;
    expect(
      await refused(
        `INSERT INTO bookings (slot_id, testbed_id, organization_id, title, status, idea_id) VALUES ($1, $2, $3, 'x', 'pending', $4)`,
        [slotId, testbed.id, strangerId, piloted],
      ),
    ).toBe('bookings_idea_link_permitted');
    // Through the API the service refuses first, in words: not the company whose answer was accepted.
    const viaApi = await http()
      .post(`/api/v1/slots/${slotId}/bookings`)
      .set(as(stranger))
      .send({ title: 'x', ideaId: waiting });
    expect(viaApi.status).toBe(403);
  });

  it('lets the company whose own idea was accepted book a matched test bed with it, and nobody else', async () => {
    const factory = new IdentityFactory(app);
    const municipality = await factory.organization('municipality');
    const manager = await factory.member(municipality.id, 'admin');
    const company = await factory.member((await factory.organization('company')).id, 'member');
    const other = await factory.member((await factory.organization('company')).id, 'member');
    const testbed = await createTestbed(app, manager.token, municipality.id, { capacity: 2 });
    const sluice = await http()
      .post('/api/v1/sluices')
      .set(as(manager))
      .send({
        organizationId: municipality.id,
        name: 'Idésluss',
        description: 'x',
        domains: [],
        submitters: ['companies'],
      })
      .expect(201);
    const idea = await http()
      .post(`/api/v1/sluices/${sluice.body.id}/ideas`)
      .set(as(company))
      .send({ kind: 'idea', title: 'Vår idé', description: 'En lösning' })
      .expect(201);
    await http().post(`/api/v1/ideas/${idea.body.id}/screen`).set(as(manager)).expect(200);
    await http()
      .post(`/api/v1/ideas/${idea.body.id}/accept`)
      .set(as(manager))
      .send({ testbedIds: [testbed.id] })
      .expect(200);
    const slot = await http()
      .post(`/api/v1/testbeds/${testbed.id}/slots`)
      .set(as(manager))
      .send({ startsAt: daysFromNow(40, 8), endsAt: daysFromNow(41, 16), capacity: 2 });
    const book = (user: TestUser) =>
      http()
        .post(`/api/v1/slots/${slot.body.items[0].id}/bookings`)
        .set(as(user))
        .send({ title: 'Pilot', ideaId: idea.body.id });
    // The other company cannot even see the company's idea.
    expect((await book(other)).status).toBe(404);
    const booked = await book(company);
    expect(booked.body).toMatchObject({ status: 'pending', ideaId: idea.body.id });
  });

  it('lets one of two managers deciding at once win, and the other hear 409: one screening, one accepted answer', async () => {
    const factory = new IdentityFactory(app);
    const region = await factory.organization('region');
    const [first, second] = [await factory.member(region.id, 'manager'), await factory.member(region.id, 'admin')];
    const nurse = await factory.member(region.id, 'member');
    const companies = [
      await factory.member((await factory.organization('company')).id, 'admin'),
      await factory.member((await factory.organization('company')).id, 'admin'),
    ];
    const sluice = await http()
      .post('/api/v1/sluices')
      .set(as(first))
      .send({ organizationId: region.id, name: 'Samtidigt', description: 'x', domains: [], submitters: ['staff'] })
      .expect(201);
    const need = await http()
      .post(`/api/v1/sluices/${sluice.body.id}/ideas`)
      .set(as(nurse))
      .send({ kind: 'need', title: 'Behov', description: 'Något', public: true })
      .expect(201);
    const screens = await Promise.all(
      [first, second].map((manager) => http().post(`/api/v1/ideas/${need.body.id}/screen`).set(as(manager))),
    );
    expect(screens.map((response) => response.status).sort()).toEqual([200, 409]);
    const answers = [];
    for (const company of companies)
      answers.push(
        (
          await http()
            .post(`/api/v1/ideas/${need.body.id}/answers`)
            .set(as(company))
            .send({ description: 'Vår lösning' })
            .expect(201)
        ).body.id as string,
      );
    const accepted = await Promise.all(
      answers.map((answerId, index) =>
        http()
          .post(`/api/v1/ideas/${need.body.id}/answers/${answerId}/accept`)
          .set(as([first, second][index]!)),
      ),
    );
    expect(accepted.map((response) => response.status).sort()).toEqual([200, 409]);
    const events = await db.query(`SELECT type FROM idea_events WHERE idea_id = $1 ORDER BY at`, [need.body.id]);
    expect(events.map((event: { type: string }) => event.type)).toEqual(['submitted', 'screening']);
  });
});
