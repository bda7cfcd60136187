import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignIn } from '../../app/RequireSignIn';
import { useSession } from '../../app/session';
import { Page } from '../../ui/Page';
import { Loading } from '../../ui/Status';
import { kindsFor, managesSluice } from './access';
import { IdeaList } from './IdeaList';
import { useIdeas, useSluices } from './queries';
import type { Idea } from './types';
import './ideas.css';

/** The person's own ideas and needs (and their company's), the sluices they screen, and, for a company, the public needs it may answer. */
export function IdeasPage() {
  return (
    <RequireSignIn>
      <Ideas />
    </RequireSignIn>
  );
}

const OPEN: Idea['status'][] = ['submitted', 'screening', 'accepted'];
/** What has ended: closed after its pilot or its answer, or declined. */
const ENDED: Idea['status'][] = ['closed', 'declined'];
/** A person's ended ideas shown before the rest is asked for. */
const ENDED_SHOWN = 10;

function Ideas() {
  const { t } = useTranslation('ideas');
  const session = useSession();
  const ideas = useIdeas();
  const sluices = useSluices();
  const me = session.me;
  const all = ideas.data?.items ?? [];
  const mine = all.filter((idea) => idea.mine);
  const mineGoing = mine.filter((idea) => !ENDED.includes(idea.status));
  const mineEnded = mine.filter((idea) => ENDED.includes(idea.status));
  const following = all.filter((idea) => idea.following && !idea.mine);
  const needs = all.filter(
    (idea) => !idea.mine && !idea.following && idea.kind === 'need' && idea.public && OPEN.includes(idea.status),
  );
  const managed = (sluices.data?.items ?? []).filter((sluice) => managesSluice(me, sluice));
  // Staff bring needs to their own organization's sluice: the way there is here, not only in the list of all sluices.
  const ownSluices = (sluices.data?.items ?? []).filter(
    (sluice) =>
      kindsFor(me, sluice).includes('need') && me?.memberships.some((m) => m.organizationId === sluice.organizationId),
  );
  return (
    <Page title={t('mine.title')} lead={t('mine.lead')}>
      {ownSluices.length ? (
        <div className="actions">
          {ownSluices.map((sluice) => (
            <Link key={sluice.id} className="button" to={`/sluices/${sluice.id}/submit?kind=need`}>
              {t('mine.submitNeedTo', { name: sluice.name })}
            </Link>
          ))}
        </div>
      ) : null}
      <p>
        <Link to="/sluices">{t('mine.toSluices')}</Link>
      </p>
      {managed.length ? (
        <section aria-labelledby="screening-heading">
          <h2 id="screening-heading">{t('mine.screeningTitle')}</h2>
          <ul>
            {managed.map((sluice) => {
              const waiting = all.filter((idea) => idea.sluiceId === sluice.id && idea.status === 'submitted').length;
              return (
                <li key={sluice.id}>
                  <Link to={`/sluices/${sluice.id}/screening`}>{sluice.name}</Link>{' '}
                  <span className="meta">({t('mine.waitingCount', { count: waiting })})</span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : sluices.isPending ? (
        <Loading />
      ) : null}
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">{t('mine.ownTitle')}</h2>
        <IdeaList
          query={ideas}
          items={mineGoing}
          empty={mineEnded.length ? t('mine.noneGoing') : t('mine.none')}
          headingLevel={3}
          showSluice
        />
        {mineEnded.length ? (
          <section aria-labelledby="mine-ended-heading">
            <h3 id="mine-ended-heading">
              {t('mine.endedTitle')} <span className="meta">({mineEnded.length})</span>
            </h3>
            <IdeaList
              query={ideas}
              items={mineEnded}
              empty=""
              headingLevel={4}
              showSluice
              first={ENDED_SHOWN}
              showAllLabel={t('mine.showAllEnded', { count: mineEnded.length })}
            />
          </section>
        ) : null}
      </section>
      {following.length ? (
        <section aria-labelledby="following-heading">
          <h2 id="following-heading">{t('mine.followingTitle')}</h2>
          <IdeaList query={ideas} items={following} empty="" headingLevel={3} showSluice />
        </section>
      ) : null}
      {session.company ? (
        <section aria-labelledby="needs-heading">
          <h2 id="needs-heading">{t('mine.needsTitle')}</h2>
          <p>{t('mine.needsLead')}</p>
          <IdeaList query={ideas} items={needs} empty={t('mine.noNeeds')} headingLevel={3} showSluice />
        </section>
      ) : null}
    </Page>
  );
}
