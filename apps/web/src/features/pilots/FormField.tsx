import type { ReactNode } from 'react';

/**
 * One question of a form: its label, hint and error beside it, and the control,
 * which is handed the ids that describe it and whether it is invalid.
 */
export function FormField({ id, label, hint, error, children }: { id: string; label: string; hint?: string | null; error?: string; children: (describedBy: string | undefined, invalid: true | undefined) => ReactNode }) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {children(described, error ? true : undefined)}
    </div>
  );
}

/** A table that scrolls sideways on its own on a narrow screen, reachable and named for keyboard and screen readers. */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
