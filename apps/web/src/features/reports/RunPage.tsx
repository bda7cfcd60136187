import { Label, ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryFailure } from '../../app/QueryFailure';
import { Page } from '../../ui/Page';
import { Loading } from '../../ui/Status';
import { formatReportPeriod } from './format';
import { useRun, useRunReport } from './queries';
import { RequireReports } from './RequireReports';
import './reports.css';

export function RunPage() {
  return (
    <RequireReports>
      <Run />
    </RequireReports>
  );
}

/** An on-demand run followed live: its progress until the report is ready, then a way to it. */
function Run() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('reports');
  const run = useRun(id);
  const report = useRunReport(run.data);
  if (run.isError)
    return <QueryFailure error={run.error} title={t('run.errorTitle')} retry={() => void run.refetch()} />;
  if (!run.data) return <Loading />;
  const r = run.data;
  const { stepsDone, stepsTotal } = r.progress;
  return (
    <Page title={t('run.pageTitle')} lead={t('run.lead2')}>
      <dl className="facts">
        <dt>{t('list.columns.scope')}</dt>
        <dd>{r.scope ? t(`scopes.${r.scope}`) : t('periodKinds.day')}</dd>
        <dt>{t('report.period')}</dt>
        <dd>{formatReportPeriod({ kind: 'custom', from: r.from, to: r.to }, i18n.language)}</dd>
      </dl>
      <ProgressBar
        className="progress"
        value={r.status === 'completed' ? 1 : stepsDone}
        minValue={0}
        maxValue={r.status === 'completed' ? 1 : Math.max(1, stepsTotal)}
        valueLabel={t('run.progress', { done: r.status === 'completed' ? stepsTotal : stepsDone, total: stepsTotal })}
      >
        {({ percentage, valueText }) => (
          <>
            <Label className="progress__label">{t('run.progressLabel')}</Label>{' '}
            <span className="progress__value">{valueText}</span>
            <div className="progress__track" aria-hidden="true">
              <div className="progress__fill" style={{ width: `${percentage ?? 0}%` }} />
            </div>
          </>
        )}
      </ProgressBar>
      <p role="status" className={r.status === 'failed' ? 'run-status notice notice--error' : 'run-status'}>
        {t(`run.status.${r.status}`)} {r.error ?? ''}
      </p>
      {r.status === 'completed' ? (
        report.data ? (
          <Link className="button" to={`/reports/${report.data.id}`}>
            {t('run.open')}
          </Link>
        ) : (
          <Loading label={t('run.findingReport')} />
        )
      ) : null}
      <p>
        <Link to="/reports">{t('run.back')}</Link>
      </p>
    </Page>
  );
}
