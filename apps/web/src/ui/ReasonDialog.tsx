import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorSummary } from './Form';
import { DialogActions, FormDialog } from './FormDialog';
import { TextAreaField } from './TextAreaField';
import { useFormProblems } from './useFormProblems';

/**
 * A step taken with a reason that others read (closing or cancelling a slot,
 * rejecting a request): what it acts on, the reason, confirm or keep.
 * `missing` makes the reason required, with the words that ask for it.
 */
export function ReasonDialog({
  title,
  children,
  label,
  hint,
  missing,
  confirm,
  keep,
  pending,
  warning = false,
  ns,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  label: string;
  hint: string;
  missing?: string;
  confirm: string;
  keep: string;
  pending: boolean;
  warning?: boolean;
  /** The namespace of the feature's own words for the API's problems with the reason. */
  ns: string;
  onConfirm: (reason: string, onError: (error: unknown) => void) => void;
  onClose: () => void;
}) {
  const problems = useFormProblems(ns, { reason: label });
  const [reason, setReason] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    if (missing && !reason.trim()) {
      problems.setFieldErrors([{ field: 'reason', label, message: missing }]);
      return;
    }
    onConfirm(reason.trim(), (error) => problems.show(error, { reason: reason.trim() }));
  };

  return (
    <FormDialog title={title} onClose={onClose}>
      {children}
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={problems.errors} general={problems.general} />
        <TextAreaField
          name="reason"
          label={label}
          hint={hint}
          error={problems.errorFor('reason')}
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoFocus
        />
        <DialogActions
          pending={pending}
          confirm={confirm}
          sending={confirm}
          keep={keep}
          onClose={onClose}
          warning={warning}
        />
      </form>
    </FormDialog>
  );
}
