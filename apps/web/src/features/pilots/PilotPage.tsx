import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryFailure } from '../../app/QueryFailure';
import { RequireSignIn } from '../../app/RequireSignIn';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { formatPeriod } from '../../ui/format';
import { Page } from '../../ui/Page';
import { Loading } from '../../ui/Status';

interface Metric {
  key: string;
  name: string;
  unit: string;
  direction: 'increase' | 'decrease';
  baseline: number | null;
  target: number | null;
  latest: number | null;
  cadence: string;
  missing: number;
}

interface Pilot {
  id: string;
  bookingId: string;
  testbedId: string;
  title: string;
  stage: string;
  goals: string[];
  startsAt: string;
  endsAt: string;
  plan: { agreed: boolean; approvedBy: { company: boolean; testbed: boolean } };
  metrics: Metric[];
  outcome: { result: string; summary: string } | null;
}

/** A pilot, read only: its stage, goals, plan and metrics (part 2 of the web app adds the work on it). */
export function PilotPage() {
  return (
    <RequireSignIn>
      <PilotDetails />
    </RequireSignIn>
  );
}

function PilotDetails() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('pilots');
  const pilot = useQuery({
    queryKey: ['pilots', id],
    queryFn: ({ signal }) => call<Pilot>(api.GET('/api/v1/pilots/{id}', { params: { path: { id } }, signal })),
  });
  if (pilot.isError) return <QueryFailure error={pilot.error} title={t('errorTitle')} retry={() => void pilot.refetch()} />;
  if (!pilot.data) return <Loading />;
  const p = pilot.data;
  return (
    <Page title={p.title} lead={t('lead')}>
      <dl className="facts">
        <dt>{t('stage')}</dt>
        <dd>
          <span className="tag tag--status">{t(`stages.${p.stage}`, { defaultValue: p.stage })}</span>
        </dd>
        <dt>{t('when')}</dt>
        <dd>{formatPeriod(p.startsAt, p.endsAt, i18n.language, 'Europe/Stockholm')}</dd>
        <dt>{t('plan')}</dt>
        <dd>{p.plan.agreed ? t('planAgreed') : t('planNotAgreed')}</dd>
        <dt>{t('booking')}</dt>
        <dd>
          <Link to={`/bookings/${p.bookingId}`}>{t('openBooking')}</Link>
        </dd>
      </dl>
      <h2>{t('goals')}</h2>
      {p.goals.length ? (
        <ul>
          {p.goals.map((goal) => (
            <li key={goal}>{goal}</li>
          ))}
        </ul>
      ) : (
        <p>{t('noGoals')}</p>
      )}
      <h2>{t('metrics')}</h2>
      {p.metrics.length ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('metric')}</th>
                <th scope="col">{t('baseline')}</th>
                <th scope="col">{t('target')}</th>
                <th scope="col">{t('latest')}</th>
              </tr>
            </thead>
            <tbody>
              {p.metrics.map((metric) => (
                <tr key={metric.key}>
                  <th scope="row">
                    {metric.name} ({metric.unit})
                  </th>
                  <td>{metric.baseline ?? '–'}</td>
                  <td>{metric.target ?? '–'}</td>
                  <td>{metric.latest ?? t('none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t('noMetrics')}</p>
      )}
      {p.outcome ? (
        <>
          <h2>{t('outcome')}</h2>
          <p>
            <strong>{t(`results.${p.outcome.result}`, { defaultValue: p.outcome.result })}</strong> {p.outcome.summary}
          </p>
        </>
      ) : null}
    </Page>
  );
}
