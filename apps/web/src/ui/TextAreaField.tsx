import type { TextareaHTMLAttributes } from 'react';
import { FormField } from './FormField';

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

/** A labelled text area with its hint and its error beside it, like `Field` for longer answers. */
export function TextAreaField({ name, label, hint, error, ...textarea }: TextAreaFieldProps) {
  const id = `field-${name}`;
  return (
    <FormField id={id} label={label} hint={hint} error={error}>
      {(describedBy, invalid) => (
        <textarea id={id} name={name} aria-describedby={describedBy} aria-invalid={invalid} {...textarea} />
      )}
    </FormField>
  );
}
