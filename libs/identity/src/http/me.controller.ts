import { Body, Controller, Delete, Get, HttpCode, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  CurrentActor,
  IdParam,
  PASSWORD_ATTEMPTS,
  PersonOnly,
  RateLimitGuard,
  ThrottleBucket,
  type Actor,
} from '@slussen/core';
import { AccountsService } from '../accounts.service.js';
import { InvitationsService } from '../invitations.service.js';
import { PasswordChangesService } from '../password-changes.service.js';
import { MeDto } from './dto/identity-response.dto.js';
import { ChangePasswordDto, JoinedDto, ReceivedInvitationListDto, UpdateMeDto } from './dto/identity.dto.js';

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

  /** Changes the signed-in person's name or language (their e-mails and the web app follow it); audited as `user.update-profile`. */
  @Patch()
  @PersonOnly()
  @ApiOkResponse({ type: MeDto })
  @ApiBadRequestResponse({ description: 'An empty or too long name, or a language other than sv and en' })
  update(@CurrentActor() actor: Actor, @Body() body: UpdateMeDto) {
    return this.accounts.updateProfile(actor, body);
  }

  /** Signs the person out everywhere: every session ends, this one too (refresh tokens and their access tokens). */
  @Delete('sessions')
  @HttpCode(204)
  @PersonOnly()
  @ApiNoContentResponse({ description: 'Every session has ended; sign in again' })
  async endAllSessions(@CurrentActor() actor: Actor): Promise<void> {
    await this.accounts.endAllSessions(actor);
  }

  /** Changes the signed-in person's password; their other sessions end (this one goes on). Throttled like login. */
  @Post('password')
  @HttpCode(204)
  @PersonOnly()
  @UseGuards(RateLimitGuard)
  @ThrottleBucket(PASSWORD_ATTEMPTS)
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiBadRequestResponse({
    description: 'The current password is wrong (`errors[0].field` is `currentPassword`), or the new one is too short',
  })
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
