import { ApiProperty } from '@nestjs/swagger';
import {
  IDEA_KINDS,
  IDEA_STATUSES,
  SUBMITTERS,
  type IdeaKind,
  type IdeaStatus,
  type Submitter,
} from '../../idea-status.js';

// What the ideas routes answer, for the OpenAPI document (the web app's client is generated from it).

export class SluiceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The region or municipality that runs the sluice.' })
  organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [String] }) domains: string[];
  @ApiProperty({ enum: SUBMITTERS, enumName: 'SluiceSubmitter', isArray: true }) submitters: Submitter[];
  @ApiProperty({ description: 'Days within which the sluice promises a first answer.' }) answerWithinDays: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SluicePageDto {
  @ApiProperty({ type: [SluiceDto] }) items: SluiceDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor: string | null;
}

export class IdeaDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sluiceId: string;
  @ApiProperty() sluiceName: string;
  @ApiProperty({ format: 'uuid' }) sluiceOrganizationId: string;
  @ApiProperty({ enum: IDEA_KINDS, enumName: 'IdeaKind' }) kind: IdeaKind;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [String] }) domains: string[];
  @ApiProperty({ type: 'string', nullable: true, description: 'Who the need affects, and how often.' })
  affects: string | null;
  @ApiProperty() public: boolean;
  @ApiProperty({ enum: IDEA_STATUSES, enumName: 'IdeaStatus' }) status: IdeaStatus;
  @ApiProperty({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description:
      'The organization it was submitted for: the sluice’s own (staff) or a company; null for a person alone.',
  })
  submitterOrganizationId: string | null;
  @ApiProperty({ type: 'string', nullable: true }) submitterOrganizationName: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'Why the sluice declined it.' })
  declineReason: string | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'What came of it, once closed.' }) result: string | null;
  @ApiProperty({ type: [String], description: 'The test beds it is matched to (from accept).' }) testbedIds: string[];
  @ApiProperty({ type: [String], description: 'Bookings linked to it.' }) bookingIds: string[];
  @ApiProperty({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description: 'The company whose answer was accepted.',
  })
  acceptedAnswerOrganizationId: string | null;
  @ApiProperty({ description: 'How many people follow it.' }) followers: number;
  @ApiProperty({ format: 'date-time', description: 'When the sluice promised a first answer by.' }) answerDueAt: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) screenedAt: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) pilotingAt: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({
    description: 'Whether the caller’s side submitted it: the caller, or the company the caller acts for.',
  })
  mine: boolean;
  @ApiProperty({ description: 'Whether the caller follows it.' }) following: boolean;
}

export class IdeaPageDto {
  @ApiProperty({ type: [IdeaDto] }) items: IdeaDto[];
  @ApiProperty({ type: 'string', nullable: true }) nextCursor: string | null;
}

export class IdeaActorDto {
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) userId: string | null;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) apiTokenId: string | null;
}

export class IdeaEventDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'submitted, screening, accepted, piloting, closed or declined.' }) type: string;
  @ApiProperty({ type: 'string', nullable: true }) fromStatus: string | null;
  @ApiProperty() toStatus: string;
  @ApiProperty({ type: IdeaActorDto, nullable: true, description: 'Null when the system made the change.' })
  actor: IdeaActorDto | null;
  @ApiProperty({ type: 'string', nullable: true, description: 'The reason, the result, or why the system moved it.' })
  detail: string | null;
  @ApiProperty({
    type: 'string',
    format: 'uuid',
    nullable: true,
    description: 'The booking that moved it to piloting.',
  })
  bookingId: string | null;
}

export class IdeaPermissionsDto {
  @ApiProperty() screen: boolean;
  @ApiProperty() accept: boolean;
  @ApiProperty() decline: boolean;
  @ApiProperty() close: boolean;
  @ApiProperty({ description: 'May read and write the conversation.' }) converse: boolean;
  @ApiProperty({ description: 'May answer this public need for a company.' }) answer: boolean;
  @ApiProperty() acceptAnswer: boolean;
  @ApiProperty() follow: boolean;
  @ApiProperty({ description: 'May read the suggested test beds.' }) matches: boolean;
}

export class IdeaDetailDto extends IdeaDto {
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Who submitted it: for the sluice’s managers and the submitter’s own side; null for other readers.',
  })
  submitterName: string | null;
  @ApiProperty({ type: [IdeaEventDto], description: 'Every change of its status, oldest first.' })
  events: IdeaEventDto[];
  @ApiProperty({ type: IdeaPermissionsDto, description: 'What the caller may do now.' })
  permissions: IdeaPermissionsDto;
}

export class SimilarIdeaDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sluiceId: string;
  @ApiProperty({ enum: IDEA_KINDS, enumName: 'IdeaKind' }) kind: IdeaKind;
  @ApiProperty() title: string;
  @ApiProperty({ enum: IDEA_STATUSES, enumName: 'IdeaStatus' }) status: IdeaStatus;
  @ApiProperty({ description: 'Swedish full-text rank; higher is more alike.' }) rank: number;
}

export class SimilarIdeaListDto {
  @ApiProperty({ type: [SimilarIdeaDto] }) items: SimilarIdeaDto[];
}

export class TestbedMatchDto {
  @ApiProperty({ format: 'uuid' }) testbedId: string;
  @ApiProperty() name: string;
  @ApiProperty() summary: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty() environmentType: string;
  @ApiProperty() municipality: string;
  @ApiProperty({ type: [String] }) domains: string[];
  @ApiProperty({ type: [String], description: 'Domains the test bed shares with the idea (or its sluice).' })
  sharedDomains: string[];
  @ApiProperty({ description: 'Swedish full-text rank of the test bed against the idea’s text.' }) textRank: number;
  @ApiProperty({ description: 'Shared domains plus the text rank (below 1): the order of the list.' }) score: number;
  @ApiProperty({ description: 'Already one of the idea’s matched test beds.' }) matched: boolean;
  @ApiProperty({ description: 'Owned by the organization that runs the sluice.' }) sameOrganization: boolean;
}

export class TestbedMatchListDto {
  @ApiProperty({ type: [TestbedMatchDto] }) items: TestbedMatchDto[];
}

export class IdeaMessageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) ideaId: string;
  @ApiProperty({ enum: ['submitter', 'managers'], enumName: 'IdeaMessageSide' }) side: 'submitter' | 'managers';
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true }) authorUserId: string | null;
  @ApiProperty({ type: 'string', nullable: true }) authorName: string | null;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class IdeaMessageListDto {
  @ApiProperty({ type: [IdeaMessageDto], description: 'Oldest first.' }) items: IdeaMessageDto[];
}

export class IdeaAnswerDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) ideaId: string;
  @ApiProperty({ format: 'uuid', description: 'The answering company.' }) organizationId: string;
  @ApiProperty() organizationName: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ['submitted', 'accepted'], enumName: 'IdeaAnswerStatus' }) status: 'submitted' | 'accepted';
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) acceptedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class IdeaAnswerListDto {
  @ApiProperty({ type: [IdeaAnswerDto], description: 'Oldest first.' }) items: IdeaAnswerDto[];
}
