import { expect } from '@jest/globals';
import type { ManualClock } from '@slussen/core';
import { PilotsService } from '@slussen/pilots';
import type { TestUser } from '@slussen/testing';
import { agreedPilot, type ApiWorld } from './pilot-world.js';

const DAY = 86_400_000;
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
