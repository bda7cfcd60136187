import type { ReactNode } from 'react';

export interface Choice<V extends string = string> {
  value: V;
  label: ReactNode;
  /** Shown beside the choice, outside its label (a link to read more, say). */
  after?: ReactNode;
}

/**
 * A question answered by ticking any number of choices: its legend, hint and error
 * together, as every other field shows them. `status` stands where the choices are
 * while they load or when there are none.
 */
export function ChoicesField<V extends string>({
  name,
  legend,
  hint,
  error,
  choices,
  chosen,
  onChange,
  status,
  ranked = false,
}: {
  name: string;
  legend: string;
  hint: string;
  error?: string;
  choices: Choice<V>[];
  chosen: V[];
  onChange: (chosen: V[]) => void;
  status?: ReactNode;
  ranked?: boolean;
}) {
  const List = ranked ? 'ol' : 'ul';
  return (
    <fieldset className={error ? 'field field--error' : 'field'} id={`field-${name}`} tabIndex={-1}>
      <legend>{legend}</legend>
      <p className="hint">{hint}</p>
      {error ? <p className="field-error">{error}</p> : null}
      {status}
      <List className={ranked ? 'match-list' : 'idea-choices'}>
        {choices.map((choice) => (
          <li key={choice.value}>
            <label>
              <input
                type="checkbox"
                name={name}
                value={choice.value}
                checked={chosen.includes(choice.value)}
                onChange={(event) =>
                  onChange(
                    event.target.checked ? [...chosen, choice.value] : chosen.filter((value) => value !== choice.value),
                  )
                }
              />{' '}
              {choice.label}
            </label>
            {choice.after ? <> {choice.after}</> : null}
          </li>
        ))}
      </List>
    </fieldset>
  );
}
