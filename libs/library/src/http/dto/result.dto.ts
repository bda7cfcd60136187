import { MultilineText, PageQueryDto } from '@slussen/core';
import { DOMAIN_KEYS, ENVIRONMENT_TYPES, type Domain, type EnvironmentType } from '@slussen/catalogue';
import { OUTCOME_RESULTS, type OutcomeResult } from '@slussen/pilots';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { CONSENT_PARTS, type ConsentPart } from '../../consent-parts.js';

export class ConsentDto {
  /** true: this side consents to publishing the completed pilot; false: it withdraws its consent (the result is unpublished). */
  @IsBoolean()
  consent: boolean;

  /**
   * The optional parts this side consents to show (all of them when left out):
   * `summary`, `lessons`, `metrics` (the plan's metrics with baseline and
   * target), `measurements` (each metric's measured result), `company` (the
   * company's name) and `problem` (the need or idea the pilot came from).
   * The public page shows only the parts both sides consented to.
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CONSENT_PARTS.length)
  @IsIn(CONSENT_PARTS, { each: true })
  parts?: ConsentPart[];
}

export class ResultSearchDto extends PageQueryDto {
  /** Free text, Swedish stemming, every word as a prefix: `fallsensor` finds `fallsensorer`. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  /** A domain of the test bed. */
  @IsOptional()
  @IsIn(DOMAIN_KEYS)
  domain?: Domain;

  @IsOptional()
  @IsIn(ENVIRONMENT_TYPES)
  environmentType?: EnvironmentType;

  @IsOptional()
  @IsIn(OUTCOME_RESULTS)
  outcome?: OutcomeResult;
}

export class CreateAdoptionDto {
  /** The region or municipality that adopted the result; the caller is its admin or manager. */
  @IsUUID()
  organizationId: string;

  /** When it was adopted, YYYY-MM-DD (not in the future). */
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'adoptedAt must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  adoptedAt: string;

  /** How and where, in a few words (shown publicly with the adoption). */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @MultilineText()
  note?: string;
}
