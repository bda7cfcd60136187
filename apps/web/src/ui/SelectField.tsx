import { useState } from 'react';
import { Button, ListBox, ListBoxItem, Popover, Select, SelectValue, type Key } from 'react-aria-components';
import { AriaLabel } from './AriaLabel';

export interface SelectOption {
  value: string;
  label: string;
}

/**
 * One choice from a list: React Aria's select (a button that opens a list box,
 * with type-ahead, arrow keys and the full screen-reader model). The first
 * option, `emptyLabel`, stands for "no choice" and submits an empty `name`.
 */
export function SelectField({
  name,
  label,
  hint,
  emptyLabel,
  options,
  defaultValue,
}: {
  name: string;
  label: string;
  hint?: string;
  emptyLabel: string;
  options: SelectOption[];
  defaultValue?: string;
}) {
  const [value, setValue] = useState<string>(defaultValue ?? '');
  // A value the list does not (yet) hold still shows, and is kept, rather than silently dropped.
  const shown =
    value && !options.some((option) => option.value === value) ? [...options, { value, label: value }] : options;
  const items = [{ value: '', label: emptyLabel }, ...shown];
  return (
    <Select
      className="field select-field"
      selectedKey={value}
      onSelectionChange={(key: Key | null) => setValue(key === null ? '' : String(key))}
    >
      {/* The form's value, outside React Aria's own hidden select (which axe takes for an unlabelled field). */}
      <input type="hidden" name={name} value={value} />
      <AriaLabel label={label} hint={hint} />
      <Button className="select-field__button">
        <SelectValue className="select-field__value" />
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="popover select-field__popover">
        <ListBox className="select-field__list" items={items.map((item) => ({ id: item.value, ...item }))}>
          {(item) => (
            <ListBoxItem id={item.id} className="select-field__option" textValue={item.label}>
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
