import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignIn } from '../../app/RequireSignIn';
import { useSession, type Me } from '../../app/session';
import { Page } from '../../ui/Page';
import { Loading } from '../../ui/Status';
import { managesSluice } from './access';
import { IdeaList } from './IdeaList';
import { useConverses, useIdeas, useSluices } from './queries';
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

/**
 * Whether the person or one of their organizations submitted it (a company's ideas are all its members'),
 * leaving out what reaches them only as managers of the sluice. A public need of their own organization may
 * be a colleague's: `undefined` says so, and the idea itself tells (the submitter's side converses on it).
 */
function isOurs(idea: Idea, me: Me | undefined): boolean | undefined {
  if (idea.mine !== undefined) return idea.mine;
  if (managesSluice(me, { organizationId: idea.sluiceOrganizationId })) return false;
  const publicNeed = idea.kind === 'need' && idea.public;
  if (idea.submitterOrganizationId === null) return publicNeed ? undefined : true;
  const ours = (me?.memberships ?? []).find((m) => m.organizationId === idea.submitterOrganizationId);
  if (!ours) return false;
  return publicNeed && ours.kind !== 'company' ? undefined : true;
}

function Ideas() {
  const { t } = useTranslation('ideas');
  const session = useSession();
  const ideas = useIdeas();
  const sluices = useSluices();
  const me = session.me;
  const all = ideas.data?.items ?? [];
  const converses = useConverses(all.filter((idea) => isOurs(idea, me) === undefined).map((idea) => idea.id));
  const ours = (idea: Idea) => isOurs(idea, me) ?? converses.get(idea.id) ?? false;
  const mine = all.filter(ours);
  const needs = all.filter((idea) => !ours(idea) && idea.kind === 'need' && idea.public && OPEN.includes(idea.status));
  const managed = (sluices.data?.items ?? []).filter((sluice) => managesSluice(me, sluice));
  return (
    <Page title={t('mine.title')} lead={t('mine.lead')}>
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
        <IdeaList query={ideas} items={mine} empty={t('mine.none')} headingLevel={3} showSluice />
      </section>
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
