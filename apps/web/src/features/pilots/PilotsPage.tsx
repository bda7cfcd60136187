import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryFailure } from '../../app/QueryFailure';
import { RequireSignIn } from '../../app/RequireSignIn';
import { formatPeriod } from '../../ui/format';
import { Page } from '../../ui/Page';
import { Loading } from '../../ui/Status';
import { useFirstShown } from '../../ui/useFirstShown';
import { StageTag } from './PilotPage';
import { usePilots } from './queries';
import { STAGES, type PilotListItem, type Stage } from './types';
import './pilots.css';
import { pilotsInStage } from './order';

/** The pilots a person follows (the company's own, those on the test beds they manage), by stage. */
export function PilotsPage() {
  return (
    <RequireSignIn>
      <PilotList />
    </RequireSignIn>
  );
}

function PilotList() {
  const { t } = useTranslation('pilots');
  const pilots = usePilots();
  if (pilots.isError)
    return <QueryFailure error={pilots.error} title={t('list.errorTitle')} retry={() => void pilots.refetch()} />;
  if (!pilots.data) return <Loading />;
  const items = pilots.data.items;
  return (
    <Page title={t('list.title')} lead={t('list.lead')}>
      {items.length === 0 ? (
        <p className="empty">{t('list.empty')}</p>
      ) : (
        STAGES.map((stage) => <StageSection key={stage} stage={stage} pilots={pilotsInStage(items, stage)} />)
      )}
      {pilots.data.nextCursor ? <p className="meta">{t('list.more')}</p> : null}
    </Page>
  );
}

/** What is over is a long list after a year: the newest few, and the rest on request. */
const FIRST_SHOWN = 10;

function StageSection({ stage, pilots }: { stage: Stage; pilots: PilotListItem[] }) {
  const { t, i18n } = useTranslation('pilots');
  const over = stage === 'completed' || stage === 'aborted';
  const { shown, hidden, linkRef, showRest } = useFirstShown(pilots, over ? FIRST_SHOWN : Infinity);
  return (
    <section aria-labelledby={`stage-${stage}`}>
      <h2 id={`stage-${stage}`}>
        {t(`stages.${stage}`)} <span className="meta">({pilots.length})</span>
      </h2>
      {pilots.length === 0 ? (
        <p className="empty">{t('list.noneInStage')}</p>
      ) : (
        <ul className="booking-list">
          {shown.map((pilot, index) => (
            <li key={pilot.id} className="booking-card">
              <h3>
                <Link to={`/pilots/${pilot.id}`} ref={linkRef(index)}>
                  {pilot.title}
                </Link>
              </h3>
              <p>
                <StageTag stage={pilot.stage} />{' '}
                {pilot.plan.agreed ? t('list.planAgreed') : t('list.planOpen', { version: pilot.plan.version })}
              </p>
              <p className="meta">
                {pilot.company.name} · {pilot.testbedName}
                <br />
                {formatPeriod(pilot.startsAt, pilot.endsAt, i18n.language, pilot.timezone)} ({pilot.timezone})
              </p>
            </li>
          ))}
        </ul>
      )}
      {hidden ? (
        <button type="button" className="button button--secondary" onClick={showRest}>
          {t('list.showAll', { count: pilots.length, stage: t(`stages.${stage}`).toLowerCase() })}
        </button>
      ) : null}
    </section>
  );
}
