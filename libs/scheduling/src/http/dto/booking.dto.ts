import { MultilineText, PageQueryDto } from '@slussen/core';
import { Type } from 'class-transformer';
import { IsBoolean, IsDate, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { BOOKING_STATUSES, type BookingStatus } from '../../booking-state.js';

export class CreateBookingDto {
  /** What the company wants to pilot. */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  @MultilineText()
  description?: string;

  /** Wait for a place when the slot is full, instead of 409 slot-full. */
  @IsOptional()
  @IsBoolean()
  waitlist?: boolean;

  /** Which of your companies books; needed only when you belong to several. */
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  /**
   * An accepted idea or need this booking pilots: the company whose answer was accepted (or whose idea it is)
   * books one of the test beds the idea is matched to; the idea moves to piloting when the booking is confirmed.
   */
  @IsOptional()
  @IsUUID()
  ideaId?: string;
}

export class RejectBookingDto {
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @MultilineText()
  reason: string;
}

export class CancelBookingDto {
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @MultilineText()
  reason?: string;
}

export class BookingListQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(BOOKING_STATUSES)
  status?: BookingStatus;

  @IsOptional()
  @IsUUID()
  testbedId?: string;

  @IsOptional()
  @IsUUID()
  organizationId?: string;

  /** One slot's bookings (its waiting list, with status=waitlisted). */
  @IsOptional()
  @IsUUID()
  slotId?: string;

  /** Bookings whose slot overlaps [from, to). */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}

export class RescheduleBookingDto {
  /** Another slot of the same test bed. */
  @IsUUID()
  slotId: string;
}
