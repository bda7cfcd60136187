import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';

/** An environment variable's text as a whole number, left as it is when it is not one (so `IsInt` names it). */
export const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** `1`, `true`, `yes`, `on` and `0`, `false`, `no`, `off` (any case) as a boolean; anything else as it is. */
export const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  if (/^(1|true|yes|on)$/i.test(value)) return true;
  if (/^(0|false|no|off)$/i.test(value)) return false;
  return value;
};

/**
 * A whole-number setting from `min` to `max` (or no maximum): the same checks, in the
 * same order, as `@Transform(toInt) @IsInt() @Min(min) @Max(max)` written one by one.
 */
export function IntSetting(min: number, max?: number): PropertyDecorator {
  return (target, key) => {
    if (max !== undefined) Max(max)(target, key as string);
    Min(min)(target, key as string);
    IsInt()(target, key as string);
    Transform(toInt)(target, key as string);
  };
}

/** A `true`/`false` setting; a wrong value stops the start with "<NAME> must be true or false". */
export function BoolSetting(): PropertyDecorator {
  return (target, key) => {
    IsBoolean({ message: `${String(key)} must be true or false` })(target, key as string);
    Transform(toBool)(target, key as string);
  };
}
