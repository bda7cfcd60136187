import { describe, expect, it } from '@jest/globals';
import type { OutboxTopic } from '@slussen/core';
import { Messages, type MessageOf } from '@slussen/notifications';
import { IdentityMessages } from '../../libs/identity/src/messages/identity.messages.js';
import { IDENTITY_TOPICS } from '../../libs/identity/src/messages/identity.topics.js';
import { IdeasMessages } from '../../libs/ideas/src/messages/ideas.messages.js';
import { IDEAS_TOPICS } from '../../libs/ideas/src/messages/ideas.topics.js';
import { NotificationsMessages } from '../../libs/notifications/src/messages/notifications.messages.js';
import { NOTIFICATIONS_TOPICS } from '../../libs/notifications/src/messages/notifications.topics.js';
import { LibraryMessages } from '../../libs/library/src/messages/library.messages.js';
import { LIBRARY_TOPICS } from '../../libs/library/src/messages/library.topics.js';
import { PilotsMessages } from '../../libs/pilots/src/messages/pilots.messages.js';
import { PILOTS_TOPICS } from '../../libs/pilots/src/messages/pilots.topics.js';
import { ReportingMessages } from '../../libs/reporting/src/messages/reporting.messages.js';
import { REPORTING_TOPICS } from '../../libs/reporting/src/messages/reporting.topics.js';
import { SchedulingMessages } from '../../libs/scheduling/src/messages/scheduling.messages.js';
import { SCHEDULING_TOPICS } from '../../libs/scheduling/src/messages/scheduling.topics.js';

// Each context's topics (declared beside its code) and the messages it registers with the delivery engine.
const CONTEXTS = [
  { topics: SCHEDULING_TOPICS, messages: SchedulingMessages },
  { topics: PILOTS_TOPICS, messages: PilotsMessages },
  { topics: REPORTING_TOPICS, messages: ReportingMessages },
  { topics: IDENTITY_TOPICS, messages: IdentityMessages },
  { topics: NOTIFICATIONS_TOPICS, messages: NotificationsMessages },
  { topics: LIBRARY_TOPICS, messages: LibraryMessages },
  { topics: IDEAS_TOPICS, messages: IdeasMessages },
];

// The compiler holds this: every topic of the map is in some context's list, and no list names another.
const EVERY_TOPIC: Record<OutboxTopic, unknown> = {
  ...SCHEDULING_TOPICS,
  ...PILOTS_TOPICS,
  ...REPORTING_TOPICS,
  ...IDENTITY_TOPICS,
  ...NOTIFICATIONS_TOPICS,
  ...LIBRARY_TOPICS,
  ...IDEAS_TOPICS,
};

/** A context's registered messages, read without its services (a message reads them only when it is built). */
const registered = (messages: new (...args: never[]) => Messages<OutboxTopic>): string[] =>
  Object.keys((Reflect.construct(messages, []) as Messages<OutboxTopic>).messages);

describe('the outbox topic map', () => {
  it('covers every topic a context registers a message for, and each context has a message for each of its topics', () => {
    for (const { topics, messages } of CONTEXTS) {
      const own = registered(messages as never);
      expect(own.every((topic) => topic in EVERY_TOPIC)).toBe(true);
      expect(own.sort()).toEqual(Object.keys(topics).sort());
    }
  });

  it('gives each topic to one context', () => {
    const all = CONTEXTS.flatMap(({ topics }) => Object.keys(topics));
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(Object.keys(EVERY_TOPIC).sort());
  });

  it('refuses an unknown topic at compile time', () => {
    // @ts-expect-error: no context declares this topic
    const unknown: OutboxTopic = 'booking.misspelt';
    // @ts-expect-error: a message is built from its own topic's payload
    const wrongPayload: MessageOf<'pilot.evaluating'> = async (payload: { bookingId: string }) => (payload, null);
    expect([unknown, typeof wrongPayload]).toEqual(['booking.misspelt', 'function']);
  });
});
