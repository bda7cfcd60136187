import { Controller, Delete, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, PersonOnly, Public, type Actor } from '@slussen/core';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CalendarService } from '../calendar.service.js';

class FeedQueryDto {
  /** The feed token of a subscription URL; or send a bearer instead. */
  @IsOptional() @IsString() @MaxLength(200)
  token?: string;
}

@ApiTags('booking')
@ApiBearerAuth()
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** A test bed's open slots and bookings (its managers, or a feed token). */
  @Public()
  @Get('testbeds/:id/calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiProduces('text/calendar')
  testbedFeed(@CurrentActor() actor: Actor | null, @IdParam() id: string, @Query() query: FeedQueryDto) {
    return this.calendar.feed(actor, 'testbed', id, query.token);
  }

  /** An organization's bookings, made by it or on its test beds (its members, or a feed token). */
  @Public()
  @Get('organizations/:id/calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiProduces('text/calendar')
  organizationFeed(@CurrentActor() actor: Actor | null, @IdParam() id: string, @Query() query: FeedQueryDto) {
    return this.calendar.feed(actor, 'organization', id, query.token);
  }

  @PersonOnly()
  @Post('testbeds/:id/calendar-tokens')
  createTestbedToken(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.calendar.createToken(actor, 'testbed', id);
  }

  @PersonOnly()
  @Post('organizations/:id/calendar-tokens')
  createOrganizationToken(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.calendar.createToken(actor, 'organization', id);
  }

  @PersonOnly()
  @Delete('calendar-tokens/:id')
  @HttpCode(204)
  async revoke(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.calendar.revokeToken(actor, id);
  }
}
