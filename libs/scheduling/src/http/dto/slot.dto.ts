import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';

export class RecurrenceDto {
  @IsIn(['weekly', 'monthly'])
  frequency: 'weekly' | 'monthly';

  /** Every N weeks or months. */
  @IsInt() @Min(1) @Max(52)
  interval: number;

  @IsOptional() @IsInt() @Min(1) @Max(200)
  count?: number;

  /** No occurrence starts after this instant. */
  @IsOptional() @Type(() => Date) @IsDate()
  until?: Date;
}

export class CreateSlotsDto {
  @Type(() => Date) @IsDate()
  startsAt: Date;

  @Type(() => Date) @IsDate()
  endsAt: Date;

  @IsInt() @Min(1) @Max(1000)
  capacity: number;

  /** Expanded in the test bed's time zone: 09:00 stays 09:00 across daylight-saving changes. */
  @IsOptional() @ValidateNested() @Type(() => RecurrenceDto)
  recurrence?: RecurrenceDto;
}

export class UpdateSlotDto {
  @IsOptional() @Type(() => Date) @IsDate()
  startsAt?: Date;

  @IsOptional() @Type(() => Date) @IsDate()
  endsAt?: Date;

  @IsOptional() @IsInt() @Min(1) @Max(1000)
  capacity?: number;
}

export class SlotWindowDto {
  /** Slots overlapping [from, to). */
  @IsOptional() @Type(() => Date) @IsDate()
  from?: Date;

  @IsOptional() @Type(() => Date) @IsDate()
  to?: Date;
}
