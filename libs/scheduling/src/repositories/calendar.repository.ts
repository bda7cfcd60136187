import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { queryRow, queryRows } from '@slussen/core';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { CalendarFeedToken } from '../entities/calendar-feed-token.entity.js';

export interface FeedSlot {
  id: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  held: number;
}

export interface FeedBooking {
  id: string;
  testbedId: string;
  organizationId: string;
  title: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  updatedAt: Date;
}

export interface FeedTokenRow {
  id: string;
  scope: 'testbed' | 'organization';
  subjectId: string;
  tokenPrefix: string | null;
  createdByUserId: string | null;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

// Feeds show what is coming and the last month.
const RECENT = `upper(s.period) > now() - interval '30 days'`;

@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get tokens() {
    return this.dataSource.getRepository(CalendarFeedToken);
  }

  async createToken(
    data: Pick<CalendarFeedToken, 'scope' | 'subjectId' | 'tokenHash' | 'tokenPrefix' | 'createdByUserId'>,
    ttlDays: number,
  ): Promise<CalendarFeedToken> {
    const row = await queryRow<{ id: string }>(
      this.dataSource,
      `INSERT INTO calendar_feed_tokens (scope, subject_id, token_hash, token_prefix, created_by_user_id, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6))
       RETURNING id`,
      [data.scope, data.subjectId, data.tokenHash, data.tokenPrefix, data.createdByUserId, ttlDays],
    );
    return (await this.findToken(row!.id))!;
  }

  findToken(id: string): Promise<CalendarFeedToken | null> {
    return this.tokens.findOneBy({ id });
  }

  async revokeToken(id: string): Promise<void> {
    await this.tokens.update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  /** The token behind this hash when it opens this feed, is not revoked and has not expired. */
  findUsable(
    scope: 'testbed' | 'organization',
    subjectId: string,
    tokenHash: string,
    now: Date,
  ): Promise<CalendarFeedToken | null> {
    return this.tokens.findOneBy({ scope, subjectId, tokenHash, revokedAt: IsNull(), expiresAt: MoreThan(now) });
  }

  /**
   * The feed tokens of one test bed, or of an organization's own feed and its
   * test beds' feeds; only one user's when `createdByUserId` is given. Newest first.
   */
  listTokens(
    filter: { testbedId: string } | { organizationId: string },
    createdByUserId: string | null,
  ): Promise<FeedTokenRow[]> {
    const subject =
      'testbedId' in filter
        ? `k.scope = 'testbed' AND k.subject_id = $1`
        : `((k.scope = 'organization' AND k.subject_id = $1) OR (k.scope = 'testbed' AND k.subject_id IN (SELECT t.testbed_id FROM catalogue_testbed_booking_rules t WHERE t.organization_id = $1)))`;
    return queryRows<FeedTokenRow>(
      this.dataSource,
      `SELECT k.id, k.scope, k.subject_id AS "subjectId", k.token_prefix AS "tokenPrefix", k.created_by_user_id AS "createdByUserId",
              k.created_at AS "createdAt", k.expires_at AS "expiresAt", k.revoked_at AS "revokedAt"
         FROM calendar_feed_tokens k
        WHERE ${subject} AND ($2::uuid IS NULL OR k.created_by_user_id = $2)
        ORDER BY k.created_at DESC, k.id LIMIT 500`,
      ['testbedId' in filter ? filter.testbedId : filter.organizationId, createdByUserId],
    );
  }

  openSlots(testbedId: string): Promise<FeedSlot[]> {
    return queryRows<FeedSlot>(
      this.dataSource,
      `SELECT s.id, lower(s.period) AS "startsAt", upper(s.period) AS "endsAt", s.capacity, s.held
         FROM slots s WHERE s.testbed_id = $1 AND s.status = 'open' AND ${RECENT} ORDER BY lower(s.period) LIMIT 2000`,
      [testbedId],
    );
  }

  /** Pending, confirmed and waiting bookings on the test bed, or of or on the organization. */
  bookings(filter: { testbedId: string } | { organizationId: string }): Promise<FeedBooking[]> {
    const where = 'testbedId' in filter ? 'b.testbed_id = $1' : '(b.organization_id = $1 OR t.organization_id = $1)';
    return queryRows<FeedBooking>(
      this.dataSource,
      `SELECT b.id, b.testbed_id AS "testbedId", b.organization_id AS "organizationId", b.title, b.status,
              lower(s.period) AS "startsAt", upper(s.period) AS "endsAt", b.updated_at AS "updatedAt"
         FROM bookings b JOIN slots s ON s.id = b.slot_id JOIN catalogue_testbed_booking_rules t ON t.testbed_id = b.testbed_id
        WHERE ${where} AND b.status IN ('pending', 'confirmed', 'waitlisted') AND ${RECENT}
        ORDER BY lower(s.period) LIMIT 2000`,
      ['testbedId' in filter ? filter.testbedId : filter.organizationId],
    );
  }
}
