import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, Public, type Actor } from '@slussen/core';
import { SlotsService } from '../slots.service.js';
import {
  CancelSlotDto,
  CloseSlotDto,
  CreateSlotsDto,
  SlotDto,
  SlotListDto,
  SlotListQueryDto,
  SlotPreviewDto,
  UpdateSlotDto,
} from './dto/slot.dto.js';

@ApiTags('scheduling')
@ApiBearerAuth()
@Controller()
export class SlotsController {
  constructor(private readonly slots: SlotsService) {}

  @Post('testbeds/:id/slots')
  @ApiCreatedResponse({
    type: SlotListDto,
    description: 'Every slot made, in order (one, or each occurrence of the recurrence).',
  })
  create(@CurrentActor() actor: Actor, @IdParam() testbedId: string, @Body() body: CreateSlotsDto) {
    return this.slots.create(actor, testbedId, body);
  }

  /** What POST /testbeds/:id/slots would create, checked and expanded by the same function, without creating it. */
  @Post('testbeds/:id/slots/preview')
  @HttpCode(200)
  @ApiOkResponse({ type: SlotPreviewDto })
  preview(
    @CurrentActor() actor: Actor,
    @IdParam() testbedId: string,
    @Body() body: CreateSlotsDto,
  ): Promise<SlotPreviewDto> {
    return this.slots.preview(actor, testbedId, body);
  }

  /** Anyone may list a published test bed's slots; a signed-in company also learns, per slot, whether it may book it. */
  @Public()
  @Get('testbeds/:id/slots')
  @ApiOkResponse({ type: SlotListDto })
  list(
    @CurrentActor() actor: Actor | null,
    @IdParam() testbedId: string,
    @Query() query: SlotListQueryDto,
  ): Promise<SlotListDto> {
    return this.slots.list(actor, testbedId, query);
  }

  @Patch('slots/:id')
  @ApiOkResponse({ type: SlotDto })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: UpdateSlotDto) {
    return this.slots.update(actor, id, body);
  }

  /** Cancels the slot and its bookings; the reason reaches every company whose booking it ends. */
  @Post('slots/:id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: SlotDto })
  cancel(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CancelSlotDto) {
    return this.slots.cancel(actor, id, body?.reason);
  }

  /** Closes the slot to new bookings and waiting-list entries; its bookings stay, and the reason is recorded in each one's events. */
  @Post('slots/:id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: SlotDto })
  close(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CloseSlotDto) {
    return this.slots.close(actor, id, body?.reason);
  }

  /** Opens a closed slot to bookings again. */
  @Post('slots/:id/reopen')
  @HttpCode(200)
  @ApiOkResponse({ type: SlotDto })
  reopen(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.slots.reopen(actor, id);
  }
}
