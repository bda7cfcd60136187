import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
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

// Feeds show what is coming and the last month.
const RECENT = `upper(s.period) > now() - interval '30 days'`;

@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get tokens() {
    return this.dataSource.getRepository(CalendarFeedToken);
  }

  async createToken(data: Pick<CalendarFeedToken, 'scope' | 'subjectId' | 'tokenHash' | 'createdByUserId'>): Promise<CalendarFeedToken> {
    return this.tokens.save(this.tokens.create(data));
  }

  findToken(id: string): Promise<CalendarFeedToken | null> {
    return this.tokens.findOneBy({ id });
  }

  async revokeToken(id: string): Promise<void> {
    await this.tokens.update({ id, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  /** True when the hash opens this feed and is not revoked. */
  opens(scope: 'testbed' | 'organization', subjectId: string, tokenHash: string): Promise<boolean> {
    return this.tokens.existsBy({ scope, subjectId, tokenHash, revokedAt: IsNull() });
  }

  openSlots(testbedId: string): Promise<FeedSlot[]> {
    return this.dataSource.query(
      `SELECT s.id, lower(s.period) AS "startsAt", upper(s.period) AS "endsAt", s.capacity, s.held
         FROM slots s WHERE s.testbed_id = $1 AND s.status = 'open' AND ${RECENT} ORDER BY lower(s.period) LIMIT 2000`,
      [testbedId],
    );
  }

  /** Pending, confirmed and waiting bookings on the test bed, or of or on the organization. */
  bookings(filter: { testbedId: string } | { organizationId: string }): Promise<FeedBooking[]> {
    const where = 'testbedId' in filter ? 'b.testbed_id = $1' : '(b.organization_id = $1 OR t.organization_id = $1)';
    return this.dataSource.query(
      `SELECT b.id, b.testbed_id AS "testbedId", b.organization_id AS "organizationId", b.title, b.status,
              lower(s.period) AS "startsAt", upper(s.period) AS "endsAt", b.updated_at AS "updatedAt"
         FROM bookings b JOIN slots s ON s.id = b.slot_id JOIN testbeds t ON t.id = b.testbed_id
        WHERE ${where} AND b.status IN ('pending', 'confirmed', 'waitlisted') AND ${RECENT}
        ORDER BY lower(s.period) LIMIT 2000`,
      ['testbedId' in filter ? filter.testbedId : filter.organizationId],
    );
  }
}
