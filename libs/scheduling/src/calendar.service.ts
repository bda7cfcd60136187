import { Injectable } from '@nestjs/common';
import { TestbedsService, type Testbed } from '@slussen/catalogue';
import {
  AppConfig,
  Clock,
  DomainError,
  hasRole,
  hashToken,
  isMemberOf,
  newOpaqueToken,
  NotFoundError,
  PolicyService,
  singleLine,
  type Actor,
} from '@slussen/core';
import { AccountsService, OrganizationsService } from '@slussen/identity';
import { createEvents, type EventAttributes } from 'ics';
import { SchedulingConfig } from './scheduling.config.js';
import { CalendarRepository, type FeedBooking, type FeedTokenRow } from './repositories/calendar.repository.js';

export type FeedScope = 'testbed' | 'organization';

const FEED_TOKEN_PREFIX = 'slf_';
const STATUS: Record<string, EventAttributes['status']> = {
  confirmed: 'CONFIRMED',
  pending: 'TENTATIVE',
  waitlisted: 'TENTATIVE',
};
const utc = (value: Date | string) => ({
  value: new Date(value).getTime(),
  input: 'utc' as const,
  output: 'utc' as const,
});

/** A feed token as its creator and the organization's admins see it; the token itself is never shown again. */
export interface FeedTokenView extends FeedTokenRow {
  /** `active`; `expired`; `revoked`; or `stopped` when its creator no longer holds a role that may read the feed. */
  status: 'active' | 'expired' | 'revoked' | 'stopped';
}

