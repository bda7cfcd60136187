import { ApiProperty } from '@nestjs/swagger';
import { PageQueryDto } from '@slussen/core';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { REPORT_LANGUAGES, type ReportLanguage } from '../../render/report-text.js';
import { REPORT_ORDERS, type ReportOrder } from '../../repositories/reports.repository.js';
import {
  PERIOD_KINDS,
  REPORT_SCOPES,
  type PeriodKind,
  type ReportScope,
} from '../../entities/report-snapshot.entity.js';

export class ReportListQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(REPORT_SCOPES)
  scope?: ReportScope;

  @IsOptional()
  @IsUUID()
  subjectId?: string;

  /** day, month-to-date, year-to-date or custom (an on-demand run's). */
  @IsOptional()
  @IsIn(PERIOD_KINDS)
  periodKind?: PeriodKind;

  /** Reports whose period overlaps [from, to). */
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;

  /** newest (the default): newest period first; scope: the platform's first, then organizations', then test beds', months and years before days, newest first in each. */
  @IsOptional()
  @IsIn(REPORT_ORDERS)
  order?: ReportOrder;
}

export class CreateRunDto {
  @IsIn(REPORT_SCOPES)
  scope: ReportScope;

  /** The organization or test bed; absent for the platform. */
  @IsOptional()
  @IsUUID()
  subjectId?: string;

  /** The first instant of the period: a day (`2027-01-01`, its first instant in REPORT_TIMEZONE) or a time (one without an offset is in REPORT_TIMEZONE). */
  @IsISO8601()
  from: string;

  /** The end of the period, not included: a day (its first instant in REPORT_TIMEZONE) or a time. */
  @IsISO8601()
  to: string;
}

export class ReportLanguageQueryDto {
  /** The language of the figures' titles and definitions (the JSON: English unless asked; the printable page: the reader's own unless asked). */
  @IsOptional()
  @IsIn(REPORT_LANGUAGES)
  lang?: ReportLanguage;
}

export class CreateSubscriptionDto {
  @IsIn(REPORT_SCOPES)
  scope: ReportScope;

  @IsOptional()
  @IsUUID()
  subjectId?: string;
}

export class ReportSubjectDto {
  @ApiProperty({ enum: ['organization', 'testbed'] }) scope: 'organization' | 'testbed';
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ type: 'string', nullable: true, description: 'The organization’s or test bed’s name.' })
  subjectName: string | null;
}

export class ReportSubjectListDto {
  @ApiProperty({ type: [ReportSubjectDto] }) items: ReportSubjectDto[];
}
