import { OmitType, PartialType } from '@nestjs/swagger';
import { MultilineText, PageQueryDto } from '@slussen/core';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEmail,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  DOMAIN_KEYS,
  ENVIRONMENT_TYPES,
  TESTBED_STATUSES,
  type Domain,
  type EnvironmentType,
  type TestbedStatus,
} from '../../domains.js';

export class TrlDto {
  @IsInt()
  @Min(1)
  @Max(9)
  min: number;

  @IsInt()
  @Min(1)
  @Max(9)
  max: number;
}

export class LocationDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  municipality: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;

  @IsOptional()
  @IsLatitude()
  lat?: number;

  @IsOptional()
  @IsLongitude()
  lon?: number;
}

export class RulesDto {
  /** Bookings wait for a manager's approval. */
  @IsBoolean()
  requiresApproval: boolean;

  @IsInt()
  @Min(0)
  @Max(365)
  minLeadDays: number;

  @IsInt()
  @Min(1)
  @Max(1095)
  maxAdvanceDays: number;

  @IsInt()
  @Min(1)
  @Max(100)
  maxActiveBookingsPerCompany: number;

  /** Days a request may wait for a decision before it expires. */
  @IsInt()
  @Min(1)
  @Max(90)
  decisionDays: number;
}

export class CreateTestbedDto {
  @IsUUID()
  organizationId: string;

  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name: string;

  @IsString()
  @MinLength(1)
  @MaxLength(500)
  @MultilineText()
  summary: string;

  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  @MultilineText()
  description?: string;

  @IsIn(ENVIRONMENT_TYPES)
  environmentType: EnvironmentType;

  @IsOptional()
  @ValidateNested()
  @Type(() => TrlDto)
  trl?: TrlDto;

  @IsIn(DOMAIN_KEYS, { each: true })
  @ArrayMaxSize(12)
  domains: Domain[];

  @ValidateNested()
  @Type(() => LocationDto)
  location: LocationDto;

  /** IANA time zone; slots recur in it (default Europe/Stockholm). */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;

  /** Pilots it can host at once. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity?: number;

  @IsOptional()
  @ValidateNested()
  @Type(() => RulesDto)
  rules?: RulesDto;

  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  contactEmail?: string;

  /** Days before a slot starts when both sides get a reminder (default [7, 1]). */
  @IsOptional()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(30, { each: true })
  @ArrayMaxSize(5)
  reminderDays?: number[];
}

export class TrlChangesDto extends PartialType(TrlDto) {}

export class LocationChangesDto extends PartialType(LocationDto) {}

export class RulesChangesDto extends PartialType(RulesDto) {}

/** Any field of the profile; nested objects are merged field by field. */
export class UpdateTestbedDto extends PartialType(
  OmitType(CreateTestbedDto, ['organizationId', 'trl', 'location', 'rules'] as const),
) {
  @IsOptional()
  @ValidateNested()
  @Type(() => TrlChangesDto)
  trl?: TrlChangesDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => LocationChangesDto)
  location?: LocationChangesDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => RulesChangesDto)
  rules?: RulesChangesDto;
}

export class TestbedSearchDto extends PageQueryDto {
  /** Free text, Swedish stemming: `äldreboende` finds `äldreboenden`. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @IsOptional()
  @IsIn(DOMAIN_KEYS)
  domain?: Domain;

  @IsOptional()
  @IsIn(ENVIRONMENT_TYPES)
  environmentType?: EnvironmentType;

  /** A technology readiness level the test bed suits. */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(9)
  trl?: number;

  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  municipality?: string;

  /** Keeps test beds with an open slot with a free place wholly inside [availableFrom, availableTo). */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  availableFrom?: Date;

  @IsOptional()
  @Type(() => Date)
  @IsDate()
  availableTo?: Date;

  /**
   * Only test beds in this state. Everyone may ask for `published`; `draft` and
   * `retired` list only the caller's own organizations' (every one for platform
   * admins), so another organization's drafts never show. Without it: the
   * published ones and the caller's own organizations' in any state.
   */
  @IsOptional()
  @IsIn(TESTBED_STATUSES)
  status?: TestbedStatus;
}
