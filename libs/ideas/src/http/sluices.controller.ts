import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, PersonOnly, Public, type Actor } from '@slussen/core';
import { IdeasService } from '../ideas.service.js';
import { SluicesService } from '../sluices.service.js';
import { CreateSluiceDto, SluiceListQueryDto, SubmitIdeaDto } from './dto/idea.dto.js';
import { IdeaDto, SluiceDto, SluicePageDto } from './dto/idea-response.dto.js';

@ApiTags('ideas')
@ApiBearerAuth()
@Controller('sluices')
export class SluicesController {
  constructor(
    private readonly sluices: SluicesService,
    private readonly ideas: IdeasService,
  ) {}

  /** Opens a sluice for a region or municipality (its admins and managers). */
  @Post()
  @ApiCreatedResponse({ type: SluiceDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateSluiceDto) {
    return this.sluices.create(actor, body);
  }

  /** Every sluice, by name (public). */
  @Public()
  @Get()
  @ApiOkResponse({ type: SluicePageDto })
  list(@Query() query: SluiceListQueryDto) {
    const { limit, cursor, ...filter } = query;
    return this.sluices.list(filter, limit, cursor);
  }

  @Public()
  @Get(':id')
  @ApiOkResponse({ type: SluiceDto })
  get(@IdParam() id: string) {
    return this.sluices.get(id);
  }

  /**
   * A need (the sluice's staff) or an idea (a company); a sluice open to anyone takes either from any signed-in
   * person. 201 with status `submitted`; someone the sluice does not take this from is 403.
   */
  @PersonOnly()
  @Post(':id/ideas')
  @ApiCreatedResponse({ type: IdeaDto })
  submit(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: SubmitIdeaDto) {
    return this.ideas.submit(actor, id, body);
  }
}
