import type { TFunction } from 'i18next';
import { isProblem, type FieldProblem } from '../api/problem';

/** A problem from the API in the person's language, by its type, falling back to what the API said. */
export function describeProblem(t: TFunction, error: unknown): string {
  if (!isProblem(error)) return t('problems:unknown');
  const fallback =
    error.status >= 500 ? t('problems:server') : (error.body.detail ?? error.body.title ?? t('problems:unknown'));
  return t(`problems:types.${error.code}`, { defaultValue: fallback });
}

/** Codes about a field being sent at all, not about what it holds. */
const NOT_ABOUT_CONTENT = new Set(['whitelistValidation', 'unknownField']);

/** "Namn" as it reads inside a sentence ("Fyll i namn"); abbreviations (TRL, URL) keep their capitals. */
export function labelInSentence(label: string): string {
  return /^\p{Lu}\p{Lu}/u.test(label) ? label : label.charAt(0).toLocaleLowerCase() + label.slice(1);
}

/** Whether a submitted value is empty: missing, blank text or an empty list. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  return Array.isArray(value) && value.length === 0;
}

/** The value at a field path ("location.municipality", "metrics.0.key") of what was submitted. */
export function valueAt(submitted: unknown, field: string): unknown {
  return field
    .split('.')
    .reduce<unknown>(
      (node, part) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      submitted,
    );
}

/**
 * One field's problem in the person's language: first the feature's own words for
 * this field and code, then the general words for the code, then the API's message.
 * A field left empty is asked for ("Fyll i namn"), whatever rule the API named
 * (an empty name breaks its minimum length too, but "too short" is not what the person needs to hear).
 */
export function describeFieldProblem(
  t: TFunction,
  ns: string,
  problem: FieldProblem,
  label: string,
  empty = false,
): string {
  const given = problem.code ?? 'unknown';
  const code = empty && !NOT_ABOUT_CONTENT.has(given) ? 'required' : given;
  return t(`${ns}:errors.${problem.field}.${code}`, {
    defaultValue: t(`problems:fields.${code}`, {
      label,
      field: labelInSentence(label),
      defaultValue: `${label}: ${problem.message}`,
    }),
  });
}
