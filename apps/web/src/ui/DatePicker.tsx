import { parseDate, type CalendarDate, type DateValue } from '@internationalized/date';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker as AriaDatePicker,
  DateSegment,
  Dialog,
  Group,
  Popover,
} from 'react-aria-components';
import { AriaLabel } from './AriaLabel';
import { CalendarHeader } from './CalendarHeader';

function parse(value: string | undefined): CalendarDate | null {
  try {
    return value ? parseDate(value) : null;
  } catch {
    return null;
  }
}

/**
 * A date typed segment by segment or picked from a month grid: React Aria's
 * date picker, which reads and writes dates in the person's locale and gives
 * screen readers and keyboards the full model. Submits YYYY-MM-DD as `name`.
 */
export function DatePicker({
  name,
  label,
  hint,
  defaultValue,
}: {
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState<DateValue | null>(() => parse(defaultValue));
  return (
    <AriaDatePicker className="field date-picker" value={value} onChange={setValue} granularity="day">
      {/* The form's value, outside React Aria's own hidden input (which axe takes for an unlabelled field). */}
      <input type="hidden" name={name} value={value ? value.toString() : ''} />
      <AriaLabel label={label} hint={hint} />
      <Group className="date-picker__group">
        <DateInput className="date-input">
          {(segment) => <DateSegment segment={segment} className="date-segment" />}
        </DateInput>
        <Button className="icon-button" aria-label={t('datePicker.open')}>
          <span aria-hidden="true">▾</span>
        </Button>
      </Group>
      <Popover className="popover">
        <Dialog className="calendar" aria-label={label}>
          <Calendar>
            <CalendarHeader />
            <CalendarGrid>
              {(date) => <CalendarCell date={date} className="calendar-cell calendar-cell--any" />}
            </CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </AriaDatePicker>
  );
}
