import { expect } from '@jest/globals';
import type { ManualClock } from '@slussen/core';
import { PilotsService } from '@slussen/pilots';
import type { TestUser } from '@slussen/testing';
import { createTestbed, daysFromNow } from './catalogue-fixtures.js';
import { agreedPilot, type ApiWorld } from './pilot-world.js';

const DAY = 86_400_000;

/** Booking rules that stand in no test's way: approval required, a day's lead, a year ahead, many bookings per company. */
export const ROOMY_RULES = {
  requiresApproval: true,
  minLeadDays: 1,
  maxAdvanceDays: 365,
  maxActiveBookingsPerCompany: 100,
  decisionDays: 5,
};
const as = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });

export interface CompletedPilotOptions {
  title?: string;
  summary?: string;
  lessons?: string;
  /** The measured value of the plan's metric `falls` (baseline 10, target 5). */
  measured?: number;
}

/**
 * A completed pilot: agreed plan (one metric, `falls`), started when the
 * shared clock passes its slot's start, one measurement a week in, and the
 * outcome `adopted` recorded by the test bed's manager. The clock is left a
 * week into the pilot; the next booking should set it back to now.
 */
export async function completedPilot(world: ApiWorld & { clock: ManualClock }, options: CompletedPilotOptions = {}) {
  world.clock.set(new Date());
  const made = await agreedPilot(world, { title: options.title });
  const id = made.pilot.id;
  world.clock.set(new Date(new Date(made.startsAt).getTime() + 60_000));
  expect(await world.api.get(PilotsService, { strict: false }).startDue(id)).toBe(true);
  world.clock.set(new Date(new Date(made.startsAt).getTime() + 8 * DAY));
  await world
    .http()
    .post(`/api/v1/pilots/${id}/measurements`)
    .set(as(made.member))
    .send({
      metricKey: 'falls',
      value: options.measured ?? 4,
      observedAt: new Date(new Date(made.startsAt).getTime() + 7 * DAY).toISOString(),
    })
    .expect(201);
  await world
    .http()
    .post(`/api/v1/pilots/${id}/outcome`)
    .set(as(made.manager))
    .send({
      result: 'adopted',
      summary: options.summary ?? 'Sensormattor i golvet gav färre fall nattetid.',
      lessons: options.lessons ?? 'Personalen behövde en veckas introduktion.',
    })
    .expect(201);
  return made;
}

export type CompletedPilot = Awaited<ReturnType<typeof completedPilot>>;

/**
 * A completed pilot that came from an idea: a company submits it to the
 * region's sluice, the region's manager screens it and accepts it for its test
 * bed, the company books that test bed with the idea linked; the pilot runs
 * and ends `adopted`. `idea` is what the company submitted.
 */
export async function completedPilotFromIdea(
  world: ApiWorld & { clock: ManualClock },
  idea: { title: string; description: string; affects: string },
) {
  world.clock.set(new Date());
  const { factory, http } = world;
  const region = await factory.organization('region');
  const manager = await factory.member(region.id, 'manager');
  const company = await factory.organization('company');
  const member = await factory.member(company.id, 'member');
  const testbed = await createTestbed(world.api, manager.token, region.id, {
    capacity: 2,
    rules: ROOMY_RULES,
  });
  const sluice = await http()
    .post('/api/v1/sluices')
    .set(as(manager))
    .send({
      organizationId: region.id,
      name: 'Regionens innovationssluss',
      description: 'Idéer från företag.',
      domains: ['elderly-care'],
      submitters: ['companies'],
    })
    .expect(201);
  const submitted = await http()
    .post(`/api/v1/sluices/${sluice.body.id}/ideas`)
    .set(as(member))
    .send({ kind: 'idea', ...idea })
    .expect(201);
  const ideaId = submitted.body.id as string;
  await http().post(`/api/v1/ideas/${ideaId}/screen`).set(as(manager)).expect(200);
  await http()
    .post(`/api/v1/ideas/${ideaId}/accept`)
    .set(as(manager))
    .send({ testbedIds: [testbed.id] })
    .expect(200);
  const startsAt = daysFromNow(10, 8);
  const slot = await http()
    .post(`/api/v1/testbeds/${testbed.id}/slots`)
    .set(as(manager))
    .send({ startsAt, endsAt: daysFromNow(24, 16), capacity: 1 })
    .expect(201);
  const booking = await http()
    .post(`/api/v1/slots/${slot.body.items[0].id}/bookings`)
    .set(as(member))
    .send({ title: 'Pilot av idén', ideaId })
    .expect(201);
  await http().post(`/api/v1/bookings/${booking.body.id}/approve`).set(as(manager)).expect(200);
  const pilots = await http().get(`/api/v1/pilots?organizationId=${company.id}`).set(as(member)).expect(200);
  const id = pilots.body.items[0].id as string;
  world.clock.set(new Date(new Date(startsAt).getTime() + 60_000));
  expect(await world.api.get(PilotsService, { strict: false }).startDue(id)).toBe(true);
  await http()
    .post(`/api/v1/pilots/${id}/outcome`)
    .set(as(manager))
    .send({ result: 'adopted', summary: 'Idén höll i vardagen.' })
    .expect(201);
  return { pilotId: id, ideaId, manager, member };
}
