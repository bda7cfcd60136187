import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { TestUser } from '@slussen/testing';
import { DataSource } from 'typeorm';
import { confirmedPilot, startPilotWorld, type PilotWorld } from '../pilot-world.js';
import { json, startSourceServer } from '../source-server.js';

const DAY = 86_400_000;
const as = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });
const plus = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

describe('pilots: from confirmed booking to outcome', () => {
  let world: PilotWorld;
  let source: Awaited<ReturnType<typeof startSourceServer>>;
  const pulled: Array<{ metricKey: string; value: number; observedAt: string }> = [];

  beforeAll(async () => {
    world = await startPilotWorld();
    source = await startSourceServer({
      '/falls.json': (request, response) => {
        if (request.headers.authorization !== 'Bearer kommunens-nyckel') return void response.writeHead(401).end();
        json({ measurements: pulled })(request, response);
      },
    });
  });
  // Each journey starts today: slots are judged against the shared clock, which a journey before may have moved on.
  beforeEach(() => world.clock.set(new Date()));
  afterAll(async () => {
    await source.close();
    await world.close();
  });

  it('follows one pilot through plan, stages, requested, pulled and submitted measurements, and the outcome', async () => {
    const { http, clock } = world;
    const made = await confirmedPilot(world);
    const { pilot, member, manager } = made;
    const db = world.api.get(DataSource);
    expect(pilot).toMatchObject({
      stage: 'planned',
      bookingId: made.booking.id,
      startsAt: made.startsAt,
      plan: { version: 1, agreed: false },
    });

    // The plan: goals and metrics, approved by both sides; a change needs new approvals.
    await http()
      .patch(`/api/v1/pilots/${pilot.id}`)
      .set(as(member))
      .send({ goals: ['Färre fall nattetid', 'Nöjdare personal'] })
      .expect(200);
    const falls = await http().post(`/api/v1/pilots/${pilot.id}/metrics`).set(as(member)).send({
      key: 'falls',
      name: 'Fall per vecka',
      unit: 'fall',
      direction: 'decrease',
      baseline: 10,
      target: 5,
      minimum: 0,
      cadence: 'weekly',
    });
    expect(falls.status).toBe(201);
    await http()
      .post(`/api/v1/pilots/${pilot.id}/metrics`)
      .set(as(manager))
      .send({
        key: 'satisfaction',
        name: 'Nöjd personal',
        unit: 'betyg 1–5',
        direction: 'increase',
        baseline: 3,
        target: 4,
        minimum: 1,
        maximum: 5,
        cadence: 'end',
      })
      .expect(201);
    await http()
      .post(`/api/v1/pilots/${pilot.id}/metrics`)
      .set(as(manager))
      .send({ key: 'falls', name: 'igen', unit: 'fall', direction: 'decrease', cadence: 'weekly' })
      .expect(409);
    const half = await http().post(`/api/v1/pilots/${pilot.id}/plan/approve`).set(as(member)).expect(200);
    expect(half.body.plan).toMatchObject({ version: 4, agreed: false, approvedBy: { company: true, testbed: false } });
    const agreed = await http().post(`/api/v1/pilots/${pilot.id}/plan/approve`).set(as(manager)).expect(200);
    expect(agreed.body.plan).toMatchObject({ version: 4, agreed: true, approvedBy: { company: true, testbed: true } });
    const changed = await http()
      .patch(`/api/v1/pilots/${pilot.id}`)
      .set(as(manager))
      .send({ goals: 'Färre fall nattetid' })
      .expect(200);
    expect(changed.body).toMatchObject({
      goals: ['Färre fall nattetid'],
      plan: { version: 5, agreed: false, approvedBy: { company: false, testbed: false } },
    });
    for (const side of [member, manager])
      await http().post(`/api/v1/pilots/${pilot.id}/plan/approve`).set(as(side)).expect(200);
    // Each approval tells the side whose turn it is; each agreement tells both.
    const planTopics = await db.query(
      `SELECT topic, payload->>'side' AS side FROM outbox_messages WHERE payload->>'pilotId' = $1 ORDER BY created_at`,
      [pilot.id],
    );
    expect(planTopics).toEqual([
      { topic: 'pilot.plan-approved', side: 'company' },
      { topic: 'pilot.plan-agreed', side: 'testbed' },
      { topic: 'pilot.plan-approved', side: 'company' },
      { topic: 'pilot.plan-agreed', side: 'testbed' },
    ]);
    const planMail = await world.waitFor(
      () =>
        db.query(
          `SELECT o.topic, d.recipient FROM deliveries d JOIN outbox_messages o ON o.id = d.outbox_id WHERE o.payload->>'pilotId' = $1 AND d.status = 'sent' ORDER BY o.topic, d.recipient`,
          [pilot.id],
        ),
      (rows: Array<{ topic: string; recipient: string }>) => rows.length >= 6,
    );
    expect(
      new Set(planMail.map((row: { topic: string; recipient: string }) => `${row.topic} ${row.recipient}`)),
    ).toEqual(
      new Set([
        `pilot.plan-approved ${manager.email}`,
        `pilot.plan-agreed ${manager.email}`,
        `pilot.plan-agreed ${member.email}`,
      ]),
    );

    // Nothing is measured, and no stage skipped, before the start.
    const early = await http()
      .post(`/api/v1/pilots/${pilot.id}/measurements`)
      .set(as(member))
      .send({ metricKey: 'falls', value: 8, observedAt: made.startsAt });
    expect(early.status).toBe(409);
    await http().patch(`/api/v1/pilots/${pilot.id}`).set(as(member)).send({ stage: 'evaluating' }).expect(409);
    await http().patch(`/api/v1/pilots/${pilot.id}`).set(as(member)).send({ stage: 'running' }).expect(409);
    await http().patch(`/api/v1/pilots/${pilot.id}`).set(as(member)).send({ stage: 'completed' }).expect(409);

    // The source, with a bearer token that is stored sealed.
    const registered = await http()
      .put(`/api/v1/pilots/${pilot.id}/source`)
      .set(as(member))
      .send({ url: source.url('/falls.json'), token: 'kommunens-nyckel' });
    expect(registered.status).toBe(200);
    expect(registered.body).toMatchObject({ url: source.url('/falls.json'), hasToken: true });
    expect(JSON.stringify(registered.body)).not.toContain('kommunens-nyckel');
    const [{ sealed }] = await db.query('SELECT sealed_token AS sealed FROM measurement_sources WHERE pilot_id = $1', [
      pilot.id,
    ]);
    expect(sealed).toMatch(/^v2\./);
    expect(sealed).not.toContain('kommunens-nyckel');

    // The slot starts: the scan starts the pilot.
    clock.set(plus(made.startsAt, 60_000));
    expect(await world.scan()).toMatchObject({ started: 1 });
    const running = await http().get(`/api/v1/pilots/${pilot.id}`).set(as(manager)).expect(200);
    expect(running.body).toMatchObject({ stage: 'running', startedAt: plus(made.startsAt, 60_000) });

    // A week on, the first weekly point is due: the source is fetched for it.
    pulled.push(
      { metricKey: 'falls', value: 7, observedAt: plus(made.startsAt, 6 * DAY) },
      { metricKey: 'unknown', value: 1, observedAt: plus(made.startsAt, DAY) },
      { metricKey: 'falls', value: -3, observedAt: plus(made.startsAt, DAY) },
    );
    clock.set(plus(made.startsAt, 7 * DAY + 60_000));
    expect(await world.scan()).toMatchObject({ opened: 1, pullsQueued: 1 });
    const fetched = await world.waitFor(
      () => http().get(`/api/v1/pilots/${pilot.id}/source`).set(as(member)),
      (response) => response.body.lastFetch !== null,
    );
    expect(fetched.body.lastFetch).toMatchObject({
      outcome: 'ok',
      httpStatus: 200,
      recorded: 1,
      refused: 2,
      attempt: 1,
    });
    expect(source.requests.at(-1)!.authorization).toBe('Bearer kommunens-nyckel');

    // Submitted by the company; refused when it does not fit the metric or the period.
    const submit = (body: Record<string, unknown>) =>
      http().post(`/api/v1/pilots/${pilot.id}/measurements`).set(as(member)).send(body);
    expect(
      (
        await submit({
          metricKey: 'falls',
          value: 6,
          observedAt: plus(made.startsAt, 6.5 * DAY),
          note: 'Manuellt räknat',
        })
      ).status,
    ).toBe(201);
    expect(
      (await submit({ metricKey: 'satisfaction', value: 9, observedAt: plus(made.startsAt, DAY) })).body.errors,
    ).toEqual([{ field: 'value', message: 'must be at most 5 betyg 1–5', code: 'invalid' }]);
    expect((await submit({ metricKey: 'falls', value: 5, observedAt: plus(made.startsAt, -DAY) })).status).toBe(400);
    expect(
      (await submit({ metricKey: 'falls', value: 5, observedAt: plus(made.startsAt, 20 * DAY) })).body.errors[0]
        .message,
    ).toBe('cannot be in the future');
    expect((await submit({ metricKey: 'steps', value: 5, observedAt: plus(made.startsAt, DAY) })).status).toBe(400);
    expect((await submit({ metricKey: 'falls', value: '5', observedAt: plus(made.startsAt, DAY) })).status).toBe(400);

    // The slot ends: evaluation; the end points come due.
    clock.set(plus(made.endsAt, 60_000));
    expect(await world.scan()).toMatchObject({ evaluating: 1 });
    expect(
      await db.query(
        `SELECT count(*)::int AS n FROM outbox_messages WHERE payload->>'pilotId' = $1 AND topic = 'pilot.evaluating'`,
        [pilot.id],
      ),
    ).toEqual([{ n: 1 }]);
    await http()
      .post(`/api/v1/pilots/${pilot.id}/measurements`)
      .set(as(manager))
      .send({ metricKey: 'satisfaction', value: 4.5, observedAt: plus(made.endsAt, -DAY) })
      .expect(201);
    const summary = await http().get(`/api/v1/pilots/${pilot.id}`).set(as(member)).expect(200);
    expect(summary.body.stage).toBe('evaluating');
    const metric = (key: string) => summary.body.metrics.find((item: { key: string }) => item.key === key);
    // Both values fall in the first week: the weeks after and the end are still owed.
    expect(metric('falls')).toMatchObject({
      latest: { value: 6 },
      changeFromBaseline: -4,
      targetMet: false,
      measurements: 2,
      requested: 4,
      missing: 3,
    });
    expect(metric('satisfaction')).toMatchObject({
      latest: { value: 4.5 },
      changeFromBaseline: 1.5,
      targetMet: true,
      measurements: 1,
      requested: 1,
      missing: 0,
    });
    const listed = await http()
      .get(`/api/v1/pilots/${pilot.id}/measurements?metricKey=falls`)
      .set(as(manager))
      .expect(200);
    expect(listed.body.items.map((item: { value: number; origin: string }) => `${item.origin} ${item.value}`)).toEqual([
      'pulled 7',
      'submitted 6',
    ]);

    // The outcome: managers only, procured needs its reference, once.
    await http()
      .post(`/api/v1/pilots/${pilot.id}/outcome`)
      .set(as(member))
      .send({ result: 'adopted', summary: 'Bra' })
      .expect(403);
    const missingReference = await http()
      .post(`/api/v1/pilots/${pilot.id}/outcome`)
      .set(as(manager))
      .send({ result: 'procured', summary: 'Upphandlad' });
    expect(missingReference.status).toBe(400);
    const outcome = await http().post(`/api/v1/pilots/${pilot.id}/outcome`).set(as(manager)).send({
      result: 'procured',
      summary: 'Upphandlad efter piloten',
      lessons: 'Börja med nattpersonalen',
      procurementReference: 'RS 2027-0412',
      procurementDate: '2027-09-01',
    });
    expect(outcome.status).toBe(201);
    expect(outcome.body).toMatchObject({
      stage: 'completed',
      outcome: { result: 'procured', procurementReference: 'RS 2027-0412', procurementDate: '2027-09-01' },
    });
    await http()
      .post(`/api/v1/pilots/${pilot.id}/outcome`)
      .set(as(manager))
      .send({ result: 'adopted', summary: 'Igen' })
      .expect(409);
    await http()
      .patch(`/api/v1/pilots/${pilot.id}`)
      .set(as(manager))
      .send({ stage: 'aborted', reason: 'för sent' })
      .expect(409);

    // Its history, and the audit log of both organizations.
    const events = await http().get(`/api/v1/pilots/${pilot.id}/events`).set(as(member)).expect(200);
    const stages = events.body.items
      .filter((event: { toStage: string | null }) => event.toStage)
      .map((event: { toStage: string }) => event.toStage);
    expect(stages).toEqual(['planned', 'running', 'evaluating', 'completed']);
    // Each event also carries structured facts, for readers to word in their own language; `detail` stays as it was.
    expect(events.body.items.find((event: { type: string }) => event.type === 'completed')).toMatchObject({
      detail: 'outcome: procured',
      cause: 'outcome-recorded',
      result: 'procured',
      reason: null,
    });
    expect(events.body.items.find((event: { type: string }) => event.type === 'plan-agreed')).toMatchObject({
      cause: 'plan-agreed',
      planVersion: expect.any(Number),
    });
    for (const organizationId of [made.company.id, made.region.id]) {
      const admin = await world.factory.member(organizationId, 'admin');
      const audit = await http().get(`/api/v1/organizations/${organizationId}/audit`).set(as(admin)).expect(200);
      const actions = audit.body.items
        .filter((entry: { subjectId: string }) => entry.subjectId === pilot.id)
        .map((entry: { action: string }) => entry.action);
      expect(actions).toEqual(
        expect.arrayContaining([
          'pilot.plan-changed',
          'pilot.metric-added',
          'pilot.plan-approved',
          'pilot.source-registered',
          'pilot.running',
          'pilot.evaluating',
          'pilot.outcome-recorded',
          'pilot.completed',
        ]),
      );
    }
  });

  it('asks the company for measurements when the pilot has no source, reminds it when they are overdue, and reminds both sides of an unagreed plan', async () => {
    const { http, clock } = world;
    const made = await confirmedPilot(world, { title: 'Påminnelsepiloten' });
    const { pilot, member } = made;
    await http()
      .post(`/api/v1/pilots/${pilot.id}/metrics`)
      .set(as(member))
      .send({ key: 'visits', name: 'Besök', unit: 'st', direction: 'increase', cadence: 'weekly' })
      .expect(201);
    // The company also hears of requests by webhook.
    const hooks: Array<{ type: string; data: { pilot: { id: string }; metricKeys: string[] } }> = [];
    const receiver = await startSourceServer({
      '/hooks': (incoming, response) => {
        let body = '';
        incoming.on('data', (chunk) => (body += chunk));
        incoming.on('end', () => {
          hooks.push(JSON.parse(body));
          response.writeHead(204).end();
        });
      },
    });
    const companyAdmin = await world.factory.member(made.company.id, 'admin');
    await http()
      .post(`/api/v1/organizations/${made.company.id}/webhooks`)
      .set(as(companyAdmin))
      .send({ url: receiver.url('/hooks'), events: ['pilot.measurement-requested'] })
      .expect(201);
    const db = world.api.get(DataSource);
    const topics = async () =>
      (
        await db.query(`SELECT topic FROM outbox_messages WHERE payload->>'pilotId' = $1 ORDER BY created_at`, [
          pilot.id,
        ])
      ).map((row: { topic: string }) => row.topic);

    clock.set(plus(made.startsAt, -6 * DAY));
    expect(await world.scan()).toMatchObject({ planReminders: 1 });
    await world.scan();
    expect(await topics()).toEqual(['pilot.plan-not-agreed']);

    clock.set(plus(made.startsAt, 60_000));
    await world.scan();
    clock.set(plus(made.startsAt, 7 * DAY + 60_000));
    expect(await world.scan()).toMatchObject({ opened: 1 });
    clock.set(plus(made.startsAt, 10 * DAY + 120_000));
    expect(await world.scan()).toMatchObject({ overdueReminders: 1 });
    await world.scan();
    expect(await topics()).toEqual([
      'pilot.plan-not-agreed',
      'pilot.measurement-requested',
      'pilot.measurement-overdue',
    ]);

    // Each was delivered to the people it is for.
    const expected = [
      { topic: 'pilot.plan-not-agreed', recipient: made.manager.email },
      { topic: 'pilot.plan-not-agreed', recipient: member.email },
      { topic: 'pilot.measurement-requested', recipient: member.email },
      { topic: 'pilot.measurement-overdue', recipient: member.email },
    ];
    const delivered = await world.waitFor(
      () =>
        db.query(
          `SELECT o.topic, d.recipient FROM deliveries d JOIN outbox_messages o ON o.id = d.outbox_id WHERE o.payload->>'pilotId' = $1 AND d.status = 'sent' ORDER BY o.topic, d.recipient`,
          [pilot.id],
        ),
      (rows: Array<{ topic: string; recipient: string }>) =>
        expected.every((want) => rows.some((row) => row.topic === want.topic && row.recipient === want.recipient)),
    );
    expect(delivered).toEqual(expect.arrayContaining(expected));
    expect(delivered).not.toContainEqual({ topic: 'pilot.measurement-requested', recipient: made.manager.email });
    await world.waitFor(
      async () => hooks.length,
      (count) => count >= 1,
    );
    expect(hooks).toEqual([
      expect.objectContaining({
        type: 'pilot.measurement-requested',
        data: expect.objectContaining({ pilot: expect.objectContaining({ id: pilot.id }), metricKeys: ['visits'] }),
      }),
    ]);
    await receiver.close();
  });

  it('aborts the pilot when its booking is cancelled, and takes an abort with a reason from either side', async () => {
    const { http } = world;
    const cancelled = await confirmedPilot(world);
    await http()
      .post(`/api/v1/bookings/${cancelled.booking.id}/cancel`)
      .set(as(cancelled.member))
      .send({ reason: 'Fick inte ihop teamet' })
      .expect(200);
    const gone = await http().get(`/api/v1/pilots/${cancelled.pilot.id}`).set(as(cancelled.manager)).expect(200);
    expect(gone.body).toMatchObject({ stage: 'aborted', abortReason: 'the booking was cancelled' });

    const made = await confirmedPilot(world);
    await http().patch(`/api/v1/pilots/${made.pilot.id}`).set(as(made.member)).send({ stage: 'aborted' }).expect(400);
    const aborted = await http()
      .patch(`/api/v1/pilots/${made.pilot.id}`)
      .set(as(made.manager))
      .send({ stage: 'aborted', reason: 'Verksamheten omorganiseras' });
    expect(aborted.status).toBe(200);
    expect(aborted.body).toMatchObject({ stage: 'aborted', abortReason: 'Verksamheten omorganiseras' });
    await http()
      .patch(`/api/v1/pilots/${made.pilot.id}`)
      .set(as(made.manager))
      .send({ goals: ['Nytt mål'] })
      .expect(409);
  });
});
