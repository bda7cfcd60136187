import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, IdParam, PageQueryDto, PersonOnly, type Actor } from '@slussen/core';
import { ApiTokensService } from '../api-tokens.service.js';
import { AuditService } from '../audit.service.js';
import { InvitationsService } from '../invitations.service.js';
import { MembersService } from '../members.service.js';
import { OrganizationsService } from '../organizations.service.js';
import {
  AddMemberDto,
  AuditListQueryDto,
  ChangeRoleDto,
  CreateApiTokenDto,
  CreateOrganizationDto,
  InvitationIdDto,
  MemberDto,
  OrganizationListQueryDto,
  SentInvitationListDto,
} from './dto/identity.dto.js';
import { AuditActorListDto } from './dto/identity-response.dto.js';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly members: MembersService,
    private readonly apiTokens: ApiTokensService,
    private readonly audit: AuditService,
    private readonly invitations: InvitationsService,
  ) {}

  @PersonOnly()
  @Post()
  create(@CurrentActor() actor: Actor, @Body() body: CreateOrganizationDto) {
    return this.organizations.create(actor, body);
  }

  /** Organizations the caller may see: every public body, and the caller's own companies. */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: OrganizationListQueryDto) {
    return this.organizations.list(actor, { kind: query.kind }, query.limit, query.cursor);
  }

  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.organizations.get(actor, id);
  }

  /**
   * A new address becomes a new account and member (without `password`, the
   * person is e-mailed a link to set one). An address that already has an
   * account is sent an invitation instead: 202, and nothing of the account.
   */
  @PersonOnly()
  @Post(':id/members')
  @ApiCreatedResponse({ type: MemberDto, description: 'A new account, added' })
  @ApiAcceptedResponse({
    type: InvitationIdDto,
    description: 'The address has an account: its owner is invited, and becomes a member on accepting',
  })
  async addMember(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() body: AddMemberDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    const added = await this.members.add(actor, id, body);
    if ('invitationId' in added) response.status(202);
    return added;
  }

  /** Invitations still waiting for an answer. */
  @PersonOnly()
  @Get(':id/invitations')
  @ApiOkResponse({ type: SentInvitationListDto })
  listInvitations(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.invitations.sentBy(actor, id);
  }

  @PersonOnly()
  @Delete(':id/invitations/:invitationId')
  @HttpCode(204)
  async revokeInvitation(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('invitationId') invitationId: string,
  ): Promise<void> {
    await this.invitations.revoke(actor, id, invitationId);
  }

  @Get(':id/members')
  listMembers(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() page: PageQueryDto) {
    return this.members.list(actor, id, page.limit, page.cursor);
  }

  @PersonOnly()
  @Patch(':id/members/:userId')
  changeRole(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('userId') userId: string,
    @Body() body: ChangeRoleDto,
  ) {
    return this.members.changeRole(actor, id, userId, body.role);
  }

  @PersonOnly()
  @Delete(':id/members/:userId')
  @HttpCode(204)
  async removeMember(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('userId') userId: string,
  ): Promise<void> {
    await this.members.remove(actor, id, userId);
  }

  /** The token secret is in this answer only. */
  @PersonOnly()
  @Post(':id/api-tokens')
  createApiToken(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CreateApiTokenDto) {
    return this.apiTokens.create(actor, id, body);
  }

  @PersonOnly()
  @Get(':id/api-tokens')
  listApiTokens(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.apiTokens.list(actor, id);
  }

  @PersonOnly()
  @Delete(':id/api-tokens/:tokenId')
  @HttpCode(204)
  async revokeApiToken(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('tokenId') tokenId: string,
  ): Promise<void> {
    await this.apiTokens.revoke(actor, id, tokenId);
  }

  /** Everyone the audit log's "who" can name: current members and every person who acted in it (former members too). */
  @Get(':id/audit/actors')
  @ApiOkResponse({ type: AuditActorListDto })
  async auditActors(@CurrentActor() actor: Actor, @IdParam() id: string) {
    await this.organizations.findAuthorized(actor, 'organization.read-audit', id);
    return this.audit.actors(id);
  }

  /** Changes made in the organization, newest first; narrowed by who (`actorUserId`), what (`action`) and when (`from`, `to`). */
  @Get(':id/audit')
  async auditLog(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: AuditListQueryDto) {
    await this.organizations.findAuthorized(actor, 'organization.read-audit', id);
    return this.audit.list(
      id,
      { actorUserId: query.actorUserId, action: query.action, from: query.from, to: query.to },
      query.limit,
      query.cursor,
    );
  }
}
