import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDateTime } from '../../ui/format';
import { Empty, QueryState } from '../../ui/Status';
import { useAcceptAnswer, useAnswerNeed, useAnswers } from './queries';
import { TextForm } from './TextForm';
import type { Answer, Idea } from './types';

const ANSWERABLE: Idea['status'][] = ['submitted', 'screening', 'accepted'];

/**
 * A public need's answers from companies: a company answers it; the sluice's managers
 * accept an answer, and the company then books one of the matched test beds with the need linked.
 */
export function AnswersSection({
  idea,
  manages,
  onDone,
}: {
  idea: Idea;
  manages: boolean;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation('ideas');
  const { company } = useSession();
  const answers = useAnswers(idea.id, manages || Boolean(company));
  if (!manages && !company) return null;
  const items = answers.data?.items ?? [];
  const ours = company ? items.filter((answer) => answer.organizationId === company.organizationId) : [];
  const shown = manages ? items : ours;
  const accepted = ours.find((answer) => answer.status === 'accepted');
  return (
    <section aria-labelledby="answers-heading">
      <h2 id="answers-heading">{t(manages ? 'answers.title' : 'answers.ourTitle')}</h2>
      <p>{t(manages ? 'answers.leadManager' : 'answers.leadCompany')}</p>
      {answers.data ? null : <QueryState query={answers} />}
      {answers.data && shown.length === 0 ? <Empty>{t(manages ? 'answers.none' : 'answers.noneOurs')}</Empty> : null}
      {shown.length ? (
        <ul className="booking-list">
          {shown.map((answer) => (
            <AnswerCard key={answer.id} idea={idea} answer={answer} manages={manages} onDone={onDone} />
          ))}
        </ul>
      ) : null}
      {accepted ? <BookMatched idea={idea} /> : null}
      {company && !manages && answers.data && ours.length === 0 && ANSWERABLE.includes(idea.status) ? (
        <AnswerForm idea={idea} onDone={onDone} />
      ) : null}
    </section>
  );
}

function AnswerCard({
  idea,
  answer,
  manages,
  onDone,
}: {
  idea: Idea;
  answer: Answer;
  manages: boolean;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation('ideas');
  const accept = useAcceptAnswer(idea.id);
  const [asking, setAsking] = useState(false);
  const company = answer.organizationName ?? t('answers.aCompany');
  const headingId = `answer-${answer.id}`;
  return (
    <li className="booking-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{company}</h3>
      <p>
        <span className={`tag tag--status tag--answer-${answer.status}`}>
          {t(`answers.status.${answer.status}`, { defaultValue: answer.status })}
        </span>{' '}
        <span className="meta">{formatDateTime(answer.createdAt, i18n.language)}</span>
      </p>
      <p className="idea-description">{answer.description}</p>
      {manages && answer.status !== 'accepted' && (idea.status === 'accepted' || idea.status === 'screening') ? (
        <button
          type="button"
          className="button"
          aria-label={t('answers.acceptLabel', { company })}
          onClick={() => {
            accept.reset();
            setAsking(true);
          }}
        >
          {t('answers.accept')}
        </button>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={t('answers.acceptTitle', { company })}
          body={t('answers.acceptBody', { company })}
          confirm={t('answers.acceptConfirm')}
          keep={t('keep')}
          tone="plain"
          pending={accept.isPending}
          error={accept.error}
          onConfirm={() =>
            accept.mutate(answer.id, {
              onSuccess: () => {
                setAsking(false);
                onDone(t('done.answerAccepted', { company }));
              },
            })
          }
          onClose={() => setAsking(false)}
        />
      ) : null}
    </li>
  );
}

/** Once its answer is accepted, the company books a matched test bed with the need linked to the booking. */
function BookMatched({ idea }: { idea: Idea }) {
  const { t } = useTranslation('ideas');
  const testbeds = idea.testbeds ?? [];
  return (
    <div className="notice notice--success book-matched">
      <h3>{t('answers.bookTitle')}</h3>
      {testbeds.length ? (
        <>
          <p>{t('answers.bookLead')}</p>
          <ul>
            {testbeds.map((testbed) => (
              <li key={testbed.id}>
                <Link to={`/testbeds/${testbed.id}?idea=${idea.id}#slots-heading`}>
                  {t('answers.book', { name: testbed.name })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('answers.noTestbedsYet')}</p>
      )}
    </div>
  );
}

function AnswerForm({ idea, onDone }: { idea: Idea; onDone: (message: string) => void }) {
  const { t } = useTranslation('ideas');
  const answer = useAnswerNeed(idea.id);
  return (
    <TextForm
      id="answer-form-heading"
      title={t('answers.formTitle')}
      name="description"
      label={t('answers.description')}
      hint={t('answers.descriptionHint')}
      missing={t('answers.descriptionMissing')}
      submit={t('answers.send')}
      sendingLabel={t('sending')}
      pending={answer.isPending}
      onSend={(text, { onSuccess, onError }) =>
        answer.mutate(text, {
          onSuccess: () => {
            onSuccess();
            onDone(t('done.answered'));
          },
          onError,
        })
      }
    />
  );
}
