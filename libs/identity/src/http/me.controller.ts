import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, PASSWORD_ATTEMPTS, PersonOnly, RateLimitGuard, ThrottleBucket, type Actor } from '@slussen/core';
import { AccountsService } from '../accounts.service.js';
import { InvitationsService } from '../invitations.service.js';
import { PasswordChangesService } from '../password-changes.service.js';
import { MeDto } from './dto/identity-response.dto.js';
import { ChangePasswordDto, JoinedDto, ReceivedInvitationListDto } from './dto/identity.dto.js';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly passwordChanges: PasswordChangesService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentActor() actor: Actor) {
    return this.accounts.me(actor);
  }

  /** Changes the signed-in person's password; their other sessions end (this one goes on). Throttled like login. */
  @Post('password')
  @HttpCode(204)
  @PersonOnly()
  @UseGuards(RateLimitGuard)
  @ThrottleBucket(PASSWORD_ATTEMPTS)
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiBadRequestResponse({ description: 'The current password is wrong (`errors[0].field` is `currentPassword`), or the new one is too short' })
  async changePassword(@CurrentActor() actor: Actor, @Body() body: ChangePasswordDto): Promise<void> {
    await this.passwordChanges.change(actor, body.currentPassword, body.newPassword);
  }

  /** Invitations to organizations waiting for the signed-in person's answer. */
  @Get('invitations')
  @PersonOnly()
  @ApiOkResponse({ type: ReceivedInvitationListDto })
  invitationsToMe(@CurrentActor() actor: Actor) {
    return this.invitations.mine(actor);
  }

  /** The membership starts now, with the role the invitation offered. */
  @Post('invitations/:id/accept')
  @HttpCode(200)
  @PersonOnly()
  @ApiOkResponse({ type: JoinedDto })
  acceptInvitation(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.invitations.accept(actor, { id });
  }

  @Post('invitations/:id/decline')
  @HttpCode(204)
  @PersonOnly()
  async declineInvitation(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.invitations.decline(actor, id);
  }
}
