import { parseDateTime, type CalendarDateTime } from '@internationalized/date';
import { DateField, DateInput, DateSegment, Label, Text } from 'react-aria-components';

/**
 * A date and time typed segment by segment (React Aria's date field) on a 24-hour clock in every
 * language, as `YYYY-MM-DDTHH:mm` without a zone: the caller says which zone it is in.
 */
export function DateTimeField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const parsed = parsedOrNull(value);
  return (
    <DateField
      className={error ? 'field field--error' : 'field'}
      value={parsed}
      onChange={(next) => onChange(next ? next.toString().slice(0, 16) : '')}
      granularity="minute"
      hourCycle={24}
      isInvalid={Boolean(error)}
      id={id}
    >
      <SegmentedFieldTexts label={label} hint={hint} error={error} />
      <DateInput className="date-input">
        {(segment) => <DateSegment segment={segment} className="date-segment" />}
      </DateInput>
    </DateField>
  );
}

function parsedOrNull(value: string): CalendarDateTime | null {
  try {
    return value ? parseDateTime(value) : null;
  } catch {
    return null;
  }
}

/** The label, hint and error of a field typed segment by segment, laid out as every other field's. */
export function SegmentedFieldTexts({ label, hint, error }: { label: string; hint?: string; error?: string }) {
  return (
    <>
      <Label className="label">{label}</Label>
      {hint ? (
        <Text slot="description" elementType="p" className="hint">
          {hint}
        </Text>
      ) : null}
      {error ? (
        <Text slot="errorMessage" elementType="p" className="field-error">
          {error}
        </Text>
      ) : null}
    </>
  );
}