/**
 * iCalendar (RFC 5545) feeds of a test bed and of an organization, behind a
 * bearer or a feed token. Both feeds name companies and their bookings, so both
 * are for the owner's managers and admins. A feed token acts for its creator:
 * it opens the feed only while the creator still may, until it expires or is revoked.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly calendar: CalendarRepository,
    private readonly testbeds: TestbedsService,
    private readonly organizations: OrganizationsService,
    private readonly accounts: AccountsService,
    private readonly policy: PolicyService,
    private readonly config: AppConfig,
    private readonly schedulingConfig: SchedulingConfig,
    private readonly clock: Clock,
  ) {}

  /** A subscription URL for calendar apps; the token is shown here only. */
  async createToken(
    actor: Actor,
    scope: FeedScope,
    subjectId: string,
  ): Promise<{ id: string; token: string; url: string; expiresAt: Date }> {
    await this.authorize(actor, scope, subjectId);
    const token = newOpaqueToken(FEED_TOKEN_PREFIX);
    const saved = await this.calendar.createToken(
      {
        scope,
        subjectId,
        tokenHash: hashToken(token),
        tokenPrefix: token.slice(0, FEED_TOKEN_PREFIX.length + 6),
        createdByUserId: actor.userId,
      },
      this.schedulingConfig.calendarFeeds.tokenTtlDays,
    );
    return {
      id: saved.id,
      token,
      url: `${this.config.publicUrl}/api/v1/${scope === 'testbed' ? 'testbeds' : 'organizations'}/${subjectId}/calendar.ics?token=${token}`,
      expiresAt: saved.expiresAt,
    };
  }

  /** The feed tokens of a test bed, or of an organization and its test beds: all of them for its admins, one's own for its managers. */
  async listTokens(actor: Actor, scope: FeedScope, subjectId: string): Promise<{ items: FeedTokenView[] }> {
    const owner = await this.authorize(actor, scope, subjectId);
    const admin = hasRole(actor, owner, 'admin');
    if (!admin && actor.userId === null) return { items: [] };
    const rows = await this.calendar.listTokens(
      scope === 'testbed' ? { testbedId: subjectId } : { organizationId: subjectId },
      admin ? null : actor.userId,
    );
    const creators = new Map<string, Actor | null>();
    for (const id of new Set(rows.map((row) => row.createdByUserId).filter((id): id is string => id !== null)))
      creators.set(id, await this.accounts.actorOfUser(id));
    const testbeds = await this.testbeds.byIds(
      rows.filter((row) => row.scope === 'testbed').map((row) => row.subjectId),
    );
    const now = this.clock.now().getTime();
    return {
      items: rows.map((row) => {
        const creator = row.createdByUserId ? (creators.get(row.createdByUserId) ?? null) : null;
        const status: FeedTokenView['status'] =
          row.revokedAt !== null
            ? 'revoked'
            : new Date(row.expiresAt).getTime() <= now
              ? 'expired'
              : this.mayRead(creator, row.scope, row.subjectId, testbeds.get(row.subjectId))
                ? 'active'
                : 'stopped';
        return { ...row, status };
      }),
    };
  }

  /**
   * Its creator, and the admins of the organization that owns the feed, may
   * revoke a token. `under` is the test bed or organization of the route, when the route names one.
   */
  async revokeToken(actor: Actor, tokenId: string, under?: { scope: FeedScope; subjectId: string }): Promise<void> {
    const token = await this.calendar.findToken(tokenId);
    if (!token) throw new NotFoundError('Calendar token');
    const owner = await this.ownerOf(token.scope, token.subjectId);
    const belongs =
      !under ||
      (under.scope === 'testbed'
        ? token.scope === 'testbed' && token.subjectId === under.subjectId
        : owner === under.subjectId);
    const mayManage =
      owner !== null &&
      (hasRole(actor, owner, 'admin') || (actor.userId !== null && actor.userId === token.createdByUserId));
    if (!belongs || owner === null) throw new NotFoundError('Calendar token');
    if (!mayManage) {
      // A manager of the feed knows the token exists but may revoke only its own.
      if (isMemberOf(actor, owner) || actor.platformAdmin)
        throw new DomainError('forbidden', 'Only the token’s creator and the organization’s admins may revoke it');
      throw new NotFoundError('Calendar token');
    }
    await this.calendar.revokeToken(tokenId);
  }

  async feed(actor: Actor | null, scope: FeedScope, subjectId: string, token: string | undefined): Promise<string> {
    if (token !== undefined) {
      const found = await this.calendar.findUsable(scope, subjectId, hashToken(token), this.clock.now());
      const creator = found?.createdByUserId ? await this.accounts.actorOfUser(found.createdByUserId) : null;
      const testbed = scope === 'testbed' ? (await this.testbeds.byIds([subjectId])).get(subjectId) : undefined;
      if (!found || !this.mayRead(creator, scope, subjectId, testbed)) {
        throw new DomainError(
          'unauthenticated',
          'The calendar token is not valid: it was revoked, it expired, or its creator may no longer read this feed',
        );
      }
    } else {
      await this.authorize(actor, scope, subjectId);
    }
    return scope === 'testbed' ? this.testbedFeed(subjectId) : this.organizationFeed(subjectId);
  }

  /** Whether a feed token's creator may still read the feed (the same rule as a bearer). */
  private mayRead(creator: Actor | null, scope: FeedScope, subjectId: string, testbed: Testbed | undefined): boolean {
    if (creator === null) return false;
    if (scope === 'testbed') return testbed !== undefined && this.policy.can(creator, 'calendar.testbed', testbed);
    return this.policy.can(creator, 'calendar.organization', { id: subjectId });
  }

  /** Authorizes reading the feed and returns the id of the organization that owns it. */
  private async authorize(actor: Actor | null, scope: FeedScope, subjectId: string): Promise<string> {
    if (scope === 'testbed') {
      const testbed = (await this.testbeds.byIds([subjectId])).get(subjectId);
      if (!testbed) throw new NotFoundError('Test bed');
      this.policy.authorize(actor, 'calendar.testbed', testbed, 'Test bed');
      return testbed.organizationId;
    }
    if (actor === null) throw new DomainError('unauthenticated', 'Sign in, or use the calendar URL with its token');
    await this.organizations.findAuthorized(actor, 'organization.read', subjectId);
    this.policy.authorize(actor, 'calendar.organization', { id: subjectId }, 'Organization');
    return subjectId;
  }

  private async ownerOf(scope: FeedScope, subjectId: string): Promise<string | null> {
    if (scope === 'organization') return subjectId;
    return (await this.testbeds.byIds([subjectId])).get(subjectId)?.organizationId ?? null;
  }

  private async testbedFeed(testbedId: string): Promise<string> {
    const testbed = (await this.testbeds.byIds([testbedId])).get(testbedId)!;
    const [slots, bookings] = await Promise.all([
      this.calendar.openSlots(testbedId),
      this.calendar.bookings({ testbedId }),
    ]);
    const companies = await this.organizations.namesOf(bookings.map((booking) => booking.organizationId));
    const events: EventAttributes[] = [
      ...slots.map((slot) => ({
        ...period(slot.startsAt, slot.endsAt),
        uid: `slot-${slot.id}@slussen`,
        title: singleLine(`${testbed.name}: ${slot.capacity - slot.held} of ${slot.capacity} places free`),
        location: where(testbed),
        transp: 'TRANSPARENT' as const,
      })),
      ...bookings.map((booking) =>
        bookingEvent(booking, testbed, `${companies.get(booking.organizationId) ?? 'Company'}: ${booking.title}`),
      ),
    ];
    return render(events, testbed.name);
  }

  private async organizationFeed(organizationId: string): Promise<string> {
    const bookings = await this.calendar.bookings({ organizationId });
    const [testbeds, names] = await Promise.all([
      this.testbeds.byIds(bookings.map((booking) => booking.testbedId)),
      this.organizations.namesOf([organizationId, ...bookings.map((booking) => booking.organizationId)]),
    ]);
    const events = bookings.map((booking) => {
      const testbed = testbeds.get(booking.testbedId)!;
      const company =
        booking.organizationId === organizationId ? '' : `${names.get(booking.organizationId) ?? 'Company'} at `;
      return bookingEvent(booking, testbed, `${company}${testbed.name}: ${booking.title}`);
    });
    return render(events, names.get(organizationId) ?? 'Slussen');
  }
}

function period(startsAt: Date, endsAt: Date) {
  const start = utc(startsAt);
  const end = utc(endsAt);
  return {
    start: start.value,
    startInputType: start.input,
    startOutputType: start.output,
    end: end.value,
    endInputType: end.input,
    endOutputType: end.output,
  };
}

function where(testbed: Testbed): string {
  return singleLine([testbed.address, testbed.municipality].filter(Boolean).join(', '));
}

function bookingEvent(booking: FeedBooking, testbed: Testbed, title: string): EventAttributes {
  return {
    ...period(booking.startsAt, booking.endsAt),
    uid: `booking-${booking.id}@slussen`,
    title: singleLine(booking.status === 'confirmed' ? title : `${title} (${booking.status})`),
    status: STATUS[booking.status],
    location: where(testbed),
    lastModified: new Date(booking.updatedAt).getTime(),
  };
}

function render(events: EventAttributes[], name: string): string {
  const { error, value } = createEvents(events, {
    productId: '-//Slussen//Pilot slots//EN',
    calName: singleLine(name),
  });
  if (error || value === null) throw error ?? new Error('the calendar could not be rendered');
  return value;
}
