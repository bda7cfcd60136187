import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { MultilineText } from '@slussen/core';
import {
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  BOOKABILITY_REASONS,
  SLOT_AVAILABILITY_REASONS,
  type BookabilityReason,
  type SlotAvailabilityReason,
} from '../../booking-rules.js';

export class RecurrenceDto {
  @IsIn(['weekly', 'monthly'])
  frequency: 'weekly' | 'monthly';

  /** Every N weeks or months. */
  @IsInt()
  @Min(1)
  @Max(52)
  interval: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(200)
  count?: number;

  /** No occurrence starts after this instant. */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  until?: Date;
}

export class CreateSlotsDto {
  @Type(() => Date)
  @IsDate()
  startsAt: Date;

  @Type(() => Date)
  @IsDate()
  endsAt: Date;

  @IsInt()
  @Min(1)
  @Max(1000)
  capacity: number;

  /** Expanded in the test bed's time zone: 09:00 stays 09:00 across daylight-saving changes. */
  @IsOptional()
  @ValidateNested()
  @Type(() => RecurrenceDto)
  recurrence?: RecurrenceDto;
}

export class UpdateSlotDto {
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  startsAt?: Date;

  @IsOptional()
  @Type(() => Date)
  @IsDate()
  endsAt?: Date;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity?: number;
}

export class SlotWindowDto {
  /** Slots overlapping [from, to). */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}

export class SlotListQueryDto extends SlotWindowDto {
  /** The company to judge bookability for; by default the caller's only company. */
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class SlotAvailabilityDto {
  @ApiProperty({ description: 'A company may book the slot now, as far as the slot and its test bed decide.' })
  bookable: boolean;

  @ApiProperty({
    type: 'string',
    enum: SLOT_AVAILABILITY_REASONS,
    enumName: 'SlotAvailabilityReason',
    nullable: true,
    description:
      "Why not (null when bookable): testbed-retired, slot-cancelled, slot-closed, slot-started, min-lead-days, max-advance-days (the test bed's booking window), full (every place taken; a company may still join the waiting list).",
  })
  reason: SlotAvailabilityReason | null;
}

export class SlotDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  testbedId: string;

  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time', description: 'End of the half-open period [startsAt, endsAt).' })
  endsAt: string;

  @ApiProperty({ description: 'Places the slot offers.' })
  capacity: number;

  @ApiProperty({
    description: 'Places not held (0 when cancelled; a closed slot keeps its bookings but offers none of these).',
  })
  remaining: number;

  @ApiProperty({
    enum: ['open', 'closed', 'cancelled'],
    description:
      'closed: takes no new bookings or waiting-list entries, keeps those it has; its managers may reopen it.',
  })
  status: string;

  @ApiProperty({ type: 'string', nullable: true, description: 'Why its managers closed it; null unless closed.' })
  closedReason: string | null;

  @ApiProperty({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description: 'Shared by the slots of one recurrence.',
  })
  recurrenceId: string | null;

  @ApiProperty({
    type: SlotAvailabilityDto,
    description:
      "For everyone, signed in or not: whether the slot can be booked now, judged by the booking path's rules that hold for every company alike. A company's own answer (already-booked, company-limit) is in bookable and reason.",
  })
  availability: SlotAvailabilityDto;

  @ApiProperty({
    required: false,
    description:
      'Only for a caller acting for a company (its only company, or ?organizationId=): a request now would take a place. Judged by the same rules as POST /slots/:id/bookings.',
  })
  bookable?: boolean;

  @ApiProperty({
    required: false,
    type: 'string',
    enum: BOOKABILITY_REASONS,
    enumName: 'BookabilityReason',
    nullable: true,
    description:
      "Why the company may not book now (null when bookable): testbed-retired, slot-cancelled, slot-closed (closed by its managers: no bookings or waiting-list entries), slot-started, min-lead-days, max-advance-days (the test bed's booking window), already-booked (it holds or waits for this slot), company-limit (its active bookings on this test bed), full (every place taken; see waitlistable).",
  })
  reason?: BookabilityReason | null;

  @ApiProperty({
    required: false,
    description: 'The slot is full and a request with waitlist: true would join its waiting list.',
  })
  waitlistable?: boolean;
}

export class SlotListDto {
  @ApiProperty({ type: [SlotDto] })
  items: SlotDto[];
}

export class CancelSlotDto {
  /** Why: it reaches every company whose booking the cancellation ends (their booking event and e-mail). */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @MultilineText()
  reason?: string;
}

export class SlotPreviewItemDto {
  @ApiProperty({ format: 'date-time' })
  startsAt: string;

  @ApiProperty({ format: 'date-time' })
  endsAt: string;

  @ApiProperty()
  capacity: number;

  @ApiProperty({
    description: "Minutes the test bed's zone is ahead of UTC at the start (120 in Swedish summer time).",
  })
  utcOffsetMinutes: number;

  @ApiProperty({
    description: "The offset differs from the previous occurrence's: a daylight-saving change falls between them.",
  })
  offsetChanged: boolean;
}

export class SlotPreviewDto {
  @ApiProperty({ example: 'Europe/Stockholm', description: 'The zone the occurrences were expanded in.' })
  timezone: string;

  @ApiProperty({ type: [SlotPreviewItemDto] })
  items: SlotPreviewItemDto[];
}

export class CloseSlotDto {
  /** Why: it is shown beside the slot and recorded in the events of the bookings the slot keeps. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @MultilineText()
  reason?: string;
}
