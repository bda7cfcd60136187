import { ApiProblem, isProblem } from '../api/problem';

/**
 * A 409 `conflict` says what clashed only in its English `detail`; this gives it
 * the page's own words for the clashes it expects (the rest stay as they are).
 */
export function explainConflict(error: unknown, words: Array<[RegExp, string]>): unknown {
  if (!isProblem(error) || error.code !== 'conflict') return error;
  const said = words.find(([pattern]) => pattern.test(error.body.detail ?? ''));
  return said ? new ApiProblem(409, { type: '/problems/conflict-explained', detail: said[1] }) : error;
}
