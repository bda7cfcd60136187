import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestUser } from '@slussen/testing';
import { confirmedPilot, startPilotWorld, type PilotWorld } from '../pilot-world.js';

const as = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });
const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();
const falls = {
  key: 'falls',
  name: 'Fall per vecka',
  unit: 'fall',
  direction: 'decrease',
  baseline: 10,
  target: 5,
  minimum: 0,
  cadence: 'weekly',
};
const calls = {
  key: 'calls',
  name: 'Larm per natt',
  unit: 'larm',
  direction: 'decrease',
  baseline: 6,
  target: 3,
  cadence: 'end',
};

describe('pilots: the plan as one, its versions, what each side may do, and the requested measurements', () => {
  let world: PilotWorld;

  beforeAll(async () => {
    world = await startPilotWorld();
  });
  afterAll(async () => {
    await world.close();
  });

  it('replaces goals and metrics as one version, lists the versions with who approved which, and tells each side what it may do', async () => {
    const { http, clock } = world;
    const made = await confirmedPilot(world);
    const { pilot, member, manager } = made;
    const url = `/api/v1/pilots/${pilot.id}`;

    const first = await http().get(url).set(as(member)).expect(200);
    expect(first.body).toMatchObject({
      timezone: 'Europe/Stockholm',
      company: { name: expect.any(String) },
      testbedName: expect.any(String),
    });
    expect(first.body.permissions).toMatchObject({
      side: 'company',
      changePlan: true,
      approvePlan: true,
      submitMeasurement: false,
      endRunningPhase: false,
      abort: true,
      recordOutcome: false,
    });
    const managerView = await http().get(url).set(as(manager)).expect(200);
    expect(managerView.body.permissions).toMatchObject({ side: 'testbed', recordOutcome: false });

    // Goals and two metrics in one request: one new version.
    const replaced = await http()
      .put(`${url}/plan`)
      .set(as(member))
      .send({ goals: ['Färre fall nattetid'], metrics: [falls, calls] })
      .expect(200);
    expect(replaced.body).toMatchObject({ goals: ['Färre fall nattetid'], plan: { version: 2, agreed: false } });
    expect(replaced.body.metrics.map((metric: { key: string }) => metric.key).sort()).toEqual(['calls', 'falls']);
    // The same plan again is no new version.
    await http()
      .put(`${url}/plan`)
      .set(as(manager))
      .send({ goals: ['Färre fall nattetid'], metrics: [falls, calls] })
      .expect(200);
    expect((await http().get(url).set(as(member))).body.plan.version).toBe(2);

    // Field errors name the metric.
    const twice = await http()
      .put(`${url}/plan`)
      .set(as(member))
      .send({ goals: ['x'], metrics: [falls, falls] })
      .expect(400);
    expect(twice.body.errors).toEqual([expect.objectContaining({ field: 'metrics.1.key' })]);
    const badKey = await http()
      .put(`${url}/plan`)
      .set(as(member))
      .send({ goals: ['x'], metrics: [{ ...falls, key: 'Fall!' }] })
      .expect(400);
    expect(badKey.body.errors.map((error: { field: string }) => error.field)).toContain('metrics.0.key');

    await http().post(`${url}/plan/approve`).set(as(member)).expect(200);
    const afterOne = await http().get(url).set(as(member)).expect(200);
    expect(afterOne.body.permissions.approvePlan).toBe(false);
    // A change after one side approved needs new approvals; the removed metric goes.
    const changed = await http()
      .put(`${url}/plan`)
      .set(as(manager))
      .send({ goals: ['Färre fall nattetid'], metrics: [{ ...falls, target: 4 }] })
      .expect(200);
    expect(changed.body).toMatchObject({
      plan: { version: 3, agreed: false, approvedBy: { company: false, testbed: false } },
      metrics: [{ key: 'falls', target: 4 }],
    });
    for (const side of [member, manager]) await http().post(`${url}/plan/approve`).set(as(side)).expect(200);

    const versions = await http().get(`${url}/plan/versions`).set(as(manager)).expect(200);
    expect(versions.body.items).toEqual([
      expect.objectContaining({
        version: 1,
        approvedBy: { company: null, testbed: null },
        agreedAt: null,
        current: false,
      }),
      expect.objectContaining({
        version: 2,
        approvedBy: { company: expect.any(String), testbed: null },
        agreedAt: null,
        current: false,
      }),
      expect.objectContaining({
        version: 3,
        approvedBy: { company: expect.any(String), testbed: expect.any(String) },
        agreedAt: expect.any(String),
        current: true,
      }),
    ]);

    // Running: the weekly points are requested; one answered, the first one missing once due.
    clock.set(plus(made.startsAt, 60_000));
    await world.scan();
    const running = await http().get(url).set(as(manager)).expect(200);
    expect(running.body).toMatchObject({
      stage: 'running',
      permissions: { submitMeasurement: true, endRunningPhase: true, recordOutcome: true },
    });
    const requests = await http().get(`${url}/measurement-requests`).set(as(member)).expect(200);
    expect(requests.body.items.length).toBeGreaterThanOrEqual(3);
    expect(requests.body.items[0]).toMatchObject({ metricKey: 'falls', state: 'due', answeredAt: null });
    expect(requests.body.items.at(-1).state).toBe('upcoming');
    clock.set(plus(made.startsAt, 8 * 86_400_000));
    await world.scan();
    const late = await http().get(`${url}/measurement-requests`).set(as(member)).expect(200);
    expect(late.body.items[0].state).toBe('missing');
    await http()
      .post(`${url}/measurements`)
      .set(as(member))
      .send({ metricKey: 'falls', value: 7, observedAt: plus(made.startsAt, 2 * 86_400_000) })
      .expect(201);
    const answered = await http().get(`${url}/measurement-requests`).set(as(member)).expect(200);
    expect(answered.body.items[0]).toMatchObject({ state: 'answered', answeredAt: expect.any(String) });

    // A metric with measurements stays; the plan says so beside it.
    const keep = await http()
      .put(`${url}/plan`)
      .set(as(member))
      .send({ goals: ['Färre fall nattetid'], metrics: [calls] })
      .expect(409);
    expect(keep.body.errors).toEqual([expect.objectContaining({ field: 'metrics.0' })]);

    // The company may not record the outcome; it is not offered.
    const company = await http().get(url).set(as(member)).expect(200);
    expect(company.body.permissions.recordOutcome).toBe(false);
  });
});
