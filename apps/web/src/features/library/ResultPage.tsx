import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryFailure } from '../../app/QueryFailure';
import { formatDay, formatPeriod, formatShortDate, zoneName } from '../../ui/format';
import { Page } from '../../ui/Page';
import { Loading } from '../../ui/Status';
import { AdoptForm } from './AdoptForm';
import { useDomainLabel } from './labels';
import { useResult } from './queries';
import { CONSENT_PARTS, type Result } from './types';
import './library.css';

/** A published result, for anyone: what both sides consented to show, and where it spread. */
export function ResultPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('library');
  const result = useResult(id);
  const domainLabel = useDomainLabel();
  if (result.isError)
    return <QueryFailure error={result.error} title={t('result.errorTitle')} retry={() => void result.refetch()} />;
  if (!result.data) return <Loading />;
  const r = result.data;
  const language = i18n.language;
  const hidden = CONSENT_PARTS.filter((part) => !r.parts.includes(part));
  return (
    <Page title={r.title} lead={t('result.lead')}>
      <dl className="facts">
        <dt>{t('result.testbed')}</dt>
        <dd>
          <Link to={`/testbeds/${r.testbed.id}`}>{r.testbed.name}</Link>
          <span className="meta"> ({r.testbed.organizationName})</span>
        </dd>
        <dt>{t('result.municipality')}</dt>
        <dd>{r.testbed.municipality}</dd>
        <dt>{t('result.environmentType')}</dt>
        <dd>{t(`environment.${r.testbed.environmentType}`)}</dd>
        <dt>{t('result.domains')}</dt>
        <dd>{r.testbed.domains.map(domainLabel).join(', ')}</dd>
        <dt>{t('result.period')}</dt>
        <dd>
          {formatPeriod(r.period.startsAt, r.period.endsAt, language, r.timezone)}
          <br />
          <span className="meta">{t('common:timeZone', { zone: zoneName(r.timezone, language) })}</span>
        </dd>
        {r.company ? (
          <>
            <dt>{t('result.company')}</dt>
            <dd>{r.company.name}</dd>
          </>
        ) : null}
        <dt>{t('result.outcome')}</dt>
        <dd>
          <span className="tag tag--status">{t(`outcomes.${r.outcome.result}`)}</span>
        </dd>
        <dt>{t('result.published')}</dt>
        <dd>{formatShortDate(r.publishedAt, language)}</dd>
      </dl>

      {r.problem ? (
        <section aria-labelledby="problem">
          <h2 id="problem">{t('result.problem')}</h2>
          <p>
            <strong>
              {r.problem.kind ? `${t(`result.problemKind.${r.problem.kind}`)}: ` : null}
              {r.problem.title}
            </strong>
          </p>
          {r.problem.description ? <p className="result-text">{r.problem.description}</p> : null}
          {r.problem.affects ? (
            <p>
              {t('result.affects')}: {r.problem.affects}
            </p>
          ) : null}
        </section>
      ) : null}
      {r.outcome.summary ? (
        <section aria-labelledby="summary">
          <h2 id="summary">{t('result.summaryTitle')}</h2>
          <p className="result-text">{r.outcome.summary}</p>
        </section>
      ) : null}
      {r.metrics.length ? <Metrics result={r} /> : null}
      {r.outcome.lessons ? (
        <section aria-labelledby="lessons">
          <h2 id="lessons">{t('result.lessonsTitle')}</h2>
          <p className="result-text">{r.outcome.lessons}</p>
        </section>
      ) : null}
      {hidden.length ? (
        <section aria-labelledby="not-shown">
          <h2 id="not-shown">{t('result.notShownTitle')}</h2>
          <p>{t('result.notShownBody', { parts: hidden.map((part) => t(`consent.partNames.${part}`)).join(', ') })}</p>
        </section>
      ) : null}

      <section aria-labelledby="spread">
        <h2 id="spread">{t('result.spreadTitle')}</h2>
        {r.adoptions.length ? (
          <ul className="spread-list" aria-label={t('result.spreadLabel')}>
            {r.adoptions.map((adoption) => (
              <li key={adoption.id}>
                <strong>{adoption.organizationName}</strong> ({t(`kinds.${adoption.organizationKind}`)}),{' '}
                {t('result.adoptedOn', {
                  date: formatDay(adoption.adoptedAt, language, { day: 'numeric', month: 'long', year: 'numeric' }),
                })}
                {adoption.note ? (
                  <>
                    <br />
                    <span className="meta">{adoption.note}</span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('result.spreadNone')}</p>
        )}
      </section>
      <AdoptForm result={r} />
      <p>
        <Link to="/results">{t('result.back')}</Link>
      </p>
    </Page>
  );
}

function Metrics({ result }: { result: Result }) {
  const { t, i18n } = useTranslation('library');
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const value = (v: number | null, unit: string) => (v === null ? t('result.noValue') : `${number.format(v)} ${unit}`);
  const measured = result.parts.includes('measurements');
  return (
    <section aria-labelledby="metrics">
      <h2 id="metrics">{t('result.metricsTitle')}</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={t('result.metricsLabel')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('result.metric')}</th>
              <th scope="col">{t('result.baseline')}</th>
              <th scope="col">{t('result.target')}</th>
              <th scope="col">{t('result.measured')}</th>
            </tr>
          </thead>
          <tbody>
            {result.metrics.map((metric) => (
              <tr key={metric.key}>
                <th scope="row">
                  {metric.name}
                  <br />
                  <span className="meta">{t(`result.directions.${metric.direction}`)}</span>
                </th>
                <td>{value(metric.baseline, metric.unit)}</td>
                <td>{value(metric.target, metric.unit)}</td>
                <td>{measured ? value(metric.result, metric.unit) : t('result.notShown')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
