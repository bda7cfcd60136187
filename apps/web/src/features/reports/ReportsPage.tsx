import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { DatePicker } from '../../ui/DatePicker';
import { ErrorSummary } from '../../ui/Form';
import { Page } from '../../ui/Page';
import { Empty, ErrorMessage, Loading, Notice } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
import { FormField } from '../../ui/FormField';
import { runsReports } from './access';
import { formatBuilt, formatReportPeriod, localMidnight, subjectOf } from './format';
import {
  useReportSubjects,
  useReports,
  useStartRun,
  useSubscriptions,
  useUnsubscribe,
  type ReportFilter,
} from './queries';
import { RequireReports } from './RequireReports';
import './reports.css';
import type { PeriodKind, ReportScope } from './types';
import { labelInSentence } from '../../ui/problems';
import type { Schema } from '../../api/types';

const SCOPES: ReportScope[] = ['platform', 'organization', 'testbed'];
const PERIOD_KINDS: PeriodKind[] = ['day', 'month-to-date', 'year-to-date', 'custom'];

export function ReportsPage() {
  return (
    <RequireReports>
      <Reports />
    </RequireReports>
  );
}

type Subject = Schema<'ReportSubjectDto'>;

/** Every organization and test bed with a report the reader may read (not only the newest night's), by name. */
function useSubjects(): Subject[] {
  const subjects = useReportSubjects();
  return useMemo(
    () =>
      [...(subjects.data?.items ?? [])].sort((a, b) => (a.subjectName ?? '').localeCompare(b.subjectName ?? '', 'sv')),
    [subjects.data],
  );
}

function Reports() {
  const { t } = useTranslation('reports');
  const { me } = useSession();
  const subjects = useSubjects();
  return (
    <Page title={t('list.title')} lead={t('list.lead')}>
      {runsReports(me) ? <RunForm subjects={subjects} /> : null}
      <Snapshots subjects={subjects} />
      <MySubscriptions subjects={subjects} />
    </Page>
  );
}

