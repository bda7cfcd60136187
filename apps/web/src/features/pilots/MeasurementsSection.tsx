import { now, parseDateTime, toCalendarDateTime } from '@internationalized/date';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTimeField } from '../../ui/DateTimeField';
import { ErrorSummary, type ShownError } from '../../ui/Form';
import { formatDateTime, zoneName } from '../../ui/format';
import { ErrorMessage, Loading } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
import { FormField } from '../../ui/FormField';
import { TableRegion } from './TableRegion';
import { MetricChart } from './MetricChart';
import { boundsText, formatNumber, parseNumber } from './numbers';
import { useMeasurementRequests, useMeasurements, useSubmitMeasurement } from './queries';
import type { Measurement, MeasurementRequest, Pilot } from './types';

/** The wall-clock time now in the zone, as a datetime-local field holds it. */
const localNow = (zone: string) => toCalendarDateTime(now(zone)).toString().slice(0, 16);

/** The requested points, a form to submit a value, and per metric a chart with the numbers as a table. */
export function MeasurementsSection({ pilot, onDone }: { pilot: Pilot; onDone: (message: string) => void }) {
  const { t } = useTranslation('pilots');
  const requests = useMeasurementRequests(pilot.id);
  const measurements = useMeasurements(pilot.id);
  return (
    <section aria-labelledby="measurements">
      <h2 id="measurements">{t('measurementsTitle')}</h2>
      {pilot.stage === 'planned' ? <p>{t('measurementsLater')}</p> : null}
      <h3>{t('requestsTitle')}</h3>
      {requests.isPending ? <Loading /> : null}
      {requests.isError ? <ErrorMessage error={requests.error} retry={() => void requests.refetch()} /> : null}
      {requests.data ? <Requests pilot={pilot} items={requests.data.items} /> : null}
      {pilot.permissions.submitMeasurement ? <SubmitForm pilot={pilot} onDone={onDone} /> : null}
      {measurements.isPending ? <Loading /> : null}
      {measurements.isError ? (
        <ErrorMessage error={measurements.error} retry={() => void measurements.refetch()} />
      ) : null}
      {measurements.data
        ? pilot.metrics.map((metric) => {
            const own = measurements.data.items.filter((m) => m.metricKey === metric.key);
            return (
              <div key={metric.key} className="metric-block">
                <h3>{t('metricOverTime', { name: metric.name, unit: metric.unit })}</h3>
                {own.length ? (
                  <>
                    <MetricChart metric={metric} measurements={own} period={pilot} zone={pilot.timezone} />
                    <MeasurementTable pilot={pilot} unit={metric.unit} name={metric.name} items={own} />
                  </>
                ) : (
                  // One line, not an empty chart and an empty table saying the same twice.
                  <p className="empty">{t('noMeasurements', { name: metric.name })}</p>
                )}
              </div>
            );
          })
        : null}
    </section>
  );
}

function Requests({ pilot, items }: { pilot: Pilot; items: MeasurementRequest[] }) {
  const { t, i18n } = useTranslation('pilots');
  if (!items.length) return <p className="empty">{pilot.stage === 'planned' ? t('noRequestsYet') : t('noRequests')}</p>;
  const names = new Map(pilot.metrics.map((metric) => [metric.key, metric.name]));
  const missing = items.filter((item) => item.state === 'missing').length;
  const due = items.filter((item) => item.state === 'due').length;
  return (
    <>
      <p>{t('requestsSummary', { missing, due })}</p>
      <TableRegion label={t('requestsTitle')}>
        <table className="table requests">
          <thead>
            <tr>
              <th scope="col">{t('metric')}</th>
              <th scope="col">{t('dueAt')}</th>
              <th scope="col">{t('window')}</th>
              <th scope="col">{t('requestState')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.metricKey}-${item.dueAt}`} className={`request--${item.state}`}>
                <th scope="row">{names.get(item.metricKey) ?? item.metricKey}</th>
                <td>{formatDateTime(item.dueAt, i18n.language, pilot.timezone)}</td>
                <td>
                  {formatDateTime(item.windowStart, i18n.language, pilot.timezone)} –{' '}
                  {formatDateTime(item.windowEnd, i18n.language, pilot.timezone)}
                </td>
                <td>
                  <span className={`tag tag--request-${item.state}`}>{t(`requestStates.${item.state}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </>
  );
}

