import type { TopicReach } from '@slussen/core';

/** The ideas context's outbox topics and their payloads (ids; readers re-read the idea). */
export interface IdeasTopics {
  'idea.submitted': { ideaId: string };
  'idea.screening': { ideaId: string };
  'idea.accepted': { ideaId: string };
  'idea.declined': { ideaId: string };
  /** Written by the database (`ideas_follow_bookings`) when a linked booking is confirmed. */
  'idea.piloting': { ideaId: string; bookingId: string };
  'idea.closed': { ideaId: string };
  /** The idea has waited in `submitted` longer than its sluice promises: its managers are reminded once. */
  'idea.waiting': { ideaId: string };
  'idea.message': { messageId: string };
  'idea.answered': { answerId: string };
  'idea.answer-accepted': { answerId: string };
}

declare module '@slussen/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface OutboxTopics extends IdeasTopics {}
}

/** A change of an idea's status that tells of itself under `idea.<status>`. */
export type IdeaStatusTopic = 'idea.screening' | 'idea.accepted' | 'idea.declined' | 'idea.closed';

/**
 * Each topic, and whom it tells: the conversation's messages and the reminder to a sluice's
 * managers are e-mail to people only; every other change of an idea is a webhook event.
 */
export const IDEAS_TOPICS: Record<keyof IdeasTopics, TopicReach> = {
  'idea.submitted': 'webhook',
  'idea.screening': 'webhook',
  'idea.accepted': 'webhook',
  'idea.declined': 'webhook',
  'idea.piloting': 'webhook',
  'idea.closed': 'webhook',
  'idea.waiting': 'e-mail only',
  'idea.message': 'e-mail only',
  'idea.answered': 'webhook',
  'idea.answer-accepted': 'webhook',
};
