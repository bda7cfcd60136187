import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, Public, type Actor } from '@slussen/core';
import { ResultsService } from '../results.service.js';
import { ConsentDto, CreateAdoptionDto, ResultSearchDto } from './dto/result.dto.js';
import { CreatedAdoptionDto, PublicationDto, ResultDto, ResultPageDto, SpreadDto } from './dto/result-response.dto.js';

@ApiTags('library')
@ApiBearerAuth()
@Controller()
export class ResultsController {
  constructor(private readonly results: ResultsService) {}

  /** Where the completed pilot's publication stands: each side's consent and parts (either side). */
  @Get('pilots/:id/publication')
  @ApiOkResponse({ type: PublicationDto })
  publication(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.results.publication(actor, id);
  }

  /** One side of a completed pilot consents to publishing it (to all parts, or to `parts`), or withdraws (`consent: false`). */
  @Post('pilots/:id/publication')
  @HttpCode(200)
  @ApiOkResponse({ type: PublicationDto })
  consent(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: ConsentDto) {
    return this.results.consent(actor, id, body);
  }

  /** Published results, ranked by the Swedish search when `q` is given, newest first otherwise. */
  @Public()
  @Get('results')
  @ApiOkResponse({ type: ResultPageDto })
  search(@Query() query: ResultSearchDto) {
    return this.results.search(query);
  }

  /** Per domain: the published results, which spread and how far (agencies and platform admins). */
  @Get('results/spread')
  @ApiOkResponse({ type: SpreadDto })
  spread(@CurrentActor() actor: Actor) {
    return this.results.spread(actor);
  }

  /** A published result: the parts both sides consented to, and where it spread. */
  @Public()
  @Get('results/:id')
  @ApiOkResponse({ type: ResultDto })
  get(@IdParam() id: string) {
    return this.results.get(id);
  }

  /** "We adopted this too": an admin or manager of a region or municipality records its adoption. */
  @Post('results/:id/adoptions')
  @ApiCreatedResponse({ type: CreatedAdoptionDto })
  adopt(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CreateAdoptionDto) {
    return this.results.adopt(actor, id, body);
  }
}
