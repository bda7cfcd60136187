import type { Actor, OutboxTopic, OutboxTopics } from '@slussen/core';
import type { EntityManager } from 'typeorm';
import type { Language } from './mail-layout.js';
import type { NoticeReads, OrganizationContact } from './notice-reads.js';

/** A person who can be told something, in their language. */
export interface Contact {
  userId: string;
  email: string;
  name: string;
  language: Language;
}

/** A person a message is for, and in what capacity (`audience`: a word the message's own texts choose by). */
export interface Recipient<A extends string = string> extends Contact {
  audience: A;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * What one outbox message tells whom, read again from the current state when
 * it is delivered: the people who get an e-mail, the organizations whose
 * webhooks hear it (with `webhookData` as the event's data), and the e-mail
 * each person reads. The delivery engine plans, claims, sends and retries it.
 */
export interface Notice<A extends string = string> {
  people: Map<string, Recipient<A>>;
  organizations: string[];
  webhookData: Record<string, unknown>;
  attachments?: Array<{ filename: string; content: string; contentType: string }>;
  /** `audience` is null for a recipient no longer among `people` (a delivery planned earlier). */
  render(person: { name: string; language: Language; audience: A | null }): RenderedMail;
}

/**
 * A context's message for a topic: the notice for one payload, or null when
 * there is nothing to say any more. The engine asks for a batch's notices at
 * once, all with the same `reads`: what a message reads through them is read
 * with the rest of the batch, one query per kind of read.
 */
export type MessageOf<T extends OutboxTopic> = (payload: OutboxTopics[T], reads: NoticeReads) => Promise<Notice | null>;

/**
 * A context's messages, one for each of its topics. A context provides a
 * subclass in its module; the delivery engine finds every instance at start
 * and dispatches each outbox message by its topic:
 *
 *     @Injectable()
 *     export class SchedulingMessages extends Messages<keyof SchedulingTopics> {
 *       readonly messages = { 'booking.confirmed': (payload, reads) => this.booking(payload, reads), ... };
 *     }
 */
export abstract class Messages<T extends OutboxTopic> {
  abstract readonly messages: { [K in T]: MessageOf<K> };
}

/** The two sides of a booked slot: the booking company, and the test bed's managers. */
export type Audience = 'company' | 'managers';

/** The people of each side: the company's members, and the test bed organization's admins and managers. */
export async function audienceOf(
  audiences: Audience[],
  sides: { companyId: string; testbedOrganizationId: string },
  reads: NoticeReads,
): Promise<Map<string, Recipient<Audience>>> {
  // Both sides asked at once, so that a batch reads every side's people together.
  const [managers, company] = await Promise.all([
    audiences.includes('managers') ? reads.contactsOf(sides.testbedOrganizationId, ['admin', 'manager']) : [],
    audiences.includes('company') ? reads.contactsOf(sides.companyId) : [],
  ]);
  const people = new Map<string, Recipient<Audience>>();
  for (const person of managers) people.set(person.userId, { ...person, audience: 'managers' });
  for (const person of company) people.set(person.userId, { ...person, audience: 'company' });
  return people;
}

/** What a webhook subscription's change records in the audit log. */
export interface WebhookAuditEntry {
  action: 'webhook.create' | 'webhook.delete' | 'webhook.enable';
  organizationId: string;
  subjectType: 'webhook';
  subjectId: string;
  details: Record<string, unknown>;
}

/**
 * What the delivery engine asks of the context that keeps people and
 * organizations (identity provides it): the contacts of a batch's
 * organizations and users, whether an actor
 * manages an organization's webhooks, and the audit log.
 */
export abstract class NotificationsDirectory {
  /** The contacts and roles of each organization's members, each organization's in the order of their e-mail addresses. */
  abstract contactsOfOrganizations(organizationIds: readonly string[]): Promise<Map<string, OrganizationContact[]>>;
  /** Each user's contact, whatever organizations they belong to. */
  abstract contactsOfUsers(userIds: readonly string[]): Promise<Map<string, Contact>>;
  /** Throws not-found or forbidden (as the organization's policy decides) unless the actor may manage its webhooks. */
  abstract authorizeWebhooks(actor: Actor, organizationId: string): Promise<void>;
  abstract audit(actor: Actor, entry: WebhookAuditEntry, manager: EntityManager): Promise<void>;
}
