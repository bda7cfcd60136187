import type { INestApplication } from '@nestjs/common';
import { expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { IdentityFactory } from '@slussen/testing';

/** A complete test-bed profile, ready to publish; override what a test is about. */
export function testbedBody(organizationId: string, overrides: Record<string, unknown> = {}) {
  return {
    organizationId,
    name: `Testbädd ${randomUUID().slice(0, 8)}`,
    summary: 'En miljö för att pröva ny teknik i verklig drift.',
    description: 'Här kan företag pröva sina lösningar tillsammans med personal och brukare under ordnade former.',
    environmentType: 'real',
    trl: { min: 5, max: 8 },
    domains: ['elderly-care'],
    location: { municipality: 'Stockholm', address: 'Vårdvägen 1', lat: 59.33, lon: 18.06 },
    capacity: 2,
    contactEmail: 'testbadd@region.example.se',
    ...overrides,
  };
}

export async function createTestbed(
  app: INestApplication,
  token: string,
  organizationId: string,
  overrides: Record<string, unknown> = {},
  publish = true,
) {
  const created = await request(app.getHttpServer())
    .post('/api/v1/testbeds')
    .set('Authorization', `Bearer ${token}`)
    .send(testbedBody(organizationId, overrides));
  expect(created.status).toBe(201);
  if (!publish) return created.body as { id: string; [key: string]: unknown };
  const published = await request(app.getHttpServer())
    .post(`/api/v1/testbeds/${created.body.id}/publish`)
    .set('Authorization', `Bearer ${token}`);
  expect(published.status).toBe(200);
  return published.body as { id: string; [key: string]: unknown };
}

/** An instant `days` from now at a whole hour, as ISO. */
export function daysFromNow(days: number, hour = 9): string {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
}

/**
 * A company member's booking of a new region's one-place slot `days` ahead: confirmed at once
 * (`requiresApproval` false) unless the rules say otherwise. Returns the people and the booking.
 */
export async function bookedSlot(
  app: INestApplication,
  factory: IdentityFactory,
  title: string,
  options: { requiresApproval?: boolean; days?: number } = {},
) {
  const region = await factory.organization('region');
  const manager = await factory.member(region.id, 'manager');
  const member = await factory.member((await factory.organization('company')).id, 'member');
  const testbed = await createTestbed(app, manager.token, region.id, {
    capacity: 1,
    rules: {
      requiresApproval: options.requiresApproval ?? false,
      minLeadDays: 1,
      maxAdvanceDays: 365,
      maxActiveBookingsPerCompany: 5,
      decisionDays: 5,
    },
  });
  const days = options.days ?? 30;
  const slot = await request(app.getHttpServer())
    .post(`/api/v1/testbeds/${testbed.id}/slots`)
    .set('Authorization', `Bearer ${manager.token}`)
    .send({ startsAt: daysFromNow(days, 8), endsAt: daysFromNow(days, 16), capacity: 1 });
  expect(slot.status).toBe(201);
  const booking = await request(app.getHttpServer())
    .post(`/api/v1/slots/${slot.body.items[0].id}/bookings`)
    .set('Authorization', `Bearer ${member.token}`)
    .send({ title });
  expect(booking.status).toBe(201);
  return { region, manager, member, testbed, bookingId: booking.body.id as string };
}
