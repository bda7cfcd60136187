import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryFailure } from '../../app/QueryFailure';
import { RequireSignIn } from '../../app/RequireSignIn';
import { formatPeriod, zoneName } from '../../ui/format';
import { Page } from '../../ui/Page';
import { Loading, Notice } from '../../ui/Status';
import { PublicationSection } from '../library/PublicationSection';
import { MeasurementsSection } from './MeasurementsSection';
import { PlanSection } from './PlanSection';
import { usePilot } from './queries';
import { PilotTimeline } from './PilotTimeline';
import { SourceSection } from './SourceSection';
import { StageSection } from './StageSection';
import type { Pilot } from './types';
import './pilots.css';

/** A pilot for either side: its plan, stage, measurements, pulled source and history. */
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
  const pilot = usePilot(id);
  const [notice, setNotice] = useState<string | null>(null);
  if (pilot.isError)
    return <QueryFailure error={pilot.error} title={t('errorTitle')} retry={() => void pilot.refetch()} />;
  if (!pilot.data) return <Loading />;
  const p = pilot.data;
  const zone = p.timezone;
  return (
    <Page title={p.title} lead={t('lead')}>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <dl className="facts">
        <dt>{t('stage')}</dt>
        <dd>
          <StageTag stage={p.stage} />
        </dd>
        <dt>{t('company')}</dt>
        <dd>
          {p.company.name}
          {p.company.organizationNumber ? <span className="meta"> ({p.company.organizationNumber})</span> : null}
        </dd>
        <dt>{t('testbed')}</dt>
        <dd>
          <Link to={`/testbeds/${p.testbedId}`}>{p.testbedName}</Link>
        </dd>
        <dt>{t('when')}</dt>
        <dd>
          {formatPeriod(p.startsAt, p.endsAt, i18n.language, zone)}
          <br />
          <span className="meta">{t('common:timeZone', { zone: zoneName(zone, i18n.language) })}</span>
        </dd>
        <dt>{t('plan')}</dt>
        <dd>
          {p.plan.agreed
            ? t('planAgreed', { version: p.plan.version })
            : t('planNotAgreed', { version: p.plan.version })}
        </dd>
        <dt>{t('booking')}</dt>
        <dd>
          <Link to={`/bookings/${p.bookingId}`}>{t('openBooking')}</Link>
        </dd>
      </dl>
      <nav aria-label={t('sectionsLabel')} className="section-links">
        <ul>
          <li>
            <a href="#stage">{t('stageTitle')}</a>
          </li>
          <li>
            <a href="#plan">{t('planTitle')}</a>
          </li>
          <li>
            <a href="#measurements">{t('measurementsTitle')}</a>
          </li>
          <li>
            <a href="#source">{t('sourceTitle')}</a>
          </li>
          <li>
            <a href="#events">{t('eventsTitle')}</a>
          </li>
        </ul>
      </nav>
      <StageSection pilot={p} onDone={setNotice} />
      <PlanSection pilot={p} onDone={setNotice} />
      <MeasurementsSection pilot={p} onDone={setNotice} />
      <SourceSection pilot={p} onDone={setNotice} />
      <PublicationSection pilot={p} />
      <PilotTimeline pilot={p} />
    </Page>
  );
}

export function StageTag({ stage }: { stage: Pilot['stage'] }) {
  const { t } = useTranslation('pilots');
  return <span className={`tag tag--status tag--stage-${stage}`}>{t(`stages.${stage}`)}</span>;
}
