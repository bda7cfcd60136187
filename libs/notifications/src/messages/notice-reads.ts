import DataLoader from 'dataloader';
import type { Contact } from './messages.js';

/** Reads many keys in one query: the value of each key found (a key missing from the map has none). */
export type BatchRead<V> = (keys: readonly string[]) => Promise<Map<string, V>>;

/** A member's contact and role in an organization, as the directory answers for a batch of organizations. */
export interface OrganizationContact extends Contact {
  role: string;
}

/** How the reads of a batch find people: the directory's batch answers (identity provides them). */
export interface PeopleReads {
  contactsOfOrganizations: BatchRead<OrganizationContact[]>;
  contactsOfUsers: BatchRead<Contact>;
}

/**
 * The reads of one batch of notices. The delivery engine asks for a batch's
 * notices at once; every lookup a message makes through these reads while the
 * others make theirs goes into one query per kind of read (the `dataloader`
 * package coalesces the keys asked for in the same turn of the event loop),
 * and a key asked for twice in the batch is read once. A new batch gets new
 * reads, so nothing is kept from one batch to the next.
 *
 *     const booking = await reads.load(this.bookingsById, payload.bookingId);
 */
export class NoticeReads {
  private readonly loaders = new Map<BatchRead<unknown>, DataLoader<string, unknown>>();
  private readonly made = new Map<string, unknown>();

  constructor(private readonly people: () => PeopleReads) {}

  /** The value of `key` from `read`, read with every other key of the batch; undefined when there is none. */
  load<V>(read: BatchRead<V>, key: string): Promise<V | undefined> {
    let loader = this.loaders.get(read) as DataLoader<string, V | undefined> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V | undefined>(async (keys) => {
        try {
          const found = await read(keys);
          return keys.map((each) => found.get(each));
        } catch (error) {
          // Read again one key at a time, so that only the messages whose own read fails are retried.
          if (keys.length === 1) throw error;
          return Promise.all(
            keys.map((key) =>
              read([key]).then(
                (found) => found.get(key),
                (alone: unknown) => (alone instanceof Error ? alone : new Error(String(alone))),
              ),
            ),
          );
        }
      });
      this.loaders.set(read, loader as DataLoader<string, unknown>);
    }
    return loader.load(key);
  }

  /** The contacts of an organization's members (of some roles only), in the order of their e-mail addresses. */
  async contactsOf(organizationId: string, roles?: string[]): Promise<Contact[]> {
    const members = (await this.load(this.organizationContacts, organizationId)) ?? [];
    return members
      .filter((member) => !roles || roles.includes(member.role))
      .map(({ userId, email, name, language }) => ({ userId, email, name, language }));
  }

  /** A user's contact, whatever organizations they belong to; null when there is no such user. */
  async contactOfUser(userId: string): Promise<Contact | null> {
    return (await this.load(this.userContacts, userId)) ?? null;
  }

  /** Something made from the batch's reads (a calendar file), made once for the batch under its key. */
  once<V>(key: string, make: () => V): V {
    if (!this.made.has(key)) this.made.set(key, make());
    return this.made.get(key) as V;
  }

  private readonly organizationContacts: BatchRead<OrganizationContact[]> = (ids) =>
    this.people().contactsOfOrganizations(ids);
  private readonly userContacts: BatchRead<Contact> = (ids) => this.people().contactsOfUsers(ids);
}
