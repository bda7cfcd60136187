import { Controller, Delete, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentActor, IdParam, PersonOnly, Public, type Actor } from '@slussen/core';
import { CalendarService } from '../calendar.service.js';
import { CreatedFeedTokenDto, FeedQueryDto, FeedTokenListDto } from './dto/calendar.dto.js';

@ApiTags('booking')
@ApiBearerAuth()
@Controller()
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  /** A test bed's open slots and bookings (its managers and admins, or a feed token one of them made). */
  @Public()
  @Get('testbeds/:id/calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiProduces('text/calendar')
  testbedFeed(@CurrentActor() actor: Actor | null, @IdParam() id: string, @Query() query: FeedQueryDto) {
    return this.calendar.feed(actor, 'testbed', id, query.token);
  }

  /** An organization's bookings, made by it or on its test beds (its managers and admins, or a feed token one of them made). */
  @Public()
  @Get('organizations/:id/calendar.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @ApiProduces('text/calendar')
  organizationFeed(@CurrentActor() actor: Actor | null, @IdParam() id: string, @Query() query: FeedQueryDto) {
    return this.calendar.feed(actor, 'organization', id, query.token);
  }

  /** A subscription URL for the test bed's feed; it expires, and stops when its creator may no longer read the feed. */
  @PersonOnly()
  @Post('testbeds/:id/calendar-tokens')
  @ApiCreatedResponse({ type: CreatedFeedTokenDto })
  createTestbedToken(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.calendar.createToken(actor, 'testbed', id);
  }

  /** A subscription URL for the organization's feed; it expires, and stops when its creator may no longer read the feed. */
  @PersonOnly()
  @Post('organizations/:id/calendar-tokens')
  @ApiCreatedResponse({ type: CreatedFeedTokenDto })
  createOrganizationToken(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.calendar.createToken(actor, 'organization', id);
  }

  /** The test bed's feed tokens: all of them for its organization's admins, one's own for its managers. */
  @PersonOnly()
  @Get('testbeds/:id/calendar-tokens')
  @ApiOkResponse({ type: FeedTokenListDto })
  listTestbedTokens(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.calendar.listTokens(actor, 'testbed', id);
  }

  /** The feed tokens of the organization and of its test beds: all of them for its admins, one's own for its managers. */
  @PersonOnly()
  @Get('organizations/:id/calendar-tokens')
  @ApiOkResponse({ type: FeedTokenListDto })
  listOrganizationTokens(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.calendar.listTokens(actor, 'organization', id);
  }

  /** Revokes a feed token of the test bed (its creator, or the organization's admins). */
  @PersonOnly()
  @Delete('testbeds/:id/calendar-tokens/:tokenId')
  @HttpCode(204)
  @ApiNoContentResponse()
  async revokeTestbedToken(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('tokenId') tokenId: string,
  ): Promise<void> {
    await this.calendar.revokeToken(actor, tokenId, { scope: 'testbed', subjectId: id });
  }

  /** Revokes a feed token of the organization or of one of its test beds (its creator, or the organization's admins). */
  @PersonOnly()
  @Delete('organizations/:id/calendar-tokens/:tokenId')
  @HttpCode(204)
  @ApiNoContentResponse()
  async revokeOrganizationToken(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('tokenId') tokenId: string,
  ): Promise<void> {
    await this.calendar.revokeToken(actor, tokenId, { scope: 'organization', subjectId: id });
  }

  /** Revokes a feed token (its creator, or the admins of the organization that owns the feed). */
  @PersonOnly()
  @Delete('calendar-tokens/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async revoke(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.calendar.revokeToken(actor, id);
  }
}
