import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../../ui/Form';
import { TextAreaField } from '../../ui/TextAreaField';
import { useFormProblems } from '../../ui/useFormProblems';

/**
 * A form of one text to send (a message, a company's answer), with its error beside
 * the field and in the summary; the text is emptied once it is sent.
 */
export function TextForm({
  id,
  title,
  name,
  label,
  hint,
  missing,
  submit,
  sendingLabel,
  pending,
  onSend,
}: {
  id: string;
  title: string;
  name: string;
  label: string;
  hint: string;
  missing: string;
  submit: string;
  sendingLabel: string;
  pending: boolean;
  onSend: (text: string, handlers: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
}) {
  const problems = useFormProblems('ideas', { [name]: label });
  const [text, setText] = useState('');
  const send = (event: FormEvent) => {
    event.preventDefault();
    if (pending) return;
    const value = text.trim();
    if (!value) return problems.setFieldErrors([{ field: name, label, message: missing }]);
    problems.clear();
    onSend(value, { onSuccess: () => setText(''), onError: (error) => problems.show(error, { [name]: value }) });
  };
  return (
    <form className="form" onSubmit={send} noValidate aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <ErrorSummary errors={problems.errors} general={problems.general} />
      <TextAreaField
        name={name}
        label={label}
        hint={hint}
        error={problems.errorFor(name)}
        rows={4}
        maxLength={5000}
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="actions">
        <button type="submit" className="button" aria-disabled={pending}>
          {pending ? sendingLabel : submit}
        </button>
      </div>
    </form>
  );
}
