import type { TopicReach } from '@slussen/core';
import { IDEAS_TOPICS } from '@slussen/ideas';
import { LIBRARY_TOPICS } from '@slussen/library';
import { PILOTS_TOPICS } from '@slussen/pilots';
import { SCHEDULING_TOPICS } from '@slussen/scheduling';

// The contexts that tell organizations of their changes, each topic with whom it tells,
// in the order the API lists their events.
const TOPICS: Readonly<Record<string, TopicReach>> = {
  ...SCHEDULING_TOPICS,
  ...PILOTS_TOPICS,
  ...LIBRARY_TOPICS,
  ...IDEAS_TOPICS,
};

/**
 * The events an organization may subscribe a webhook to: every topic a context publishes
 * to organizations, then `*` for all of them. The API validates and documents this list
 * (the web app's comes from the API's generated types).
 */
export const WEBHOOK_EVENTS: readonly string[] = [
  ...Object.keys(TOPICS).filter((topic) => TOPICS[topic] === 'webhook'),
  '*',
];
