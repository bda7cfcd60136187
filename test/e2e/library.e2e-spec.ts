// The results library's journey: a completed pilot is published once both
// sides consent, found by a Swedish search, adopted by another municipality,
// and never shows (nor is found by) a part either side did not consent to.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { TestUser } from '@slussen/testing';
import { DataSource } from 'typeorm';
import { completedPilot, completedPilotFromIdea, type CompletedPilot } from '../library-world.js';
import { agreedPilot, startPilotWorld, type PilotWorld } from '../pilot-world.js';

const as = (user: TestUser) => ({ Authorization: `Bearer ${user.token}` });
// Words only in the parts the company leaves out: the lessons, and the measured value.
const SECRET_LESSON = 'Hemlighållen lärdom om Kvastfenomenet';
const MEASURED = 3.25;

describe('results library: consent, publication, search and adoption', () => {
  let world: PilotWorld;
  let made: CompletedPilot;
  let resultId: string;
  let db: DataSource;

  beforeAll(async () => {
    world = await startPilotWorld();
    db = world.api.get(DataSource);
    made = await completedPilot(world, {
      title: 'Sensormattor mot fall nattetid',
      summary: 'Sensormattor vid sängen larmade personalen i tid och fallen nattetid minskade.',
      lessons: SECRET_LESSON,
      measured: MEASURED,
    });
  });
  afterAll(() => world.close());

  const search = (query: string) => world.http().get(`/api/v1/results?${query}`).expect(200);

  it('refuses to publish a pilot that is not completed', async () => {
    world.clock.set(new Date());
    const running = await agreedPilot(world);
    const refused = await world
      .http()
      .post(`/api/v1/pilots/${running.pilot.id}/publication`)
      .set(as(running.member))
      .send({ consent: true });
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('keeps a result out of the library while only one side consents', async () => {
    const company = await world
      .http()
      .post(`/api/v1/pilots/${made.pilot.id}/publication`)
      .set(as(made.member))
      .send({ consent: true, parts: ['summary', 'metrics', 'company'] })
      .expect(200);
    expect(company.body).toMatchObject({
      company: true,
      testbed: false,
      published: false,
      side: 'company',
      consents: { company: { parts: ['summary', 'metrics', 'company'] }, testbed: null },
    });
    resultId = company.body.resultId;
    expect(resultId).toEqual(expect.any(String));
    await world.http().get(`/api/v1/results/${resultId}`).expect(404);
    expect((await search('q=sensormattor')).body.items).toEqual([]);
    // The test bed's managers are asked to consent too; the company is not told of its own consent.
    const mail = await world.waitFor(
      () => sentMail(db, 'result.consented'),
      (rows) => rows.length >= 1,
    );
    expect(mail).toEqual([made.manager.email]);
  });

  it('publishes once both sides consent, with only the parts both consented to, found by a Swedish search', async () => {
    const testbed = await world
      .http()
      .post(`/api/v1/pilots/${made.pilot.id}/publication`)
      .set(as(made.manager))
      .send({ consent: true })
      .expect(200);
    expect(testbed.body).toMatchObject({
      company: true,
      testbed: true,
      published: true,
      resultId,
      parts: ['summary', 'metrics', 'company'],
    });
    // Swedish stemming and prefixes: "sensormatta" and "fall" find "Sensormattor" and "fallen".
    const found = await search('q=sensormatta%20fall&domain=elderly-care&environmentType=real&outcome=adopted');
    expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([resultId]);
    expect((await search('q=sensormatta&outcome=procured')).body.items).toEqual([]);
    expect((await search('q=sensormatta&domain=energy')).body.items).toEqual([]);

    const result = (await world.http().get(`/api/v1/results/${resultId}`).expect(200)).body;
    expect(result).toMatchObject({
      id: resultId,
      title: 'Sensormattor mot fall nattetid',
      company: { name: expect.any(String) },
      problem: null,
      testbed: { id: made.testbed.id, environmentType: 'real', domains: ['elderly-care'], municipality: 'Stockholm' },
      period: { startsAt: made.startsAt, endsAt: made.endsAt },
      outcome: {
        result: 'adopted',
        summary: 'Sensormattor vid sängen larmade personalen i tid och fallen nattetid minskade.',
        lessons: null,
      },
      metrics: [
        {
          key: 'falls',
          name: 'Fall per vecka',
          unit: 'fall',
          direction: 'decrease',
          baseline: 10,
          target: 5,
          result: null,
        },
      ],
      adoptions: [],
      parts: ['summary', 'metrics', 'company'],
    });
    const both = (await world.http().get(`/api/v1/pilots/${made.pilot.id}/publication`).set(as(made.member))).body;
    expect(both).toMatchObject({ published: true, side: 'company' });
    const mail = await world.waitFor(
      () => sentMail(db, 'result.published'),
      (rows) => rows.length >= 2,
    );
    expect(new Set(mail)).toEqual(new Set([made.manager.email, made.member.email]));
  });

  it('never shows or finds a part a side did not consent to', async () => {
    const everywhere = [
      (await world.http().get(`/api/v1/results/${resultId}`).expect(200)).text,
      (await search('q=sensormattor')).text,
      (await search('')).text,
    ];
    for (const text of everywhere) {
      expect(text).not.toContain('Kvastfenomenet');
      expect(text).not.toContain(String(MEASURED));
    }
    expect((await search('q=Kvastfenomenet')).body.items).toEqual([]);
    expect((await search('q=lärdom')).body.items).toEqual([]);
  });

  it('records that another municipality adopted the result, and tells both sides', async () => {
    const malmo = await world.factory.organization('municipality', { name: 'Malmö stad (test)' });
    const malmoManager = await world.factory.member(malmo.id, 'manager');
    const adopted = await world
      .http()
      .post(`/api/v1/results/${resultId}/adoptions`)
      .set(as(malmoManager))
      .send({ organizationId: malmo.id, adoptedAt: '2026-11-02', note: 'Införs på tre äldreboenden.' });
    expect(adopted.status).toBe(201);
    expect(adopted.body).toMatchObject({
      resultId,
      organizationId: malmo.id,
      organizationName: 'Malmö stad (test)',
      adoptedAt: '2026-11-02',
    });
    const again = await world
      .http()
      .post(`/api/v1/results/${resultId}/adoptions`)
      .set(as(malmoManager))
      .send({ organizationId: malmo.id, adoptedAt: '2026-11-03' });
    expect(again.status).toBe(409);
    // The region that ran the test bed did not adopt it "too"; a company adopts nothing; nor a date to come.
    const own = await world
      .http()
      .post(`/api/v1/results/${resultId}/adoptions`)
      .set(as(made.manager))
      .send({ organizationId: made.region.id, adoptedAt: '2026-11-02' });
    expect(own.status).toBe(400);
    const company = await world
      .http()
      .post(`/api/v1/results/${resultId}/adoptions`)
      .set(as(made.member))
      .send({ organizationId: made.company.id, adoptedAt: '2026-11-02' });
    expect(company.status).toBe(403);
    const later = await world
      .http()
      .post(`/api/v1/results/${resultId}/adoptions`)
      .set(as(malmoManager))
      .send({ organizationId: malmo.id, adoptedAt: '2999-01-01' });
    expect(later.status).toBe(400);

    const result = (await world.http().get(`/api/v1/results/${resultId}`).expect(200)).body;
    expect(result.adoptions).toEqual([
      {
        id: adopted.body.id,
        organizationId: malmo.id,
        organizationName: 'Malmö stad (test)',
        organizationKind: 'municipality',
        adoptedAt: '2026-11-02',
        note: 'Införs på tre äldreboenden.',
      },
    ]);
    const mail = await world.waitFor(
      () => sentMail(db, 'result.adopted'),
      (rows) => rows.length >= 2,
    );
    expect(new Set(mail)).toEqual(new Set([made.manager.email, made.member.email]));

    // The funder's view: the domain, the result, and how far it spread.
    const agency = await world.factory.organization('agency');
    const analyst = await world.factory.member(agency.id, 'member');
    const spread = (await world.http().get('/api/v1/results/spread').set(as(analyst)).expect(200)).body;
    expect(spread.items).toEqual([
      expect.objectContaining({
        domain: 'elderly-care',
        results: 1,
        adoptedResults: 1,
        adoptions: 1,
        organizations: 1,
        municipalities: 1,
        regions: 0,
      }),
    ]);
    expect(spread.items[0].items[0]).toMatchObject({ id: resultId, adoptions: [{ organizationId: malmo.id }] });
  });

  it('shows the idea a pilot came from when both sides consent to the problem, and never otherwise', async () => {
    const idea = {
      title: 'Trycksensorer i sängen mot trycksår',
      description: 'Sensorer som påminner personalen om att vända den boende i tid.',
      affects: 'Sängliggande boende',
    };
    const made = await completedPilotFromIdea(world, idea);
    for (const [side, parts] of [
      [made.member, ['summary', 'metrics']],
      [made.manager, ['summary', 'problem']],
    ] as const)
      await world
        .http()
        .post(`/api/v1/pilots/${made.pilotId}/publication`)
        .set(as(side))
        .send({ consent: true, parts })
        .expect(200);
    const hidden = (await search('q=pilot%20av%20idén')).body.items;
    expect(hidden).toHaveLength(1);
    expect(hidden[0]).toMatchObject({ problem: null, parts: ['summary'] });
    expect(JSON.stringify(hidden)).not.toContain('Trycksensorer');
    // Words of the idea do not find it while the problem is not shown.
    expect((await search('q=trycksår')).body.items).toEqual([]);

    await world
      .http()
      .post(`/api/v1/pilots/${made.pilotId}/publication`)
      .set(as(made.member))
      .send({ consent: true, parts: ['summary', 'problem'] })
      .expect(200);
    const shown = (await search('q=trycksår')).body.items;
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ problem: { kind: 'idea', ...idea }, parts: ['summary', 'problem'] });
  });

  it('publishes once when both sides consent at the same moment, and the database refuses a publication without both', async () => {
    const made = await completedPilotFromIdea(world, {
      title: 'Samtidigt samtycke',
      description: 'Båda sidor samtycker på samma gång.',
      affects: 'Ingen',
    });
    const answers = await Promise.all(
      [made.member, made.manager].map((side) =>
        world.http().post(`/api/v1/pilots/${made.pilotId}/publication`).set(as(side)).send({ consent: true }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    expect(answers.some((answer) => answer.body.published)).toBe(true);
    const topics = await db.query(
      `SELECT topic FROM outbox_messages WHERE topic LIKE 'result.%' AND payload->>'pilotId' = $1 ORDER BY topic`,
      [made.pilotId],
    );
    expect(topics).toEqual([{ topic: 'result.consented' }, { topic: 'result.published' }]);
    // Past the service: a result published while a side has not consented breaks results_published_check.
    await expect(
      db.query(`UPDATE results SET testbed_consented_at = NULL WHERE pilot_id = $1`, [made.pilotId]),
    ).rejects.toThrow(/results_published_check/);
    await expect(
      db.query(`UPDATE results SET company_parts = ARRAY['secrets'] WHERE pilot_id = $1`, [made.pilotId]),
    ).rejects.toThrow(/results_parts_check/);
  });
  it('takes the result out of the library when a side withdraws, and back when it consents again', async () => {
    const withdrawn = await world
      .http()
      .post(`/api/v1/pilots/${made.pilot.id}/publication`)
      .set(as(made.manager))
      .send({ consent: false })
      .expect(200);
    expect(withdrawn.body).toMatchObject({ company: true, testbed: false, published: false });
    await world.http().get(`/api/v1/results/${resultId}`).expect(404);
    expect((await search('q=sensormattor')).body.items).toEqual([]);
    await world
      .http()
      .post(`/api/v1/results/${resultId}/adoptions`)
      .set(as(made.manager))
      .send({ organizationId: made.region.id, adoptedAt: '2026-11-02' })
      .expect(404);
    const mail = await world.waitFor(
      () => sentMail(db, 'result.withdrawn'),
      (rows) => rows.length >= 1,
    );
    expect(mail).toEqual([made.member.email]);

    // A narrower consent this time: the public sees no summary either; the adoption is still there.
    await world
      .http()
      .post(`/api/v1/pilots/${made.pilot.id}/publication`)
      .set(as(made.manager))
      .send({ consent: true, parts: ['metrics', 'measurements', 'lessons'] })
      .expect(200);
    const result = (await world.http().get(`/api/v1/results/${resultId}`).expect(200)).body;
    expect(result).toMatchObject({
      parts: ['metrics'],
      company: null,
      outcome: { summary: null, lessons: null },
      metrics: [{ key: 'falls', result: null }],
      adoptions: [{ organizationName: 'Malmö stad (test)' }],
    });
    expect((await search('q=larmade')).body.items).toEqual([]);
    const audit = await db.query(
      `SELECT DISTINCT action FROM audit_entries WHERE subject_id IN ($1, $2) AND action LIKE 'result.%' ORDER BY action`,
      [made.pilot.id, resultId],
    );
    expect(audit.map((row: { action: string }) => row.action)).toEqual([
      'result.adopt',
      'result.consent',
      'result.consent-withdrawn',
      'result.publish',
    ]);
  });
});

/** Who has been sent an e-mail of the topic, by address. */
async function sentMail(db: DataSource, topic: string): Promise<string[]> {
  const rows = await db.query(
    `SELECT d.recipient FROM deliveries d JOIN outbox_messages o ON o.id = d.outbox_id
      WHERE o.topic = $1 AND d.status = 'sent' AND d.channel = 'email' ORDER BY d.recipient`,
    [topic],
  );
  return rows.map((row: { recipient: string }) => row.recipient);
}
