import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type ShownError } from '../../ui/Form';
import { formatDateTime } from '../../ui/format';
import { ErrorMessage, Loading } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
import { FormField } from '../../ui/FormField';
import { TableRegion } from './TableRegion';
import { useApprovePlan, usePlanVersions, useReplacePlan } from './queries';
import { CADENCES, DIRECTIONS, type MetricDefinition, type Pilot } from './types';
import { boundsText, formatNumber, parseNumber } from './numbers';
import { labelInSentence } from '../../ui/problems';

interface MetricDraft {
  key: string;
  name: string;
  unit: string;
  direction: MetricDefinition['direction'];
  baseline: string;
  target: string;
  minimum: string;
  maximum: string;
  cadence: MetricDefinition['cadence'];
}

const NUMBER_FIELDS = ['baseline', 'target', 'minimum', 'maximum'] as const;
const TEXT_FIELDS = ['key', 'name', 'unit'] as const;

const draftOf = (metric: MetricDefinition, language: string): MetricDraft => {
  const text = (value: number | null) => (value === null ? '' : formatNumber(value, language).replace(/\s/g, ''));
  return {
    key: metric.key,
    name: metric.name,
    unit: metric.unit,
    direction: metric.direction,
    cadence: metric.cadence,
    baseline: text(metric.baseline),
    target: text(metric.target),
    minimum: text(metric.minimum),
    maximum: text(metric.maximum),
  };
};

const emptyMetric = (): MetricDraft => ({
  key: '',
  name: '',
  unit: '',
  direction: 'decrease',
  baseline: '',
  target: '',
  minimum: '',
  maximum: '',
  cadence: 'weekly',
});

/** Goals and metrics, one plan: read it, change it as a whole, approve it; and its versions. */
export function PlanSection({ pilot, onDone }: { pilot: Pilot; onDone: (message: string) => void }) {
  const { t } = useTranslation('pilots');
  const [editing, setEditing] = useState(false);
  const approve = useApprovePlan(pilot.id);
  const [approveError, setApproveError] = useState<unknown>(null);
  const ownSide = pilot.permissions.side;
  const otherSide = ownSide === 'company' ? 'testbed' : 'company';

  return (
    <section aria-labelledby="plan">
      <h2 id="plan">{t('planTitle')}</h2>
      <p>
        {t('planVersion', { version: pilot.plan.version })}{' '}
        {pilot.plan.agreed ? t('planAgreed', { version: pilot.plan.version }) : null}
      </p>
      <ul className="approvals">
        {(['company', 'testbed'] as const).map((side) => (
          <li key={side}>
            {t(`sides.${side}`)}: <strong>{pilot.plan.approvedBy[side] ? t('approved') : t('notApproved')}</strong>
          </li>
        ))}
      </ul>
      {ownSide && !pilot.plan.agreed && !pilot.permissions.approvePlan && pilot.plan.approvedBy[ownSide] ? (
        <p>{t(`waitingFor.${otherSide}`)}</p>
      ) : null}
      {editing ? (
        <PlanForm
          pilot={pilot}
          onCancel={() => setEditing(false)}
          onSaved={() => (setEditing(false), onDone(t('done.planSaved')))}
        />
      ) : (
        <>
          <h3>{t('goals')}</h3>
          {pilot.goals.length ? (
            <ul>
              {pilot.goals.map((goal, index) => (
                <li key={index}>{goal}</li>
              ))}
            </ul>
          ) : (
            <p className="empty">{t('noGoals')}</p>
          )}
          <h3>{t('metrics')}</h3>
          <MetricsTable pilot={pilot} />
          {approveError ? <ErrorMessage error={approveError} /> : null}
          <div className="actions">
            {pilot.permissions.approvePlan ? (
              <button
                type="button"
                className="button"
                aria-disabled={approve.isPending}
                onClick={() => {
                  if (approve.isPending) return;
                  setApproveError(null);
                  approve.mutate(undefined, {
                    onSuccess: (answer) => onDone(answer.plan.agreed ? t('done.agreed') : t('done.approved')),
                    onError: setApproveError,
                  });
                }}
              >
                {approve.isPending ? t('sending') : t('actions.approve')}
              </button>
            ) : null}
            {pilot.permissions.changePlan ? (
              <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
                {t('actions.editPlan')}
              </button>
            ) : null}
          </div>
        </>
      )}
      <Versions pilot={pilot} />
    </section>
  );
}