function Snapshots({ subjects }: { subjects: Subject[] }) {
  const { t, i18n } = useTranslation('reports');
  const [params, setParams] = useSearchParams();
  const filter: ReportFilter = {
    scope: (params.get('scope') as ReportScope | null) ?? undefined,
    subjectId: params.get('subjectId') ?? undefined,
    periodKind: (params.get('periodKind') as PeriodKind | null) ?? undefined,
    ...coveringDay(params.get('on')),
    cursor: params.get('cursor') ?? undefined,
  };
  // The platform's month and year reports lead; a one-day report of one test bed comes last.
  const reports = useReports({ ...filter, order: 'scope' });
  const choose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const key of ['scope', 'subjectId', 'periodKind', 'on']) {
      const value = form.get(key);
      if (typeof value === 'string' && value) next.set(key, value);
    }
    setParams(next);
  };
  const page = (cursor: string | null) => {
    const next = new URLSearchParams(params);
    if (cursor) next.set('cursor', cursor);
    else next.delete('cursor');
    setParams(next);
  };
  return (
    <section aria-labelledby="snapshots">
      <h2 id="snapshots">{t('list.snapshots')}</h2>
      <form className="filters filters--row" aria-label={t('list.filters')} onSubmit={choose} key={params.toString()}>
        <FilterSelect
          name="scope"
          label={t('list.scope')}
          value={filter.scope}
          options={SCOPES.map((scope) => [scope, t(`scopes.${scope}`)])}
        />
        <FilterSelect
          name="subjectId"
          label={t('list.subject')}
          value={filter.subjectId}
          options={subjects.map((subject) => [subject.subjectId!, subjectOf(subject, t)])}
        />
        <FilterSelect
          name="periodKind"
          label={t('list.periodKind')}
          value={filter.periodKind}
          options={PERIOD_KINDS.map((kind) => [kind, t(`periodKinds.${kind}`)])}
        />
        <DatePicker name="on" label={t('list.on')} defaultValue={params.get('on') ?? undefined} />
        <button type="submit" className="button">
          {t('list.show')}
        </button>
      </form>
      {reports.isError ? (
        <ErrorMessage error={reports.error} retry={() => void reports.refetch()} />
      ) : !reports.data ? (
        <Loading label={t('list.loading')} />
      ) : reports.data.items.length === 0 ? (
        <Empty>{t('list.empty')}</Empty>
      ) : (
        <>
          <p className="report-list__order">{t('list.order')}</p>
          <div
            className="table-wrap report-list--wide"
            role="region"
            aria-label={t('report.tableScroll', { name: t('list.snapshots') })}
            tabIndex={0}
          >
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('list.columns.subject')}</th>
                  <th scope="col">{t('list.columns.scope')}</th>
                  <th scope="col">{t('list.columns.kind')}</th>
                  <th scope="col">{t('list.columns.period')}</th>
                  <th scope="col">{t('list.columns.built')}</th>
                </tr>
              </thead>
              <tbody>
                {reports.data.items.map((report) => (
                  <tr key={report.id}>
                    <th scope="row">
                      <Link to={`/reports/${report.id}`}>{subjectOf(report, t)}</Link>
                    </th>
                    <td>{t(`scopes.${report.scope}`)}</td>
                    <td>{t(`periodKinds.${report.period.kind}`)}</td>
                    <td>{formatReportPeriod(report.period, i18n.language)}</td>
                    <td>{formatBuilt(report.builtAt, i18n.language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {/* On a phone: each report as a card with the same five facts, no sideways scrolling. */}
          <ul className="report-cards report-list--narrow">
            {reports.data.items.map((report) => (
              <li key={report.id} className="report-card">
                <h3 className="report-card__title">
                  <Link to={`/reports/${report.id}`}>{subjectOf(report, t)}</Link>
                </h3>
                <dl className="report-card__facts">
                  <dt>{t('list.columns.scope')}</dt>
                  <dd>{t(`scopes.${report.scope}`)}</dd>
                  <dt>{t('list.columns.kind')}</dt>
                  <dd>{t(`periodKinds.${report.period.kind}`)}</dd>
                  <dt>{t('list.columns.period')}</dt>
                  <dd>{formatReportPeriod(report.period, i18n.language)}</dd>
                  <dt>{t('list.columns.built')}</dt>
                  <dd>{formatBuilt(report.builtAt, i18n.language)}</dd>
                </dl>
              </li>
            ))}
          </ul>
          <div className="actions">
            {filter.cursor ? (
              <button type="button" className="button button--secondary" onClick={() => page(null)}>
                {t('list.first')}
              </button>
            ) : null}
            {reports.data.nextCursor ? (
              <button type="button" className="button button--secondary" onClick={() => page(reports.data.nextCursor)}>
                {t('list.more')}
              </button>
            ) : null}
          </div>
        </>
      )}
    </section>
  );
}

/** Reports whose period covers the local day `on` (YYYY-MM-DD): they overlap [its start, the next day's start). */
function coveringDay(on: string | null): Pick<ReportFilter, 'from' | 'to'> {
  if (!on || !/^\d{4}-\d{2}-\d{2}$/.test(on)) return {};
  const start = localMidnight(new Date(`${on}T00:00:00Z`));
  return { from: start.toISOString(), to: localMidnight(new Date(`${dayAfter(on)}T00:00:00Z`)).toISOString() };
}

/** A filter of the list: one choice, or any. */
function FilterSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  options: Array<[string, string]>;
}) {
  const { t } = useTranslation('reports');
  return (
    <div className="field">
      <label htmlFor={`field-filter-${name}`}>{label}</label>
      <select id={`field-filter-${name}`} name={name} defaultValue={value ?? ''}>
        <option value="">{t('list.any')}</option>
        {options.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The day after a YYYY-MM-DD day: the run's period ends where the last chosen day ends. */
function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

function RunForm({ subjects }: { subjects: Subject[] }) {
  const { t } = useTranslation('reports');
  const navigate = useNavigate();
  const start = useStartRun();
  const [scope, setScope] = useState<ReportScope>('platform');
  const labels = { scope: t('run.scope'), subjectId: t('run.subject'), from: t('run.from'), to: t('run.to') };
  const problems = useFormProblems('reports', labels);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (key: string) => (typeof form.get(key) === 'string' ? (form.get(key) as string) : '');
    const missing = (['subjectId', 'from', 'to'] as const).filter(
      (key) => (key !== 'subjectId' || scope !== 'platform') && !value(key),
    );
    if (missing.length)
      return problems.setFieldErrors(
        missing.map((field) => ({
          field,
          label: labels[field],
          message: t('run.required', { label: labelInSentence(labels[field]) }),
        })),
      );
    if (value('to') < value('from'))
      return problems.setFieldErrors([{ field: 'to', label: labels.to, message: t('run.order') }]);
    problems.clear();
    try {
      const started = await start.mutateAsync({
        scope,
        subjectId: scope === 'platform' ? undefined : value('subjectId'),
        from: value('from'),
        to: dayAfter(value('to')),
      });
      void navigate(`/reports/runs/${started.runId}`);
    } catch (error) {
      problems.show(error);
    }
  };
  const choices = subjects.filter((subject) => subject.scope === scope);
  return (
    <section aria-labelledby="run-form">
      <h2 id="run-form">{t('run.title')}</h2>
      <p>
        {t('run.lead')} {t('run.dayHint')}
      </p>
      <form noValidate onSubmit={(event) => void submit(event)} className="run-form">
        <ErrorSummary errors={problems.errors} general={problems.general} />
        <div className="field">
          <label htmlFor="field-scope">{t('run.scope')}</label>
          <select
            id="field-scope"
            name="scope"
            value={scope}
            onChange={(event) => setScope(event.target.value as ReportScope)}
          >
            {SCOPES.map((item) => (
              <option key={item} value={item}>
                {t(`scopes.${item}`)}
              </option>
            ))}
          </select>
        </div>
        {scope !== 'platform' ? (
          <FormField id="field-subjectId" label={t('run.subject')} error={problems.errorFor('subjectId')}>
            {(describedBy, invalid) => (
              <select
                id="field-subjectId"
                name="subjectId"
                defaultValue=""
                aria-describedby={describedBy}
                aria-invalid={invalid}
              >
                <option value="">{t('run.chooseSubject')}</option>
                {choices.map((subject) => (
                  <option key={subject.subjectId} value={subject.subjectId!}>
                    {subject.subjectName}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : null}
        {(['from', 'to'] as const).map((field) => (
          <div
            key={field}
            id={`field-${field}`}
            tabIndex={-1}
            className={problems.errorFor(field) ? 'field--error' : undefined}
          >
            {problems.errorFor(field) ? <p className="field-error">{problems.errorFor(field)}</p> : null}
            <DatePicker name={field} label={labels[field]} />
          </div>
        ))}
        <button type="submit" className="button" disabled={start.isPending}>
          {start.isPending ? t('run.starting') : t('run.start')}
        </button>
      </form>
    </section>
  );
}

function MySubscriptions({ subjects }: { subjects: Subject[] }) {
  const { t } = useTranslation('reports');
  const subscriptions = useSubscriptions(true);
  const unsubscribe = useUnsubscribe();
  const [cancelled, setCancelled] = useState(false);
  const name = (scope: ReportScope, subjectId: string | null) =>
    scope === 'platform'
      ? t('platform')
      : (subjects.find((subject) => subject.subjectId === subjectId)?.subjectName ?? t(`scopes.${scope}`));
  return (
    <section aria-labelledby="my-subscriptions">
      <h2 id="my-subscriptions">{t('subscribe.mine')}</h2>
      {cancelled ? <Notice tone="success">{t('subscribe.done')}</Notice> : null}
      {subscriptions.isError ? (
        <ErrorMessage error={subscriptions.error} retry={() => void subscriptions.refetch()} />
      ) : !subscriptions.data ? (
        <Loading />
      ) : subscriptions.data.items.length === 0 ? (
        <Empty>{t('subscribe.none')}</Empty>
      ) : (
        <ul className="plain-list">
          {subscriptions.data.items.map((item) => (
            <li key={item.id}>
              {name(item.scope, item.subjectId)}{' '}
              <button
                type="button"
                className="button button--secondary"
                aria-label={t('subscribe.cancelFor', { subject: name(item.scope, item.subjectId) })}
                disabled={unsubscribe.isPending}
                onClick={() => unsubscribe.mutate(item.id, { onSuccess: () => setCancelled(true) })}
              >
                {t('subscribe.cancel')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {unsubscribe.error ? <ErrorMessage error={unsubscribe.error} /> : null}
    </section>
  );
}
