import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { RequireSignIn } from '../../app/RequireSignIn';
import { useSession } from '../../app/session';
import { Page } from '../../ui/Page';
import { managesSluice } from './access';
import { IdeaList } from './IdeaList';
import { waiting } from './parts';
import { useIdeas } from './queries';
import { STATUSES, type Idea, type Sluice } from './types';
import { WithSluice } from './WithSluice';
import './ideas.css';

/** A sluice's inbox for its managers: what came in, by state; what waits longest, and past the promise, first. */
export function ScreeningPage() {
  return (
    <RequireSignIn>
      <WithSluice>{(sluice) => <ManagersOnly sluice={sluice} />}</WithSluice>
    </RequireSignIn>
  );
}

/** Only the sluice's managers screen; to others the address answers as an unknown one does. */
function ManagersOnly({ sluice }: { sluice: Sluice }) {
  const session = useSession();
  return managesSluice(session.me, sluice) ? <Inbox sluice={sluice} /> : <NotFoundPage />;
}

const bySubmission = (a: Idea, b: Idea) => a.createdAt.localeCompare(b.createdAt);

function Inbox({ sluice }: { sluice: Sluice }) {
  const { t } = useTranslation('ideas');
  const ideas = useIdeas({ sluiceId: sluice.id });
  const items = (ideas.data?.items ?? []).filter((idea) => idea.sluiceId === sluice.id);
  const overdue = items.filter((idea) => waiting(idea)?.overdue).length;
  return (
    <Page
      title={t('screening.title', { name: sluice.name })}
      lead={t('screening.lead', { count: sluice.answerWithinDays })}
    >
      <p>
        <Link to={`/sluices/${sluice.id}`}>{t('screening.toSluice')}</Link>
      </p>
      {overdue ? <p className="notice notice--error">{t('screening.overdue', { count: overdue })}</p> : null}
      <nav aria-label={t('screening.statesLabel')} className="idea-states">
        <ul>
          {STATUSES.map((status) => (
            <li key={status}>
              <a href={`#state-${status}`}>
                {t(`status.${status}`)} ({items.filter((idea) => idea.status === status).length})
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {STATUSES.map((status) => {
        const inState = items.filter((idea) => idea.status === status).sort(bySubmission);
        return (
          <section key={status} aria-labelledby={`state-${status}`}>
            <h2 id={`state-${status}`} tabIndex={-1}>
              {t(`status.${status}`)} <span className="meta">({ideas.data ? inState.length : '…'})</span>
            </h2>
            <IdeaList query={ideas} items={inState} empty={t('screening.noneInState')} headingLevel={3} promise />
          </section>
        );
      })}
    </Page>
  );
}