function MetricsTable({ pilot }: { pilot: Pilot }) {
  const { t, i18n } = useTranslation('pilots');
  const n = (value: number | null) => (value === null ? '–' : formatNumber(value, i18n.language));
  if (!pilot.metrics.length) return <p className="empty">{t('noMetrics')}</p>;
  return (
    <TableRegion label={t('metrics')}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('metric')}</th>
            <th scope="col">{t('fields.direction')}</th>
            <th scope="col">{t('fields.baseline')}</th>
            <th scope="col">{t('fields.target')}</th>
            <th scope="col">{t('bounds')}</th>
            <th scope="col">{t('fields.cadence')}</th>
            <th scope="col">{t('latest')}</th>
          </tr>
        </thead>
        <tbody>
          {pilot.metrics.map((metric) => (
            <tr key={metric.key}>
              <th scope="row">
                {metric.name} ({metric.unit})
              </th>
              <td>{t(`directions.${metric.direction}`)}</td>
              <td>{n(metric.baseline)}</td>
              <td>{n(metric.target)}</td>
              <td>{boundsText(t, metric, i18n.language) ?? '–'}</td>
              <td>{t(`cadences.${metric.cadence}`)}</td>
              <td>
                {metric.latest ? n(metric.latest.value) : t('none')}
                {metric.targetMet ? <span className="meta"> · {t('targetMet')}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

function Versions({ pilot }: { pilot: Pilot }) {
  const { t, i18n } = useTranslation('pilots');
  const versions = usePlanVersions(pilot.id);
  const at = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language, pilot.timezone) : t('notApproved'));
  return (
    <>
      <h3>{t('versionsTitle')}</h3>
      {versions.isPending ? <Loading /> : null}
      {versions.isError ? <ErrorMessage error={versions.error} retry={() => void versions.refetch()} /> : null}
      {versions.data ? (
        <TableRegion label={t('versionsTitle')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('version')}</th>
                <th scope="col">{t('versionMade')}</th>
                <th scope="col">{t('sides.company')}</th>
                <th scope="col">{t('sides.testbed')}</th>
              </tr>
            </thead>
            <tbody>
              {[...versions.data.items].reverse().map((version) => (
                <tr key={version.version}>
                  <th scope="row">
                    {version.version}
                    {version.current ? <span className="meta"> · {t('current')}</span> : null}
                    {version.agreedAt ? <span className="meta"> · {t('agreed')}</span> : null}
                  </th>
                  <td>{formatDateTime(version.createdAt, i18n.language, pilot.timezone)}</td>
                  <td>{at(version.approvedBy.company)}</td>
                  <td>{at(version.approvedBy.testbed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
    </>
  );
}

function PlanForm({ pilot, onCancel, onSaved }: { pilot: Pilot; onCancel: () => void; onSaved: () => void }) {
  const { t, i18n } = useTranslation('pilots');
  const save = useReplacePlan(pilot.id);
  const [goals, setGoals] = useState(pilot.goals.join('\n'));
  const [metrics, setMetrics] = useState<MetricDraft[]>(() =>
    pilot.metrics.length ? pilot.metrics.map((metric) => draftOf(metric, i18n.language)) : [emptyMetric()],
  );
  const labels: Record<string, string> = { goals: t('fields.goals') };
  metrics.forEach((_, index) => {
    for (const field of [...TEXT_FIELDS, ...NUMBER_FIELDS, 'direction', 'cadence'])
      labels[`metrics.${index}.${field}`] = t('fieldOfMetric', { field: t(`fields.${field}`), number: index + 1 });
    labels[`metrics.${index}`] = t('metricNumber', { number: index + 1 });
  });
  const problems = useFormProblems('pilots', labels);
  const change = (index: number, field: keyof MetricDraft, value: string) =>
    setMetrics((list) => list.map((metric, i) => (i === index ? { ...metric, [field]: value } : metric)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    const errors: ShownError[] = [];
    const goalList = goals
      .split('\n')
      .map((goal) => goal.trim())
      .filter(Boolean);
    if (!goalList.length) errors.push({ field: 'goals', label: labels.goals!, message: t('check.goalsMissing') });
    const definitions = metrics.map((metric, index) => {
      const at = (field: string) => `metrics.${index}.${field}`;
      for (const field of TEXT_FIELDS)
        if (!metric[field].trim())
          errors.push({
            field: at(field),
            label: labels[at(field)]!,
            message: t('check.required', { label: labelInSentence(labels[at(field)]!) }),
          });
      if (metric.key.trim() && !/^[a-z][a-z0-9_-]{0,63}$/.test(metric.key.trim()))
        errors.push({
          field: at('key'),
          label: labels[at('key')]!,
          message: t('check.key', { label: labels[at('key')] }),
        });
      const numbers = Object.fromEntries(
        NUMBER_FIELDS.map((field) => {
          const parsed = parseNumber(metric[field]);
          if (parsed === undefined)
            errors.push({
              field: at(field),
              label: labels[at(field)]!,
              message: t('check.number', { label: labels[at(field)] }),
            });
          return [field, parsed ?? null];
        }),
      ) as Record<(typeof NUMBER_FIELDS)[number], number | null>;
      if (numbers.minimum !== null && numbers.maximum !== null && numbers.minimum > numbers.maximum)
        errors.push({ field: at('maximum'), label: labels[at('maximum')]!, message: t('check.maximumBelowMinimum') });
      return {
        key: metric.key.trim(),
        name: metric.name.trim(),
        unit: metric.unit.trim(),
        direction: metric.direction,
        cadence: metric.cadence,
        ...numbers,
      };
    });
    const keys = definitions.map((metric) => metric.key);
    keys.forEach((key, index) => {
      if (key && keys.indexOf(key) !== index)
        errors.push({
          field: `metrics.${index}.key`,
          label: labels[`metrics.${index}.key`]!,
          message: t('check.keyTwice'),
        });
    });
    if (errors.length) return problems.setFieldErrors(errors);
    save.mutate({ goals: goalList, metrics: definitions }, { onSuccess: onSaved, onError: problems.show });
  };

  const input = (
    index: number,
    field: (typeof TEXT_FIELDS)[number] | (typeof NUMBER_FIELDS)[number],
    hint?: string,
  ) => {
    const name = `metrics.${index}.${field}`;
    return (
      <FormField id={`field-${name}`} label={t(`fields.${field}`)} hint={hint} error={problems.errorFor(name)}>
        {(describedBy, invalid) => (
          <input
            id={`field-${name}`}
            name={name}
            value={metrics[index]![field]}
            onChange={(event) => change(index, field, event.target.value)}
            inputMode={(NUMBER_FIELDS as readonly string[]).includes(field) ? 'decimal' : undefined}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            autoComplete="off"
          />
        )}
      </FormField>
    );
  };
  const select = (index: number, field: 'direction' | 'cadence', options: readonly string[], plural: string) => {
    const id = `field-metrics.${index}.${field}`;
    return (
      <div className="field">
        <label htmlFor={id}>{t(`fields.${field}`)}</label>
        <select id={id} value={metrics[index]![field]} onChange={(event) => change(index, field, event.target.value)}>
          {options.map((option) => (
            <option key={option} value={option}>
              {t(`${plural}.${option}`)}
            </option>
          ))}
        </select>
      </div>
    );
  };

  return (
    <form onSubmit={submit} noValidate className="plan-form" aria-label={t('planFormLabel')}>
      <p>{t('planFormLead')}</p>
      <ErrorSummary errors={problems.errors} general={problems.general} />
      <FormField id="field-goals" label={t('fields.goals')} hint={t('goalsHint')} error={problems.errorFor('goals')}>
        {(describedBy, invalid) => (
          <textarea
            id="field-goals"
            rows={4}
            value={goals}
            onChange={(event) => setGoals(event.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </FormField>
      {metrics.map((metric, index) => (
        <fieldset key={index} className="fieldset metric-fieldset" id={`field-metrics.${index}`}>
          <legend>
            {metric.name.trim()
              ? t('metricNamed', { number: index + 1, name: metric.name.trim() })
              : t('metricNumber', { number: index + 1 })}
          </legend>
          {problems.errorFor(`metrics.${index}`) ? (
            <p className="field-error">{problems.errorFor(`metrics.${index}`)}</p>
          ) : null}
          {input(index, 'key', t('keyHint'))}
          {input(index, 'name')}
          {input(index, 'unit', t('unitHint'))}
          {select(index, 'direction', DIRECTIONS, 'directions')}
          {input(index, 'baseline')}
          {input(index, 'target')}
          {input(index, 'minimum', t('minimumHint'))}
          {input(index, 'maximum', t('maximumHint'))}
          {select(index, 'cadence', CADENCES, 'cadences')}
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setMetrics((list) => list.filter((_, i) => i !== index))}
          >
            {t('removeMetric', { number: index + 1 })}
          </button>
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setMetrics((list) => [...list, emptyMetric()])}
        >
          {t('addMetric')}
        </button>
      </div>
      <div className="actions">
        <button type="submit" className="button" aria-disabled={save.isPending}>
          {save.isPending ? t('sending') : t('actions.savePlan')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('cancelEdit')}
        </button>
      </div>
    </form>
  );
}
