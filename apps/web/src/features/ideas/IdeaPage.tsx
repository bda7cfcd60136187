import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { QueryFailure } from '../../app/QueryFailure';
import { RequireSignIn } from '../../app/RequireSignIn';
import { formatDateTime } from '../../ui/format';
import { Page } from '../../ui/Page';
import { DoneNotice, ErrorMessage, Loading } from '../../ui/Status';
import { AnswersSection } from './AnswersSection';
import { Conversation } from './Conversation';
import { IdeaActions } from './IdeaActions';
import { DomainTags, KindTag, promisedDays, StatusTag, WaitingText } from './parts';
import { useFollow, useIdea, useTestbedNames } from './queries';
import type { IdeaDetail } from './types';
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
  const [params] = useSearchParams();
  const idea = useIdea(id);
  const [notice, setNotice] = useState<string | null>(params.get('submitted') ? 'submitted' : null);
  if (idea.isError)
    return <QueryFailure error={idea.error} title={t('idea.errorTitle')} retry={() => void idea.refetch()} />;
  if (!idea.data) return <Loading />;
  const i = idea.data;
  const allowed = i.permissions;
  // The sluice's managers may read its matches; the submitter's side converses without managing it.
  const manages = allowed.matches;
  const submitterSide = allowed.converse && !manages;
  return (
    <Page title={i.title} lead={t(`idea.lead.${i.kind}`, { sluice: i.sluiceName })}>
      {notice ? (
        <DoneNotice>
          {notice === 'submitted' ? t(`done.submitted.${i.kind}`, { count: promisedDays(i) }) : notice}
        </DoneNotice>
      ) : null}
      <dl className="facts">
        <dt>{t('idea.state')}</dt>
        <dd>
          <StatusTag status={i.status} /> <span className="meta">{t(`statusExplained.${i.status}`)}</span>
        </dd>
        <dt>{t('idea.kind')}</dt>
        <dd>
          <KindTag kind={i.kind} /> {i.kind === 'need' ? t(i.public ? 'idea.isPublic' : 'idea.notPublic') : null}
        </dd>
        <dt>{t('idea.sluice')}</dt>
        <dd>
          <Link to={`/sluices/${i.sluiceId}`}>{i.sluiceName}</Link>
        </dd>
        <dt>{t('idea.submitted')}</dt>
        <dd>
          {formatDateTime(i.createdAt, i18n.language)}
          {i.submitterName ? ` · ${i.submitterName}` : ''}
          {i.submitterOrganizationName
            ? i.submitterName
              ? ` (${i.submitterOrganizationName})`
              : ` · ${i.submitterOrganizationName}`
            : ''}
        </dd>
        {i.status === 'submitted' ? (
          <>
            <dt>{t('idea.waiting')}</dt>
            <dd>
              {manages ? (
                <WaitingText idea={i} />
              ) : (
                t('idea.answerBy', { date: formatDateTime(i.answerDueAt, i18n.language) })
              )}
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
            <dd className="idea-description">{i.affects}</dd>
          </>
        ) : null}
        {i.status === 'declined' && i.declineReason ? (
          <>
            <dt>{t('idea.declineReason')}</dt>
            <dd className="idea-description">{i.declineReason}</dd>
          </>
        ) : null}
        {i.status === 'closed' && i.result ? (
          <>
            <dt>{t('idea.result')}</dt>
            <dd className="idea-description">{i.result}</dd>
          </>
        ) : null}
        <MatchedTestbeds idea={i} />
      </dl>
      <section aria-labelledby="description-heading">
        <h2 id="description-heading">{t('idea.description')}</h2>
        <p className="idea-description">{i.description}</p>
      </section>
      {allowed.follow && !allowed.converse ? <FollowButton idea={i} /> : null}
      {manages ? <IdeaActions idea={i} onDone={setNotice} /> : null}
      {allowed.converse ? <Conversation idea={i} manages={manages} /> : null}
      {i.kind === 'need' && i.public ? (
        <AnswersSection idea={i} manages={manages} submitterSide={submitterSide} onDone={setNotice} />
      ) : null}
      <History idea={i} />
    </Page>
  );
}

function MatchedTestbeds({ idea }: { idea: IdeaDetail }) {
  const { t } = useTranslation('ideas');
  const testbeds = useTestbedNames(idea.testbedIds);
  if (testbeds.length === 0) return null;
  return (
    <>
      <dt>{t('idea.testbeds')}</dt>
      <dd>
        <ul className="plain-list">
          {testbeds.map((testbed) => (
            <li key={testbed.id}>
              <Link to={`/testbeds/${testbed.id}`}>{testbed.name ?? t('idea.aTestbed')}</Link>
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

function FollowButton({ idea }: { idea: IdeaDetail }) {
  const { t } = useTranslation('ideas');
  const follow = useFollow(idea.id);
  const following = idea.following;
  return (
    <section aria-labelledby="follow-heading">
      <h2 id="follow-heading">{t('follow.title')}</h2>
      <p role="status">{following ? t('follow.youFollowLong') : t('follow.explain')}</p>
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

/** Every change of its state, oldest first, with the words a person gave for it (a reason, a result). */
function History({ idea }: { idea: IdeaDetail }) {
  const { t, i18n } = useTranslation('ideas');
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history.title')}</h2>
      <ol className="timeline">
        {idea.events.map((event, index) => (
          <li key={`${event.at}-${index}`}>
            <strong>{t(`history.${event.toStatus}`, { defaultValue: event.toStatus })}</strong>
            <br />
            <span className="meta">
              <time dateTime={event.at}>{formatDateTime(event.at, i18n.language)}</time>
            </span>
            {event.detail && (event.toStatus === 'declined' || event.toStatus === 'closed') ? (
              <p className="idea-description">{event.detail}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
