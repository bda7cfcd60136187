import type { TFunction } from 'i18next';
import { isProblem, type FieldProblem } from '../api/problem';

/** A problem from the API in the person's language, by its type, falling back to what the API said. */
export function describeProblem(t: TFunction, error: unknown): string {
  if (!isProblem(error)) return t('problems:unknown');
  const fallback =
    error.status >= 500 ? t('problems:server') : (error.body.detail ?? error.body.title ?? t('problems:unknown'));
  return t(`problems:types.${error.code}`, { defaultValue: fallback });
}

/**
 * One field's problem in the person's language: first the feature's own words for
 * this field and code, then the general words for the code, then the API's message.
 */
export function describeFieldProblem(t: TFunction, ns: string, problem: FieldProblem, label: string): string {
  const code = problem.code ?? 'unknown';
  return t(`${ns}:errors.${problem.field}.${code}`, {
    defaultValue: t(`problems:fields.${code}`, { label, defaultValue: `${label}: ${problem.message}` }),
  });
}
