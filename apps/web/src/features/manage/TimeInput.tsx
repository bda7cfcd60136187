import { Time } from '@internationalized/date';
import { useState } from 'react';
import { DateInput, DateSegment, TimeField } from 'react-aria-components';
import { SegmentedFieldTexts } from '../../ui/DateTimeField';

/** A time of day typed hour and minute (React Aria's time field, 24-hour), submitted as HH:MM under `name`. */
export function TimeInput({
  name,
  label,
  hint,
  defaultValue,
  error,
  onChange,
}: {
  name: string;
  label: string;
  hint?: string;
  defaultValue: string;
  error?: string;
  onChange?: () => void;
}) {
  const [value, setValue] = useState<Time | null>(() => {
    const [hour, minute] = defaultValue.split(':').map(Number);
    return new Time(hour, minute);
  });
  const text = value ? `${String(value.hour).padStart(2, '0')}:${String(value.minute).padStart(2, '0')}` : '';
  return (
    <TimeField
      className={error ? 'field field--error time-field' : 'field time-field'}
      value={value}
      onChange={(next) => {
        setValue(next);
        onChange?.();
      }}
      hourCycle={24}
      isInvalid={Boolean(error)}
      id={`field-${name}`}
    >
      <input type="hidden" name={name} value={text} />
      <SegmentedFieldTexts label={label} hint={hint} error={error} />
      <DateInput className="date-input">
        {(segment) => <DateSegment segment={segment} className="date-segment" />}
      </DateInput>
    </TimeField>
  );
}
