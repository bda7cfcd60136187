// A batch's notices, read together (one query per kind of read for the whole
// batch), are the notices each message gets when it is asked for alone: the
// same people, webhooks, data, attachments and e-mails, the same nothing for a
// message whose subject is gone, and the same failure for one whose read fails.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { MessageRegistry } from '../../libs/notifications/src/messages/message-registry.js';
import type { Notice } from '../../libs/notifications/src/messages/messages.js';
import { completedPilotFromIdea } from '../library-world.js';
import { startPilotWorld, type PilotWorld } from '../pilot-world.js';

jest.setTimeout(120_000);

type Message = { topic: string; payload: Record<string, unknown> };

/** Everything a notice tells, with the calendar file's time of writing left out. */
function told(notice: Notice | null | undefined) {
  if (!notice) return notice;
  const people = [...notice.people.entries()];
  return {
    people,
    organizations: notice.organizations,
    webhookData: JSON.parse(JSON.stringify(notice.webhookData)) as unknown,
    attachments: notice.attachments?.map((file) => ({ ...file, content: file.content.replace(/DTSTAMP:\w+/, '') })),
    mails: [
      ...people.map(([, person]) => notice.render(person)),
      notice.render({ name: 'Tidigare mottagare', language: 'en', audience: null }),
    ],
  };
}

type Outcome = { ok: boolean; value?: ReturnType<typeof told>; error?: string };

const outcome = (notice: Promise<Notice | null> | undefined): Promise<Outcome> =>
  notice === undefined
    ? Promise.resolve({ ok: true, value: undefined })
    : notice.then(
        (value) => ({ ok: true, value: told(value) }),
        (error: Error) => ({ ok: false, error: error.message }),
      );

describe('notices read in batches', () => {
  let world: PilotWorld;
  let registry: MessageRegistry;
  let messages: Message[];

  beforeAll(async () => {
    world = await startPilotWorld();
    registry = world.worker.get(MessageRegistry, { strict: false });
    const db = world.api.get(DataSource);
    // An idea that became a booking, a pilot and a published result, adopted elsewhere; a message in its conversation.
    const made = await completedPilotFromIdea(world, {
      title: 'Nattlig tillsyn med sensorer',
      description: 'Sensorer vid sängen larmar personalen.',
      affects: 'Nattpersonal',
    });
    const as = (user: { token: string }) => ({ Authorization: `Bearer ${user.token}` });
    for (const side of [made.member, made.manager])
      await world
        .http()
        .post(`/api/v1/pilots/${made.pilotId}/publication`)
        .set(as(side))
        .send({ consent: true })
        .expect(200);
    const [{ id: resultId }] = await db.query(`SELECT id FROM results WHERE pilot_id = $1`, [made.pilotId]);
    const malmo = await world.factory.organization('municipality', { name: 'Malmö stad (batch)' });
    const malmoManager = await world.factory.member(malmo.id, 'manager');
    await world
      .http()
      .post(`/api/v1/results/${resultId}/adoptions`)
      .set(as(malmoManager))
      .send({ organizationId: malmo.id, adoptedAt: '2026-11-02' })
      .expect(201);
    await world
      .http()
      .post(`/api/v1/ideas/${made.ideaId}/messages`)
      .set(as(made.member))
      .send({ body: 'Hur går det med sensorerna?' })
      .expect(201);
    // An invitation for a person who has an account, and a password link for one who has none yet.
    const admin = await world.factory.user({ platformAdmin: true });
    const region = await world.factory.organization('region');
    const existing = await world.factory.user();
    for (const [email, name] of [
      [existing.email, 'Befintlig Person'],
      [`ny-${randomUUID().slice(0, 8)}@example.se`, 'Ny Person'],
    ]) {
      const added = await world
        .http()
        .post(`/api/v1/organizations/${region.id}/members`)
        .set(as(admin))
        .send({ email, name, role: 'member' });
      expect([201, 202]).toContain(added.status);
    }
    const stored: Message[] = await db.query(`SELECT topic, payload FROM outbox_messages ORDER BY created_at, id`);
    // Each context's own messages are among them, not only the gone ones below.
    // The pilot's messages of its scan and its plan, which this pilot's path did not write.
    stored.push(
      { topic: 'pilot.evaluating', payload: { pilotId: made.pilotId } },
      {
        topic: 'pilot.measurement-overdue',
        payload: { pilotId: made.pilotId, dueAt: '2026-12-01T09:00:00.000Z', metricKeys: ['falls'] },
      },
      { topic: 'pilot.plan-approved', payload: { pilotId: made.pilotId, side: 'testbed' } },
    );
    expect(
      ['booking', 'pilot', 'idea', 'result', 'identity'].filter(
        (context) => !stored.some((message) => message.topic.startsWith(`${context}.`)),
      ),
    ).toEqual([]);
    const gone = randomUUID();
    messages = [
      ...stored,
      // Subjects that are gone: each is null in a batch as alone.
      { topic: 'booking.confirmed', payload: { bookingId: gone } },
      { topic: 'pilot.evaluating', payload: { pilotId: gone } },
      { topic: 'idea.accepted', payload: { ideaId: gone } },
      { topic: 'idea.message', payload: { messageId: gone } },
      { topic: 'idea.answered', payload: { answerId: gone } },
      { topic: 'result.published', payload: { pilotId: gone, side: 'company' } },
      { topic: 'result.adopted', payload: { adoptionId: gone } },
      { topic: 'report.month-ready', payload: { snapshotId: gone, userId: gone } },
      { topic: 'identity.invitation', payload: { invitationId: gone } },
      { topic: 'identity.password-setup', payload: { passwordTokenId: gone, organizationId: gone } },
      // A read that fails (not an id at all) fails only its own message; a topic nobody has has no notice.
      { topic: 'booking.rejected', payload: { bookingId: 'not-an-id' } },
      { topic: 'nobody.listens', payload: {} },
      // The same message twice in a batch.
      ...stored.slice(0, 3),
    ];
  });
  afterAll(() => world.close());

  it('covers the contexts’ topics, mixed in one batch', () => {
    const topics = new Set(messages.map((message) => message.topic.split('.')[0]));
    for (const context of ['booking', 'pilot', 'idea', 'result', 'report', 'identity'])
      expect(topics).toContain(context);
    expect(new Set(messages.map((message) => message.topic)).size).toBeGreaterThanOrEqual(12);
  });

  it('gives each message of a batch the notice it gets alone, null and failure included', async () => {
    const together = await Promise.all(registry.notices(messages).map(outcome));
    const alone = [];
    for (const message of messages) alone.push(await outcome(registry.notices([message])[0]));
    expect(together).toEqual(alone);
    // The batch said something (not only nothing): people told, a calendar file, and the nulls and the failure.
    const told = together.filter((each) => each.ok && each.value);
    expect(told.length).toBeGreaterThan(10);
    expect(together.filter((each) => each.ok && each.value === null)).toHaveLength(10);
    expect(together.filter((each) => !each.ok)).toHaveLength(1);
    expect(JSON.stringify(together)).toContain('BEGIN:VCALENDAR');
  });

  it('gives the same notices however the batch is cut', async () => {
    const reversed = [...messages].reverse();
    const together = await Promise.all(registry.notices(reversed).map(outcome));
    const halves = [
      ...(await Promise.all(registry.notices(reversed.slice(0, 7)).map(outcome))),
      ...(await Promise.all(registry.notices(reversed.slice(7)).map(outcome))),
    ];
    expect(halves).toEqual(together);
  });
});
