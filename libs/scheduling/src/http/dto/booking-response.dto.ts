import { ApiProperty } from '@nestjs/swagger';
import { BOOKING_REASON_CODES, type BookingReasonCode } from '../../booking-reasons.js';
import { BOOKING_STATUSES, type BookingStatus } from '../../booking-state.js';

// What the booking routes answer, for the OpenAPI document (the web app's client is generated from it).

export class BookingDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) slotId: string;
  @ApiProperty({ format: 'uuid' }) testbedId: string;
  @ApiProperty() testbedName: string;
  @ApiProperty({
    example: 'Europe/Stockholm',
    description: "IANA time zone of the test bed: show the slot's times in it.",
  })
  testbedTimezone: string;
  @ApiProperty({ format: 'uuid', description: 'The booking company.' }) organizationId: string;
  @ApiProperty({ description: "The booking company's name, so the test bed's managers know who asks." })
  organizationName: string;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: "The booking company's organization number, when it gave one.",
  })
  organizationNumber: string | null;
  @ApiProperty() title: string;
  @ApiProperty({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description: 'The accepted idea or need the booking pilots (ideaId when it was made).',
  })
  ideaId: string | null;
  @ApiProperty({ type: 'string', nullable: true }) description: string | null;
  @ApiProperty({ enum: BOOKING_STATUSES, enumName: 'BookingStatus' }) status: BookingStatus;
  @ApiProperty({ format: 'date-time', description: "The slot's start (same as slotStartsAt)." }) startsAt: string;
  @ApiProperty({ format: 'date-time', description: "The slot's end (same as slotEndsAt)." }) endsAt: string;
  @ApiProperty({ format: 'date-time' }) slotStartsAt: string;
  @ApiProperty({ format: 'date-time', description: 'End of the half-open period [slotStartsAt, slotEndsAt).' })
  slotEndsAt: string;
  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description: 'A pending request not decided by then expires.',
  })
  decisionDueAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class BookingPageDto {
  @ApiProperty({ type: [BookingDto] }) items: BookingDto[];
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as ?cursor= for the next page; null on the last.' })
  nextCursor: string | null;
}

export class BookingEventActorDto {
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) userId: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) apiTokenId: string | null;
}

export class BookingEventDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({
    example: 'requested',
    description: 'requested, confirmed, waitlisted, approved, rejected, cancelled, expired, promoted, rescheduled, ...',
  })
  type: string;
  @ApiProperty({ type: 'string', enum: BOOKING_STATUSES, enumName: 'BookingStatus', nullable: true }) fromStatus:
    string | null;
  @ApiProperty({ enum: BOOKING_STATUSES, enumName: 'BookingStatus' }) toStatus: string;
  @ApiProperty({
    type: BookingEventActorDto,
    nullable: true,
    description: 'Who made the change; null for the system (expiry, promotion by the worker).',
  })
  actor: BookingEventActorDto | null;
  @ApiProperty({ type: 'string', nullable: true }) reason: string | null;
  @ApiProperty({
    type: 'string',
    enum: BOOKING_REASON_CODES,
    enumName: 'BookingReasonCode',
    nullable: true,
    description:
      "Why the system made the change, as a stable code to render in the reader's language (reason keeps the English text, or the person's own words beside it): slot-cancelled (the slot was cancelled), slot-closed (closed to new bookings), not-decided (the request expired undecided), place-free (promoted from the waiting list), moved (rescheduled to another slot). Null for a person's own decision.",
  })
  reasonCode: BookingReasonCode | null;
}

export class BookingEventListDto {
  @ApiProperty({ type: [BookingEventDto] }) items: BookingEventDto[];
}
