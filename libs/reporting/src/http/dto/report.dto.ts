import { PageQueryDto } from '@slussen/core';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, IsUUID } from 'class-validator';
import { REPORT_SCOPES, type ReportScope } from '../../entities/report-snapshot.entity.js';

export class ReportListQueryDto extends PageQueryDto {
  @IsOptional() @IsIn(REPORT_SCOPES)
  scope?: ReportScope;

  @IsOptional() @IsUUID()
  subjectId?: string;

  /** Reports whose period overlaps [from, to). */
  @IsOptional() @Type(() => Date) @IsDate()
  from?: Date;

  @IsOptional() @Type(() => Date) @IsDate()
  to?: Date;
}

export class CreateRunDto {
  @IsIn(REPORT_SCOPES)
  scope: ReportScope;

  /** The organization or test bed; absent for the platform. */
  @IsOptional() @IsUUID()
  subjectId?: string;

  @Type(() => Date) @IsDate()
  from: Date;

  @Type(() => Date) @IsDate()
  to: Date;
}

export class CreateSubscriptionDto {
  @IsIn(REPORT_SCOPES)
  scope: ReportScope;

  @IsOptional() @IsUUID()
  subjectId?: string;
}
