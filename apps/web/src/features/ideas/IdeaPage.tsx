import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { QueryFailure } from '../../app/QueryFailure';
import { RequireSignIn } from '../../app/RequireSignIn';
import { useSession } from '../../app/session';
import { formatDateTime } from '../../ui/format';
import { Page } from '../../ui/Page';
import { DoneNotice, ErrorMessage, Loading } from '../../ui/Status';
import { managesSluice } from './access';
import { AnswersSection } from './AnswersSection';
import { Conversation } from './Conversation';
import { IdeaActions } from './IdeaActions';
import { DomainTags, KindTag, StatusTag, WaitingText } from './parts';
import { useFollow, useIdea, useSluice } from './queries';
import type { Idea } from './types';
import './ideas.css';

/** One idea or need: its state, what may be done with it now, its conversation and, for a public need, the answers. */
export function IdeaPage() {
  return (
    <RequireSignIn>
      <IdeaDetails />
    </RequireSignIn>
  );
}

function IdeaDetails() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('ideas');
  const session = useSession();
  const [params] = useSearchParams();
  const idea = useIdea(id);
  const sluice = useSluice(idea.data?.sluiceId ?? '');
  const [notice, setNotice] = useState<string | null>(params.get('submitted') ? 'submitted' : null);
  if (idea.isError)
    return <QueryFailure error={idea.error} title={t('idea.errorTitle')} retry={() => void idea.refetch()} />;
  if (!idea.data || (idea.data.sluiceId && sluice.isPending)) return <Loading />;
  const i = idea.data;
  const s = sluice.data;
  const manages = s ? managesSluice(session.me, s) : false;
  const mine = i.mine ?? (i.submitter?.userId !== undefined && i.submitter.userId === session.me?.id);
  const language = i18n.language;
  const done = (message: string) => setNotice(message);
  return (
    <Page title={i.title} lead={t(`idea.lead.${i.kind}`, { sluice: s?.name ?? i.sluiceName ?? '' })}>
      {notice ? (
        <DoneNotice>
          {notice === 'submitted' ? t(`done.submitted.${i.kind}`, { count: s?.answerWithinDays ?? 14 }) : notice}
        </DoneNotice>
      ) : null}
      <dl className="facts">
        <dt>{t('idea.state')}</dt>
        <dd>
          <StatusTag status={i.status} /> <span className="meta">{t(`statusExplained.${i.status}`)}</span>
        </dd>
        <dt>{t('idea.kind')}</dt>
        <dd>
          <KindTag kind={i.kind} />
          {i.public ? ` ${t('idea.isPublic')}` : ` ${t('idea.notPublic')}`}
        </dd>
        <dt>{t('idea.sluice')}</dt>
        <dd>{s ? <Link to={`/sluices/${s.id}`}>{s.name}</Link> : (i.sluiceName ?? '–')}</dd>
        <dt>{t('idea.submitted')}</dt>
        <dd>
          {formatDateTime(i.submittedAt ?? i.createdAt, language)}
          {i.submitter?.name ? ` · ${i.submitter.name}` : ''}
          {i.submitter?.organizationName ? ` (${i.submitter.organizationName})` : ''}
        </dd>
        {manages && i.status === 'submitted' ? (
          <>
            <dt>{t('idea.waiting')}</dt>
            <dd>
              <WaitingText idea={i} answerWithinDays={s?.answerWithinDays} />
            </dd>
          </>
        ) : null}
        {i.domains.length ? (
          <>
            <dt>{t('idea.domains')}</dt>
            <dd>
              <DomainTags domains={i.domains} />
            </dd>
          </>
        ) : null}
        {i.affects ? (
          <>
            <dt>{t('idea.affects')}</dt>
            <dd>{i.affects}</dd>
          </>
        ) : null}
        {i.status === 'declined' && i.declineReason ? (
          <>
            <dt>{t('idea.declineReason')}</dt>
            <dd>{i.declineReason}</dd>
          </>
        ) : null}
        {i.status === 'closed' && i.result ? (
          <>
            <dt>{t('idea.result')}</dt>
            <dd>{i.result}</dd>
          </>
        ) : null}
        <MatchedTestbeds idea={i} />
        {i.pilotId ? (
          <>
            <dt>{t('idea.pilot')}</dt>
            <dd>
              <Link to={`/pilots/${i.pilotId}`}>{t('idea.openPilot')}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      <section aria-labelledby="description-heading">
        <h2 id="description-heading">{t('idea.description')}</h2>
        <p className="idea-description">{i.description}</p>
      </section>
      {!mine ? <FollowButton idea={i} /> : null}
      {manages ? <IdeaActions idea={i} sluice={s!} onDone={done} /> : null}
      {mine || manages ? <Conversation idea={i} manages={manages} /> : null}
      {i.kind === 'need' && i.public ? <AnswersSection idea={i} manages={manages} onDone={done} /> : null}
    </Page>
  );
}

function MatchedTestbeds({ idea }: { idea: Idea }) {
  const { t } = useTranslation('ideas');
  const testbeds = idea.testbeds ?? [];
  if (testbeds.length === 0) return null;
  return (
    <>
      <dt>{t('idea.testbeds')}</dt>
      <dd>
        <ul className="plain-list">
          {testbeds.map((testbed) => (
            <li key={testbed.id}>
              <Link to={`/testbeds/${testbed.id}`}>{testbed.name}</Link>
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

function FollowButton({ idea }: { idea: Idea }) {
  const { t } = useTranslation('ideas');
  const follow = useFollow(idea.id);
  const following = Boolean(idea.following);
  return (
    <section aria-labelledby="follow-heading">
      <h2 id="follow-heading">{t('follow.title')}</h2>
      <p>{following ? t('follow.youFollowLong') : t('follow.explain')}</p>
      <button
        type="button"
        className="button button--secondary"
        aria-disabled={follow.isPending}
        onClick={() => (follow.isPending ? undefined : follow.mutate(!following))}
      >
        {following ? t('follow.stop') : t('follow.start')}
      </button>
      {follow.isError ? <ErrorMessage error={follow.error} /> : null}
    </section>
  );
}
