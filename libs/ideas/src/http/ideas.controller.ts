import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, IdParam, PersonOnly, type Actor } from '@slussen/core';
import { ConversationService } from '../conversation.service.js';
import { IdeasService } from '../ideas.service.js';
import {
  AcceptIdeaDto,
  AnswerNeedDto,
  CloseIdeaDto,
  DeclineIdeaDto,
  IdeaListQueryDto,
  PostMessageDto,
  SimilarQueryDto,
} from './dto/idea.dto.js';
import {
  IdeaAnswerDto,
  IdeaAnswerListDto,
  IdeaDetailDto,
  IdeaMessageDto,
  IdeaMessageListDto,
  IdeaPageDto,
  SimilarIdeaListDto,
  TestbedMatchListDto,
} from './dto/idea-response.dto.js';

@ApiTags('ideas')
@ApiBearerAuth()
@Controller('ideas')
export class IdeasController {
  constructor(
    private readonly ideas: IdeasService,
    private readonly conversation: ConversationService,
  ) {}

  /** The caller's own ideas and needs (and its companies'), all of the sluices it manages, and public needs; newest first. */
  @Get()
  @ApiOkResponse({ type: IdeaPageDto })
  list(@CurrentActor() actor: Actor, @Query() query: IdeaListQueryDto) {
    const { limit, cursor, ...filter } = query;
    return this.ideas.list(actor, filter, limit, cursor);
  }

  /** Ideas and needs the caller may see that resemble `q`, ranked by Swedish full text: duplicates while typing. */
  @Get('similar')
  @ApiOkResponse({ type: SimilarIdeaListDto })
  similar(@CurrentActor() actor: Actor, @Query() query: SimilarQueryDto) {
    return this.ideas.similar(actor, query.q, query.sluiceId);
  }

  /** The idea with its history, whether the caller follows it, and what the caller may do now. */
  @Get(':id')
  @ApiOkResponse({ type: IdeaDetailDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.ideas.get(actor, id);
  }

  /** submitted → screening (the sluice's managers). */
  @Post(':id/screen')
  @HttpCode(200)
  @ApiOkResponse({ type: IdeaDetailDto })
  screen(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.ideas.decide(actor, id, { action: 'screen' });
  }

  /** screening → accepted, matched to one or more published test beds. */
  @Post(':id/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: IdeaDetailDto })
  accept(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: AcceptIdeaDto) {
    return this.ideas.decide(actor, id, { action: 'accept', testbedIds: [...new Set(body.testbedIds)] });
  }

  /** submitted or screening → declined, with a reason the submitter sees. */
  @Post(':id/decline')
  @HttpCode(200)
  @ApiOkResponse({ type: IdeaDetailDto })
  decline(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: DeclineIdeaDto) {
    return this.ideas.decide(actor, id, { action: 'decline', reason: body.reason });
  }

  /** accepted or piloting → closed, with what came of it. */
  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: IdeaDetailDto })
  close(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: CloseIdeaDto) {
    return this.ideas.decide(actor, id, { action: 'close', result: body.result });
  }

  /** Published test beds suggested for the idea (the sluice's managers): most shared domains, then Swedish text. */
  @Get(':id/matches')
  @ApiOkResponse({ type: TestbedMatchListDto })
  matches(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.ideas.matches(actor, id);
  }

  /** Follow the idea: an e-mail on each change of its status (anyone signed in who sees it). */
  @PersonOnly()
  @Post(':id/followers')
  @HttpCode(204)
  @ApiNoContentResponse()
  async follow(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.ideas.follow(actor, id);
  }

  @PersonOnly()
  @Delete(':id/followers')
  @HttpCode(204)
  @ApiNoContentResponse()
  async unfollow(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.ideas.unfollow(actor, id);
  }

  /** The conversation between the submitter and the sluice's managers, oldest first. */
  @Get(':id/messages')
  @ApiOkResponse({ type: IdeaMessageListDto })
  messages(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.conversation.listMessages(actor, id);
  }

  /** A message to the other side, who gets it by e-mail. */
  @PersonOnly()
  @Post(':id/messages')
  @ApiCreatedResponse({ type: IdeaMessageDto })
  postMessage(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: PostMessageDto) {
    return this.conversation.postMessage(actor, id, body.body);
  }

  /** Answers to a public need: all of them for the managers and the submitter, a company's own for it. */
  @Get(':id/answers')
  @ApiOkResponse({ type: IdeaAnswerListDto })
  answers(@CurrentActor() actor: Actor, @IdParam() id: string) {
    return this.conversation.listAnswers(actor, id);
  }

  /** A company's answer to a public need (one per company). */
  @Post(':id/answers')
  @ApiCreatedResponse({ type: IdeaAnswerDto })
  answer(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() body: AnswerNeedDto) {
    return this.conversation.answer(actor, id, body);
  }

  /** The sluice's managers accept one answer: that company may book a matched test bed with the need linked. */
  @Post(':id/answers/:answerId/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: IdeaAnswerDto })
  acceptAnswer(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('answerId') answerId: string) {
    return this.conversation.acceptAnswer(actor, id, answerId);
  }
}
