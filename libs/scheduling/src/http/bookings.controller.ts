import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, ValidationError, type Actor } from '@slussen/core';
import { BookingsService } from '../bookings.service.js';
import { BookingDto, BookingEventListDto, BookingPageDto } from './dto/booking-response.dto.js';
import {
  BookingListQueryDto,
  CancelBookingDto,
  CreateBookingDto,
  RejectBookingDto,
  RescheduleBookingDto,
} from './dto/booking.dto.js';

@ApiTags('booking')
@ApiBearerAuth()
@Controller()
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  /** 201 with status pending, confirmed or waitlisted; 409 slot-full or already-booked; 422 booking-rule. */
  @Post('slots/:id/bookings')
  @ApiCreatedResponse({ type: BookingDto })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Same key and body within 24 h replay the first answer',
  })
  book(
    @CurrentActor() actor: Actor,
    @IdParam() slotId: string,
    @Body() body: CreateBookingDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    if (idempotencyKey !== undefined && !/^[\x21-\x7e]{1,255}$/.test(idempotencyKey)) {
      throw new ValidationError('Idempotency-Key must be 1 to 255 visible ASCII characters', [
        { field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' },
      ]);
    }
    return this.bookings.bookOnce(actor, slotId, body, idempotencyKey);
  }

  /** A company's own bookings, and those on the test beds the caller manages; newest first. */
  @Get('bookings')
  @ApiOkResponse({ type: BookingPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: BookingListQueryDto) {
    const { limit, cursor, ...filter } = query;
    return this.bookings.list(actor, filter, limit, cursor);
  }

  @Get('bookings/:id')
  @ApiOkResponse({ type: BookingDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.bookings.get(actor, id);
  }

  /** Every change of the booking, oldest first. */
  @Get('bookings/:id/events')
  @ApiOkResponse({ type: BookingEventListDto })
  events(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.bookings.events(actor, id);
  }

  @Post('bookings/:id/approve')
  @ApiOkResponse({ type: BookingDto })
  @HttpCode(200)
  approve(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.bookings.approve(actor, id);
  }

  @Post('bookings/:id/reject')
  @ApiOkResponse({ type: BookingDto })
  @HttpCode(200)
  reject(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RejectBookingDto) {
    return this.bookings.reject(actor, id, body.reason);
  }

  /** The freed place goes to the oldest waiting booking. */
  @Post('bookings/:id/cancel')
  @ApiOkResponse({ type: BookingDto })
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CancelBookingDto) {
    return this.bookings.cancel(actor, id, body.reason);
  }

  /** Moves the booking to another slot atomically, or 409 and nothing changes. */
  @Post('bookings/:id/reschedule')
  @ApiOkResponse({ type: BookingDto })
  @HttpCode(200)
  reschedule(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: RescheduleBookingDto) {
    return this.bookings.reschedule(actor, id, body.slotId);
  }
}
