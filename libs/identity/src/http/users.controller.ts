import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, PersonOnly, type Actor } from '@slussen/core';
import { UserDirectoryService } from '../user-directory.service.js';
import { FoundUserListDto, UserSearchQueryDto } from './dto/identity.dto.js';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly directory: UserDirectoryService) {}

  /** Platform admins find a person by part of their name or e-mail address, with the organizations they belong to, by name. */
  @Get()
  @PersonOnly()
  @ApiOkResponse({ type: FoundUserListDto })
  @ApiForbiddenResponse({ description: 'Not a platform admin' })
  search(@CurrentActor() actor: Actor, @Query() query: UserSearchQueryDto) {
    return this.directory.search(actor, query.q, query.limit, query.cursor);
  }
}
