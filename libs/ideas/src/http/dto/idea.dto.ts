import { DOMAIN_KEYS, type Domain } from '@slussen/catalogue';
import { MultilineText, PageQueryDto } from '@slussen/core';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import {
  IDEA_KINDS,
  IDEA_STATUSES,
  SUBMITTERS,
  type IdeaKind,
  type IdeaStatus,
  type Submitter,
} from '../../idea-status.js';

export class CreateSluiceDto {
  /** The region or municipality that runs the sluice; its admins and managers screen what comes in. */
  @IsUUID()
  organizationId: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  @MultilineText()
  description: string;

  /** Domains of the catalogue's vocabulary (GET /domains). */
  @IsArray()
  @ArrayMaxSize(12)
  @IsIn(DOMAIN_KEYS, { each: true })
  domains: Domain[];

  /** Who may submit: its own staff (needs), companies (ideas), anyone signed in (either). */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(3)
  @IsIn(SUBMITTERS, { each: true })
  submitters: Submitter[];

  /** Days within which the sluice promises a first answer (default 14); its managers are reminded after. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(365)
  answerWithinDays?: number;
}

export class SluiceListQueryDto extends PageQueryDto {
  /** One organization's sluices. */
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class SubmitIdeaDto {
  /** `need` (staff: a problem in their work) or `idea` (a company's idea or solution). */
  @IsIn(IDEA_KINDS)
  kind: IdeaKind;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  @MultilineText()
  description: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @IsIn(DOMAIN_KEYS, { each: true })
  domains?: Domain[];

  /** Who the need affects, and how often. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @MultilineText()
  affects?: string;

  /** A public need is shown to everyone signed in, and companies may answer it (needs only). */
  @IsOptional()
  @IsBoolean()
  public?: boolean;

  /** Which of your companies submits an idea; needed only when you belong to several. */
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class IdeaListQueryDto extends PageQueryDto {
  /** Swedish full text over title, description and who it affects; every word a prefix. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @IsOptional()
  @IsUUID()
  sluiceId?: string;

  @IsOptional()
  @IsIn(IDEA_STATUSES)
  status?: IdeaStatus;

  @IsOptional()
  @IsIn(IDEA_KINDS)
  kind?: IdeaKind;
}

export class SimilarQueryDto {
  /** What the person is typing (a title, a sentence). */
  @IsString()
  @MaxLength(500)
  q: string;

  /** Only this sluice's (the one the person is submitting to). */
  @IsOptional()
  @IsUUID()
  sluiceId?: string;
}

export class AcceptIdeaDto {
  /** The test beds the idea is matched to (published ones, one or more); a linked booking must be on one of them. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  testbedIds: string[];
}

export class DeclineIdeaDto {
  /** Why: the submitter sees it. */
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @MultilineText()
  reason: string;
}

export class CloseIdeaDto {
  /** What came of it. */
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  @MultilineText()
  result: string;
}

export class PostMessageDto {
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  @MultilineText()
  body: string;
}

export class AnswerNeedDto {
  /** The company's solution to the need. */
  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  @MultilineText()
  description: string;

  /** Which of your companies answers; needed only when you belong to several. */
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
