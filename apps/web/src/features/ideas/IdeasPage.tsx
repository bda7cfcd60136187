import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignIn } from '../../app/RequireSignIn';
import { useSession, type Me } from '../../app/session';
import { Page } from '../../ui/Page';
import { Loading } from '../../ui/Status';
import { managesSluice } from './access';
import { IdeaList } from './IdeaList';
import { useIdeas, useSluices } from './queries';
import type { Idea } from './types';
import './ideas.css';

/** The person's own ideas and needs, those they follow, and, for a company, the public needs it may answer. */
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
 * leaving out what reaches them only as managers of the sluice or as a public need of others.
 */
function isOurs(idea: Idea, me: Me | undefined): boolean {
  if (idea.mine !== undefined) return idea.mine;
  const memberships = me?.memberships ?? [];
  if (managesSluice(me, { organizationId: idea.sluiceOrganizationId })) return false;
  if (idea.submitterOrganizationId === null) return !(idea.kind === 'need' && idea.public);
  return memberships.some((m) => m.organizationId === idea.submitterOrganizationId);
}

function Ideas() {
  const { t } = useTranslation('ideas');
  const session = useSession();
  const ideas = useIdeas();
  const sluices = useSluices();
  const me = session.me;
  const all = ideas.data?.items ?? [];
  const mine = all.filter((idea) => isOurs(idea, me));
  const needs = all.filter(
    (idea) => !isOurs(idea, me) && idea.kind === 'need' && idea.public && OPEN.includes(idea.status),
  );
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
