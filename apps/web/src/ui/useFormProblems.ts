import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isProblem } from '../api/problem';
import type { ShownError } from './Form';
import { describeFieldProblem, describeProblem, isEmptyValue, valueAt } from './problems';

/**
 * Turns what a submit failed with into errors beside fields (by field, in the
 * person's language) and one message for everything else. `show` fits a
 * mutation's `onError` as it is: its second argument, what was submitted, tells
 * a field left empty (asked for with "Fyll i …") from one filled in wrongly.
 */
export function useFormProblems(ns: string, labels: Record<string, string>) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<ShownError[]>([]);
  const [general, setGeneral] = useState<string | null>(null);

  const show = (error: unknown, submitted?: unknown) => {
    const empty = (field: string) =>
      submitted !== null && typeof submitted === 'object' && isEmptyValue(valueAt(submitted, field));
    if (isProblem(error) && error.errors.length) {
      const known = error.errors.filter((problem) => labels[problem.field]);
      const seen = new Set<string>();
      setErrors(
        known
          .filter((problem) => (seen.has(problem.field) ? false : (seen.add(problem.field), true)))
          .map((problem) => ({
            field: problem.field,
            label: labels[problem.field]!,
            message: describeFieldProblem(t, ns, problem, labels[problem.field]!, empty(problem.field)),
          })),
      );
      const unknown = error.errors.filter((problem) => !labels[problem.field]);
      setGeneral(known.length === 0 || unknown.length ? describeProblem(t, error) : null);
    } else {
      setErrors([]);
      setGeneral(describeProblem(t, error));
    }
  };

  const setFieldErrors = (list: ShownError[]) => {
    setErrors(list);
    setGeneral(null);
  };

  const clear = () => {
    setErrors([]);
    setGeneral(null);
  };

  const errorFor = (field: string) => errors.find((error) => error.field === field)?.message;
  return { errors, general, show, clear, setFieldErrors, errorFor };
}
