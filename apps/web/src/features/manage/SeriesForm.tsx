import { CalendarDateTime, parseDate, toZoned } from '@internationalized/date';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DatePicker } from '../../ui/DatePicker';
import { ErrorSummary, Field } from '../../ui/Form';
import { dateFormat, formatTime, zoneName } from '../../ui/format';
import { Notice } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
import { useCreateSlots, usePreviewSlots } from './queries';
import { offsetLabel } from './slots';
import { TimeInput } from './TimeInput';
import type { SlotPreview, SlotsCommand, Testbed } from './types';

type Repeat = 'once' | 'weekly' | 'monthly';
type Ends = 'count' | 'until';

/** A wall-clock date and time in the test bed's zone, as an instant (daylight saving included). */
function instant(day: string, time: string, zone: string): string {
  const date = parseDate(day);
  const [hour, minute] = time.split(':').map(Number);
  return toZoned(new CalendarDateTime(date.year, date.month, date.day, hour, minute), zone).toAbsoluteString();
}

/**
 * One slot or a recurring series. "Preview" asks the API to expand it with the
 * function that saves it, and shows the dates in the test bed's zone with the
 * daylight-saving changes marked; "Save" sends exactly what was previewed.
 */
export function SeriesForm({ testbed }: { testbed: Testbed }) {
  const { t, i18n } = useTranslation('manage');
  const form = useRef<HTMLFormElement>(null);
  const zone = testbed.timezone;
  const [repeat, setRepeat] = useState<Repeat>('once');
  const [ends, setEnds] = useState<Ends>('count');
  const [previewed, setPreviewed] = useState<{ command: SlotsCommand; preview: SlotPreview } | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const preview = usePreviewSlots(testbed.id);
  const create = useCreateSlots(testbed.id);
  const labels: Record<string, string> = {
    startsAt: t('slots.date'),
    endsAt: t('slots.end'),
    capacity: t('slots.capacity'),
    recurrence: t('slots.repeat'),
    'recurrence.interval': t('slots.interval'),
    'recurrence.count': t('slots.count'),
    'recurrence.until': t('slots.until'),
  };
  const problems = useFormProblems('manage', labels);

  const command = (): SlotsCommand | null => {
    const data = new FormData(form.current!);
    const day = String(data.get('date') ?? '');
    const missing = [];
    if (!day) missing.push({ field: 'startsAt', label: labels.startsAt!, message: t('slots.errors.dateMissing') });
    if (repeat !== 'once' && ends === 'until' && !data.get('until'))
      missing.push({
        field: 'recurrence.until',
        label: labels['recurrence.until']!,
        message: t('slots.errors.untilMissing'),
      });
    if (missing.length) {
      problems.setFieldErrors(missing);
      return null;
    }
    const result: SlotsCommand = {
      startsAt: instant(day, String(data.get('startTime')), zone),
      endsAt: instant(day, String(data.get('endTime')), zone),
      capacity: Number(data.get('capacity')),
    };
    if (repeat !== 'once') {
      result.recurrence = { frequency: repeat, interval: Number(data.get('interval')) };
      if (ends === 'count') result.recurrence.count = Number(data.get('count'));
      else result.recurrence.until = instant(String(data.get('until')), '23:59', zone);
    }
    return result;
  };

  const ask = (next: SlotsCommand) => {
    setSaved(null);
    preview.mutate(next, {
      onSuccess: (answer) => {
        problems.clear();
        setPreviewed({ command: next, preview: answer });
      },
      onError: (error, submitted) => {
        setPreviewed(null);
        problems.show(error, submitted);
      },
    });
  };

  const onPreview = (event: FormEvent) => {
    event.preventDefault();
    const next = command();
    if (next) ask(next);
  };

  const onSave = () => {
    const next = command();
    if (!next || !previewed) return;
    // What is saved is what was previewed; a changed form is previewed again first.
    if (JSON.stringify(next) !== JSON.stringify(previewed.command)) return ask(next);
    create.mutate(next, {
      onSuccess: (answer) => {
        setSaved(answer?.items.length ?? next.recurrence?.count ?? 1);
        setPreviewed(null);
      },
      onError: problems.show,
    });
  };

  const language = i18n.language;
  const dayFormat = dateFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: zone,
  });
  const time = (iso: string) => formatTime(iso, language, zone);
  const errorFor = problems.errorFor;

  return (
    <section aria-labelledby="new-slots-heading" className="manage-panel">
      <h2 id="new-slots-heading">{t('slots.newTitle')}</h2>
      <p>{t('common:timeZone', { zone: zoneName(zone, language) })}</p>
      <form ref={form} className="form" onSubmit={onPreview} noValidate>
        <ErrorSummary errors={problems.errors} general={problems.general} />
        <div id="field-startsAt" tabIndex={-1} className={errorFor('startsAt') ? 'field--error' : undefined}>
          {errorFor('startsAt') ? <p className="field-error">{errorFor('startsAt')}</p> : null}
          <DatePicker name="date" label={labels.startsAt!} hint={t('slots.dateHint')} />
        </div>
        <div className="field-row">
          <TimeInput name="startTime" label={t('slots.start')} defaultValue="09:00" />
          <TimeInput name="endTime" label={labels.endsAt!} defaultValue="12:00" error={errorFor('endsAt')} />
        </div>
        <Field
          name="capacity"
          label={labels.capacity!}
          hint={t('slots.capacityHint', { count: testbed.capacity })}
          type="number"
          min={1}
          max={testbed.capacity}
          inputMode="numeric"
          defaultValue={1}
          error={errorFor('capacity')}
        />
        <fieldset
          className={errorFor('recurrence') ? 'field field--error' : 'field'}
          id="field-recurrence"
          tabIndex={-1}
        >
          <legend>{labels.recurrence}</legend>
          {errorFor('recurrence') ? <p className="field-error">{errorFor('recurrence')}</p> : null}
          {(['once', 'weekly', 'monthly'] as const).map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name="repeat"
                value={option}
                checked={repeat === option}
                onChange={() => setRepeat(option)}
              />{' '}
              {t(`slots.repeats.${option}`)}
            </label>
          ))}
        </fieldset>
        {repeat !== 'once' ? (
          <>
            <Field
              name="interval"
              label={labels['recurrence.interval']!}
              hint={t(`slots.intervalHint.${repeat}`)}
              type="number"
              min={1}
              max={52}
              inputMode="numeric"
              defaultValue={1}
              error={errorFor('recurrence.interval')}
            />
            <fieldset className="field">
              <legend>{t('slots.ends')}</legend>
              {(['count', 'until'] as const).map((option) => (
                <label key={option} className="choice">
                  <input
                    type="radio"
                    name="ends"
                    value={option}
                    checked={ends === option}
                    onChange={() => setEnds(option)}
                  />{' '}
                  {t(`slots.endsBy.${option}`)}
                </label>
              ))}
            </fieldset>
            {ends === 'count' ? (
              <Field
                name="count"
                label={labels['recurrence.count']!}
                type="number"
                min={1}
                max={200}
                inputMode="numeric"
                defaultValue={8}
                error={errorFor('recurrence.count')}
              />
            ) : (
              <div id="field-recurrence.until" tabIndex={-1}>
                {errorFor('recurrence.until') ? <p className="field-error">{errorFor('recurrence.until')}</p> : null}
                <DatePicker name="until" label={labels['recurrence.until']!} hint={t('slots.untilHint')} />
              </div>
            )}
          </>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button--secondary" aria-disabled={preview.isPending}>
            {preview.isPending ? t('slots.previewing') : t('slots.preview')}
          </button>
        </div>
      </form>
      {saved !== null ? <Notice tone="success">{t('slots.saved', { count: saved })}</Notice> : null}
      {previewed ? (
        <div className="series-preview" aria-live="polite">
          <h3 id="preview-heading">{t('slots.previewTitle', { count: previewed.preview.items.length })}</h3>
          <p>{t('common:timeZone', { zone: zoneName(zone, language) })}</p>
          <div className="table-wrap">
            <table className="table" aria-labelledby="preview-heading">
              <thead>
                <tr>
                  <th scope="col">{t('slots.number')}</th>
                  <th scope="col">{t('slots.day')}</th>
                  <th scope="col">{t('slots.time')}</th>
                  <th scope="col">{t('slots.offset')}</th>
                </tr>
              </thead>
              <tbody>
                {previewed.preview.items.map((item, index) => {
                  const before = previewed.preview.items[index - 1];
                  return (
                    <tr key={item.startsAt} className={item.offsetChanged ? 'dst-change' : undefined}>
                      <td>{index + 1}</td>
                      <td>{dayFormat.format(new Date(item.startsAt))}</td>
                      <td>
                        {time(item.startsAt)}–{time(item.endsAt)}
                      </td>
                      <td>
                        {offsetLabel(item.utcOffsetMinutes)}
                        {item.offsetChanged && before ? (
                          <strong className="dst-note">
                            {' '}
                            {t('slots.dstChange', {
                              from: offsetLabel(before.utcOffsetMinutes),
                              to: offsetLabel(item.utcOffsetMinutes),
                              time: time(item.startsAt),
                            })}
                          </strong>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="actions">
            <button type="button" className="button" onClick={onSave} aria-disabled={create.isPending}>
              {create.isPending ? t('form.saving') : t('slots.save', { count: previewed.preview.items.length })}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
