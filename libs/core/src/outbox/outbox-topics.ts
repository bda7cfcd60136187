/**
 * Every outbox topic and the payload its message carries. Each context declares
 * its own beside its code, by declaration merging (as `PolicySubjects`):
 *
 *     declare module '@slussen/core' {
 *       interface OutboxTopics { 'booking.confirmed': { bookingId: string } }
 *     }
 *
 * so `outbox.add('booking.confirmed', { bookingId })` and `outboxInsert(...)`
 * are checked by the compiler, and the notifications context dispatches by it.
 * Payloads carry ids; whoever reads a message re-reads current state.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OutboxTopics {}
export type OutboxTopic = keyof OutboxTopics;

/**
 * Whom a topic tells: organizations too, as a webhook event they may subscribe to, or
 * only people, by e-mail. A context that tells organizations of its changes says it of
 * each topic (`Record<keyof ItsTopics, TopicReach>`); the API's webhook events are those.
 */
export type TopicReach = 'webhook' | 'e-mail only';
export type OutboxPayload<T extends OutboxTopic> = OutboxTopics[T];

/** A topic chosen in SQL by a column's value (`CASE <on> WHEN 'key' THEN 'topic' ... [ELSE 'topic'] END`). */
export interface OutboxTopicChoice<T extends OutboxTopic> {
  on: string;
  when: Record<string, T>;
  else?: T;
}
