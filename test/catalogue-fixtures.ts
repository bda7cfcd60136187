import type { INestApplication } from '@nestjs/common';
import { expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';

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
