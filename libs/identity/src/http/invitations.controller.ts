import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, PersonOnly, type Actor } from '@slussen/core';
import { InvitationsService } from '../invitations.service.js';
import { AcceptInvitationDto, JoinedDto, ReceivedInvitationDto } from './dto/identity.dto.js';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  /**
   * Accepts the invitation of an e-mailed link (`/invitations/<token>`), signed
   * in as the person it was sent to; the membership starts now.
   */
  @Post('accept')
  @HttpCode(200)
  @PersonOnly()
  @ApiOkResponse({ type: JoinedDto })
  @ApiNotFoundResponse({
    description:
      'No open invitation for the signed-in person has this token (unknown, someone else’s, decided or expired)',
  })
  accept(@CurrentActor() actor: Actor, @Body() body: AcceptInvitationDto) {
    return this.invitations.accept(actor, { token: body.token });
  }

  /**
   * What the e-mailed link offers (the organization, the role, who invited),
   * for its invitee to read before answering; nothing changes. The token
   * travels in the body, not the address, so it stays out of logs.
   */
  @Post('preview')
  @HttpCode(200)
  @PersonOnly()
  @ApiOkResponse({ type: ReceivedInvitationDto })
  @ApiNotFoundResponse({
    description:
      'No open invitation for the signed-in person has this token (unknown, someone else’s, decided or expired)',
  })
  preview(@CurrentActor() actor: Actor, @Body() body: AcceptInvitationDto) {
    return this.invitations.preview(actor, body.token);
  }
}
