import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { QueryFailure } from '../../app/QueryFailure';
import { useSession } from '../../app/session';
import { Page } from '../../ui/Page';
import { Loading } from '../../ui/Status';
import { kindsFor, managesSluice } from './access';
import { IdeaList } from './IdeaList';
import { DomainTags, useSubmittersText } from './parts';
import { useIdeas, useSluice } from './queries';
import './ideas.css';

/** A sluice in public: what it takes in, from whom, how soon it answers, and the way to submit for those it accepts. */
export function SluicePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('ideas');
  const session = useSession();
  const location = useLocation();
  const sluice = useSluice(id);
  const submitters = useSubmittersText();
  if (sluice.isError)
    return <QueryFailure error={sluice.error} title={t('sluice.errorTitle')} retry={() => void sluice.refetch()} />;
  if (!sluice.data) return <Loading />;
  const s = sluice.data;
  const kinds = kindsFor(session.me, s);
  const manages = managesSluice(session.me, s);
  return (
    <Page title={s.name} lead={s.organizationName}>
      <p className="sluice-description">{s.description}</p>
      <dl className="facts">
        <dt>{t('sluice.domains')}</dt>
        <dd>{s.domains.length ? <DomainTags domains={s.domains} /> : t('sluice.anyDomain')}</dd>
        <dt>{t('sluice.submitters')}</dt>
        <dd>{submitters(s)}</dd>
        <dt>{t('sluice.promise')}</dt>
        <dd>{t('sluice.promiseDays', { count: s.answerWithinDays })}</dd>
      </dl>
      <section aria-labelledby="submit-heading">
        <h2 id="submit-heading">{t('sluice.submitTitle')}</h2>
        {session.status === 'signedOut' ? (
          <p>
            <Link to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>{t('sluice.signInToSubmit')}</Link>
          </p>
        ) : session.loading ? (
          <Loading />
        ) : kinds.length ? (
          <>
            <p>{t('sluice.submitLead', { count: s.answerWithinDays })}</p>
            <div className="actions">
              {kinds.map((kind) => (
                <Link key={kind} className="button" to={`/sluices/${s.id}/submit?kind=${kind}`}>
                  {t(`sluice.submit.${kind}`)}
                </Link>
              ))}
            </div>
          </>
        ) : (
          <p>{t('sluice.notForYou', { who: submitters(s) })}</p>
        )}
      </section>
      {manages ? (
        <section aria-labelledby="screening-heading">
          <h2 id="screening-heading">{t('sluice.screeningTitle')}</h2>
          <p>
            <Link to={`/sluices/${s.id}/screening`}>{t('sluice.toScreening', { name: s.name })}</Link>
          </p>
        </section>
      ) : null}
      {session.status === 'signedIn' && !manages ? <PublicNeeds sluiceId={s.id} /> : null}
    </Page>
  );
}

/** The sluice's published needs, which companies may answer and anyone signed in may follow. */
function PublicNeeds({ sluiceId }: { sluiceId: string }) {
  const { t } = useTranslation('ideas');
  const ideas = useIdeas({ sluiceId, kind: 'need' });
  const needs = (ideas.data?.items ?? []).filter((idea) => idea.public && idea.status !== 'declined');
  return (
    <section aria-labelledby="needs-heading">
      <h2 id="needs-heading">{t('sluice.needsTitle')}</h2>
      <p>{t('sluice.needsLead')}</p>
      <IdeaList query={ideas} items={needs} empty={t('sluice.noNeeds')} headingLevel={3} />
    </section>
  );
}
