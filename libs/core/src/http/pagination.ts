import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidationError } from '../errors/domain-error.js';
import { textProblem } from './control-characters.js';

// Described by hand: the Swagger plugin reads only *.dto.ts files, and every paged route inherits these.
/** `?limit=&cursor=` as API.md fixes them: 50 by default, 200 at most. */
export class PageQueryDto {
  /** How many items, 1 to 200 (default 50). */
  @ApiPropertyOptional({
    description: 'How many items, 1 to 200.',
    minimum: 1,
    maximum: 200,
    default: 50,
    type: 'integer',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  /** `nextCursor` of the previous page. */
  @ApiPropertyOptional({ description: '`nextCursor` of the previous page.', maxLength: 512 })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset cursors: the sort values of the last item, opaque to callers. */
export function encodeCursor(values: Array<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): Array<string | number> | null {
  if (cursor === undefined) return null;
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    // A cursor is the caller's input too: its strings obey the same rules as every other string (no NUL for PostgreSQL).
    const wellFormed = (value: unknown) =>
      (typeof value === 'string' && textProblem(value) === null) ||
      (typeof value === 'number' && Number.isFinite(value));
    if (Array.isArray(values) && values.length === arity && values.every(wellFormed)) {
      return values as Array<string | number>;
    }
  } catch {
    // fall through
  }
  throw new ValidationError('cursor is not one this API gave out', [{ field: 'cursor', message: 'is not valid' }]);
}

/** Takes one item more than asked to learn whether another page follows. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (last: T) => Array<string | number>): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(cursorOf(last)) : null };
}
