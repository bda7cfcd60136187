import { MultilineText, PageQueryDto } from '@slussen/core';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  METRIC_CADENCES,
  METRIC_DIRECTIONS,
  OUTCOME_RESULTS,
  PILOT_STAGES,
  type MetricCadence,
  type MetricDirection,
  type OutcomeResult,
  type PilotStage,
} from '../../pilot-stage.js';

const WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/;
const finite = { allowNaN: false, allowInfinity: false };

export class PilotListQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(PILOT_STAGES)
  stage?: PilotStage;

  @IsOptional()
  @IsUUID()
  testbedId?: string;

  @IsOptional()
  @IsUUID()
  organizationId?: string;
}

export class UpdatePilotDto {
  /** The pilot's goals, one sentence each (a single string is one goal). Changing them is a new plan version. */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? [value] : value))
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(1000, { each: true })
  @MultilineText()
  goals?: string[];

  /** `running` (once the slot has started), `evaluating` (ends the running phase early) or `aborted` (with a reason). */
  @IsOptional()
  @IsIn(PILOT_STAGES)
  stage?: PilotStage;

  /** Why the pilot is aborted; required with stage `aborted`. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  @MultilineText()
  reason?: string;
}

export class CreateMetricDto {
  /** Short identifier, unique within the pilot: lower-case letters, digits, - and _. */
  @IsString()
  @Matches(/^[a-z][a-z0-9_-]{0,63}$/, {
    message: 'key must start with a letter and hold only a-z, 0-9, - and _ (at most 64)',
  })
  key: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  /** e.g. "%", "falls per month", "minutes". */
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  unit: string;

  @IsIn(METRIC_DIRECTIONS)
  direction: MetricDirection;

  @IsOptional()
  @IsNumber(finite)
  baseline?: number;

  @IsOptional()
  @IsNumber(finite)
  target?: number;

  /** The lowest plausible value; lower measurements are refused. */
  @IsOptional()
  @IsNumber(finite)
  minimum?: number;

  /** The highest plausible value; higher measurements are refused. */
  @IsOptional()
  @IsNumber(finite)
  maximum?: number;

  @IsIn(METRIC_CADENCES)
  cadence: MetricCadence;
}

export class PlanDto {
  /** The pilot's goals, one sentence each. */
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(1000, { each: true })
  @MultilineText()
  goals: string[];

  /** Every metric of the plan; a key not listed is removed (refused when it has measurements), a new key is added. */
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CreateMetricDto)
  metrics: CreateMetricDto[];
}

export class CreateMeasurementDto {
  @IsString()
  @MaxLength(64)
  metricKey: string;

  /** A JSON number. */
  @IsNumber(finite)
  value: number;

  /** ISO 8601 with an offset. */
  @IsISO8601({ strict: true })
  @Matches(WITH_OFFSET, { message: 'observedAt must carry an offset (Z or +01:00)' })
  observedAt: string;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @MultilineText()
  note?: string;
}

export class MeasurementListQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(64)
  metricKey?: string;
}

export class RecordOutcomeDto {
  @IsIn(OUTCOME_RESULTS)
  result: OutcomeResult;

  @IsString()
  @MinLength(1)
  @MaxLength(10_000)
  @MultilineText()
  summary: string;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  @MultilineText()
  lessons?: string;

  /** Required when the result is `procured`: the procurement's reference (diarienummer). */
  @ValidateIf((body: RecordOutcomeDto) => body.result === 'procured' || body.procurementReference !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  procurementReference?: string;

  /** Required when the result is `procured`: the date of the award, YYYY-MM-DD. */
  @ValidateIf((body: RecordOutcomeDto) => body.result === 'procured' || body.procurementDate !== undefined)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'procurementDate must be a date, YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  procurementDate?: string;
}

export class RegisterSourceDto {
  /** An https URL that answers `[{ metricKey, value, observedAt }]` or `{ measurements: [...] }`. */
  @IsUrl({ protocols: ['https', 'http'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url: string;

  /** Sent as `Authorization: Bearer <token>`; stored encrypted, never shown again. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  token?: string;
}
