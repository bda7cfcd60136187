import type { TopicReach } from '@slussen/core';

/** The results library's outbox topics and their payloads (ids, and what the message is about). */
interface ConsentChange {
  pilotId: string;
  /** The side that consented or withdrew. */
  side: 'company' | 'testbed';
}

export interface LibraryTopics {
  /** One side consented; the other side is asked to consent too. */
  'result.consented': ConsentChange;
  /** Both sides consented: the result is in the public library. */
  'result.published': ConsentChange;
  /** One side withdrew its consent: the result left the public library. */
  'result.withdrawn': ConsentChange;
  /** Another organization recorded that it adopted the result. */
  'result.adopted': { adoptionId: string };
}

declare module '@slussen/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface OutboxTopics extends LibraryTopics {}
}

/** Each topic, and whom it tells: every change of a result is a webhook event. */
export const LIBRARY_TOPICS: Record<keyof LibraryTopics, TopicReach> = {
  'result.consented': 'webhook',
  'result.published': 'webhook',
  'result.withdrawn': 'webhook',
  'result.adopted': 'webhook',
};
