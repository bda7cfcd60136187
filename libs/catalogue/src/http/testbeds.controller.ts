import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, Public, type Actor } from '@slussen/core';
import { DOMAINS } from '../domains.js';
import { TestbedsService } from '../testbeds.service.js';
import { DomainListDto, TestbedDto, TestbedOwnerListDto, TestbedPageDto } from './dto/testbed-response.dto.js';
import { CreateTestbedDto, TestbedSearchDto, UpdateTestbedDto } from './dto/testbed.dto.js';

@ApiTags('catalogue')
@ApiBearerAuth()
@Controller()
export class TestbedsController {
  constructor(private readonly testbeds: TestbedsService) {}

  /** The domain vocabulary with Swedish and English labels. */
  @Public()
  @Get('domains')
  @ApiOkResponse({ type: DomainListDto })
  domains() {
    return { items: Object.entries(DOMAINS).map(([key, labels]) => ({ key, labels })) };
  }

  /** Organizations that own a published test bed, by name, with how many: the catalogue search's owner filter (`organizationId`). */
  @Public()
  @Get('testbed-owners')
  @ApiOkResponse({ type: TestbedOwnerListDto })
  async owners() {
    return { items: await this.testbeds.publishedOwners() };
  }

  /** Creates a draft test bed for a region or municipality. */
  @Post('testbeds')
  @ApiCreatedResponse({ type: TestbedDto })
  create(@CurrentActor() actor: Actor, @Body() body: CreateTestbedDto) {
    const { organizationId, ...profile } = body;
    return this.testbeds.create(actor, organizationId, profile);
  }

  /** Published test beds (and the caller's own organizations' drafts and retired ones), ranked when `q` is given; `status` picks one state. */
  @Public()
  @Get('testbeds')
  @ApiOkResponse({ type: TestbedPageDto })
  search(@CurrentActor() actor: Actor | null, @Query() query: TestbedSearchDto) {
    return this.testbeds.search(actor, query);
  }

  @Public()
  @Get('testbeds/:id')
  @ApiOkResponse({ type: TestbedDto })
  get(@CurrentActor() actor: Actor | null, @IdParam() id: string) {
    return this.testbeds.get(actor, id);
  }

  @Patch('testbeds/:id')
  @ApiOkResponse({ type: TestbedDto })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateTestbedDto) {
    return this.testbeds.update(actor, id, body);
  }

  @Post('testbeds/:id/publish')
  @ApiOkResponse({ type: TestbedDto })
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.testbeds.publish(actor, id);
  }

  @Post('testbeds/:id/retire')
  @ApiOkResponse({ type: TestbedDto })
  @HttpCode(200)
  retire(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.testbeds.retire(actor, id);
  }
}