function MeasurementTable({
  pilot,
  name,
  unit,
  items,
}: {
  pilot: Pilot;
  name: string;
  unit: string;
  items: Measurement[];
}) {
  const { t, i18n } = useTranslation('pilots');
  return (
    <TableRegion label={t('measurementsOf', { name })}>
      <table className="table">
        <caption>{t('measurementsOf', { name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('observedAt')}</th>
            <th scope="col">{t('valueIn', { unit })}</th>
            <th scope="col">{t('origin')}</th>
            <th scope="col">{t('note')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((m) => (
            <tr key={m.id}>
              <th scope="row">{formatDateTime(m.observedAt, i18n.language, pilot.timezone)}</th>
              <td>{formatNumber(m.value, i18n.language)}</td>
              <td>{t(`origins.${m.origin}`)}</td>
              <td>{m.note ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function SubmitForm({ pilot, onDone }: { pilot: Pilot; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation('pilots');
  const submitMeasurement = useSubmitMeasurement(pilot.id);
  const labels = {
    metricKey: t('measurementForm.metric'),
    value: t('measurementForm.value'),
    observedAt: t('measurementForm.observedAt'),
    note: t('measurementForm.note'),
  };
  const problems = useFormProblems('pilots', labels);
  const [metricKey, setMetricKey] = useState(pilot.metrics[0]?.key ?? '');
  const [value, setValue] = useState('');
  const [observedAt, setObservedAt] = useState(() => localNow(pilot.timezone));
  const [note, setNote] = useState('');
  const metric = pilot.metrics.find((m) => m.key === metricKey);
  if (!pilot.metrics.length) return <p className="empty">{t('noMetrics')}</p>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (submitMeasurement.isPending || !metric) return;
    const errors: ShownError[] = [];
    const number = parseNumber(value);
    if (number === null || number === undefined)
      errors.push({ field: 'value', label: labels.value, message: t('measurementForm.valueNumber') });
    else if (metric.minimum !== null && number < metric.minimum)
      errors.push({
        field: 'value',
        label: labels.value,
        message: t('measurementForm.valueLow', {
          minimum: formatNumber(metric.minimum, i18n.language),
          unit: metric.unit,
        }),
      });
    else if (metric.maximum !== null && number > metric.maximum)
      errors.push({
        field: 'value',
        label: labels.value,
        message: t('measurementForm.valueHigh', {
          maximum: formatNumber(metric.maximum, i18n.language),
          unit: metric.unit,
        }),
      });
    let at: Date | null = null;
    try {
      at = parseDateTime(observedAt).toDate(pilot.timezone);
    } catch {
      errors.push({ field: 'observedAt', label: labels.observedAt, message: t('measurementForm.observedAtMissing') });
    }
    if (at && at.getTime() < new Date(pilot.startsAt).getTime())
      errors.push({ field: 'observedAt', label: labels.observedAt, message: t('measurementForm.beforeStart') });
    else if (at && at.getTime() > Date.now() + 5 * 60_000)
      errors.push({ field: 'observedAt', label: labels.observedAt, message: t('measurementForm.future') });
    if (errors.length) return problems.setFieldErrors(errors);
    submitMeasurement.mutate(
      { metricKey, value: number!, observedAt: at!.toISOString(), ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: () => {
          problems.clear();
          setValue('');
          setNote('');
          onDone(t('done.measurement', { name: metric.name }));
        },
        onError: problems.show,
      },
    );
  };
  const field = (
    name: keyof typeof labels,
    hint: string | null,
    control: (describedBy: string | undefined, invalid: true | undefined) => React.ReactNode,
  ) => (
    <FormField id={`field-${name}`} label={labels[name]} hint={hint} error={problems.errorFor(name)}>
      {control}
    </FormField>
  );
  const range = metric ? boundsText(t, metric, i18n.language) : null;
  const bounds = range ? t('measurementForm.bounds', { bounds: range, unit: metric!.unit }) : null;
  return (
    <form onSubmit={submit} noValidate className="measurement-form" aria-labelledby="measurement-form-title">
      <h3 id="measurement-form-title">{t('measurementForm.title')}</h3>
      <ErrorSummary errors={problems.errors} general={problems.general} />
      {field('metricKey', null, (describedBy, invalid) => (
        <select
          id="field-metricKey"
          value={metricKey}
          onChange={(event) => setMetricKey(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid}
        >
          {pilot.metrics.map((m) => (
            <option key={m.key} value={m.key}>
              {m.name} ({m.unit})
            </option>
          ))}
        </select>
      ))}
      {field(
        'value',
        [metric ? t('measurementForm.valueHint', { unit: metric.unit }) : null, bounds].filter(Boolean).join(' '),
        (describedBy, invalid) => (
          <input
            id="field-value"
            inputMode="decimal"
            autoComplete="off"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        ),
      )}
      <DateTimeField
        id="field-observedAt"
        label={labels.observedAt}
        hint={t('measurementForm.observedAtHint', { zone: zoneName(pilot.timezone, i18n.language) })}
        error={problems.errorFor('observedAt')}
        value={observedAt}
        onChange={setObservedAt}
      />
      {field('note', null, (describedBy) => (
        <textarea
          id="field-note"
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          aria-describedby={describedBy}
        />
      ))}
      <div className="actions">
        <button type="submit" className="button" aria-disabled={submitMeasurement.isPending}>
          {submitMeasurement.isPending ? t('sending') : t('measurementForm.submit')}
        </button>
      </div>
    </form>
  );
}
