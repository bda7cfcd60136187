import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { outbox, outboxInsert } from './outbox.repository.js';

describe('the typed outbox', () => {
  it('writes a row from a statement’s own rows, with the payload built in SQL', () => {
    expect(
      outboxInsert({ from: 'changed', topic: 'booking.cancelled', payload: { bookingId: 'id' }, requestId: '$11' }),
    ).toBe(
      `INSERT INTO outbox_messages (topic, payload, request_id) SELECT 'booking.cancelled', json_build_object('bookingId', id), $11 FROM changed`,
    );
    expect(
      outboxInsert({
        from: 'fresh',
        topic: { on: 'kind', when: { 'decision-due': 'booking.decision-due' }, else: 'booking.starts-soon' },
        payload: { bookingId: 'booking_id', kind: 'kind' },
      }),
    ).toBe(
      `INSERT INTO outbox_messages (topic, payload) SELECT CASE kind WHEN 'decision-due' THEN 'booking.decision-due' ELSE 'booking.starts-soon' END, json_build_object('bookingId', booking_id, 'kind', kind) FROM fresh`,
    );
  });

  it('refuses an unknown topic or a payload of the wrong shape at compile time, and odd words at run time', async () => {
    const manager = { query: async () => [] } as unknown as EntityManager;
    // @ts-expect-error: no context declares this topic
    await outbox.add('booking.misspelt', { bookingId: 'b' }, manager);
    // @ts-expect-error: a pilot message names its pilot
    await outbox.add('pilot.evaluating', { bookingId: 'b' }, manager);
    // @ts-expect-error: every field of the payload is required
    expect(() => outboxInsert({ from: 'x', topic: 'booking.starts-soon', payload: { bookingId: 'id' } })).not.toThrow();
    expect(() =>
      outboxInsert({
        from: 'x',
        topic: { on: 'kind', when: { "x' OR 1=1 --": 'booking.cancelled' } },
        payload: { bookingId: 'id' },
      }),
    ).toThrow('not a topic or key');
  });
});
