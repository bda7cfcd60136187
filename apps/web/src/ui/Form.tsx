import { forwardRef, useEffect, useRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from './FormField';

export interface ShownError {
  field: string;
  label: string;
  message: string;
}

/**
 * The GOV.UK error summary: a list at the top of the form linking to each
 * field with a problem; it takes focus when it appears so the person hears it.
 */
export function ErrorSummary({ errors, general }: { errors: ShownError[]; general?: string | null }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const shown = errors.length > 0 || Boolean(general);
  useEffect(() => {
    if (shown) box.current?.focus();
  }, [shown, errors, general]);
  if (!shown) return null;
  return (
    <div className="error-summary" ref={box} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('errorSummary')}</h2>
      {general ? <p>{general}</p> : null}
      {errors.length ? (
        <ul>
          {errors.map((error) => (
            <li key={error.field}>
              <a href={`#field-${error.field}`}>{error.message}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
}

/** A labelled input with its hint and its error beside it, one question per field. */
export const Field = forwardRef<HTMLInputElement, FieldProps>(function Field(
  { name, label, hint, error, ...input },
  ref,
) {
  const id = `field-${name}`;
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(describedBy, invalid) => (
        <input ref={ref} id={id} name={name} aria-describedby={describedBy} aria-invalid={invalid} {...input} />
      )}
    </FormField>
  );
});

/** A form's submit button; while the form sends it says so and stays focusable (aria-disabled, not disabled). */
export function SubmitButton({
  sending,
  label,
  sendingLabel,
  className = 'button',
}: {
  sending: boolean;
  label: string;
  sendingLabel: string;
  className?: string;
}) {
  return (
    <button type="submit" className={className} aria-disabled={sending}>
      {sending ? sendingLabel : label}
    </button>
  );
}
