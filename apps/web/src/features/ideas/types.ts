// What the ideas context answers, as the API's document describes it.
import type { Schema } from '../../api/types';

export type Sluice = Schema<'SluiceDto'>;
export type Submitter = Schema<'SluiceSubmitter'>;
export type Kind = Schema<'IdeaKind'>;
export type IdeaStatus = Schema<'IdeaStatus'>;
/** An idea or need in a list, with whether the caller's side submitted it (`mine`) and follows it. */
export type Idea = Schema<'IdeaDto'>;
/** One idea with whether the caller follows it and what the caller may do now. */
export type IdeaDetail = Schema<'IdeaDetailDto'>;
export type SimilarIdea = Schema<'SimilarIdeaDto'>;
export type Match = Schema<'TestbedMatchDto'>;
export type Message = Schema<'IdeaMessageDto'>;
export type Answer = Schema<'IdeaAnswerDto'>;

export const STATUSES: IdeaStatus[] = ['submitted', 'screening', 'accepted', 'piloting', 'closed', 'declined'];
