import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, PageQueryDto, PersonOnly, type Actor } from '@slussen/core';
import { ApiTokensService } from '../api-tokens.service.js';
import { AuditService } from '../audit.service.js';
import { MembersService } from '../members.service.js';
import { OrganizationsService } from '../organizations.service.js';
import { AddMemberDto, ChangeRoleDto, CreateApiTokenDto, CreateOrganizationDto, OrganizationListQueryDto } from './dto/identity.dto.js';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly members: MembersService,
    private readonly apiTokens: ApiTokensService,
    private readonly audit: AuditService,
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

  @PersonOnly()
  @Post(':id/members')
  addMember(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: AddMemberDto) {
    return this.members.add(actor, id, body);
  }

  @Get(':id/members')
  listMembers(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() page: PageQueryDto) {
    return this.members.list(actor, id, page.limit, page.cursor);
  }

  @PersonOnly()
  @Patch(':id/members/:userId')
  changeRole(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('userId') userId: string, @Body() body: ChangeRoleDto) {
    return this.members.changeRole(actor, id, userId, body.role);
  }

  @PersonOnly()
  @Delete(':id/members/:userId')
  @HttpCode(204)
  async removeMember(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('userId') userId: string): Promise<void> {
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
  async revokeApiToken(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('tokenId') tokenId: string): Promise<void> {
    await this.apiTokens.revoke(actor, id, tokenId);
  }

  /** Changes made in the organization, newest first. */
  @Get(':id/audit')
  async auditLog(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() page: PageQueryDto) {
    await this.organizations.findAuthorized(actor, 'organization.read-audit', id);
    return this.audit.list(id, page.limit, page.cursor);
  }
}
