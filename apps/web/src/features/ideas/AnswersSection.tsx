import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatDateTime } from '../../ui/format';
import { Empty, QueryState } from '../../ui/Status';
import { useAcceptAnswer, useAnswerNeed, useAnswers, useTestbedNames } from './queries';
import { TextForm } from './TextForm';
import type { Answer, IdeaDetail } from './types';

/**
 * A public need's answers from companies: a company answers it; the sluice's managers
 * accept an answer, and the company then books one of the matched test beds with the need linked.
 * The managers and the submitter read every answer, a company its own.
 */
export function AnswersSection({
  idea,
  manages,
  submitterSide,
  onDone,
}: {
  idea: IdeaDetail;
  manages: boolean;
  submitterSide: boolean;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation('ideas');
  const { company } = useSession();
  const readsAll = manages || submitterSide;
  const answers = useAnswers(idea.id, readsAll || Boolean(company));
  if (!readsAll && !company) return null;
  const items = answers.data?.items ?? [];
  const ours = company ? items.filter((answer) => answer.organizationId === company.organizationId) : [];
  const shown = readsAll ? items : ours;
  const oursAccepted = Boolean(company) && idea.acceptedAnswerOrganizationId === company?.organizationId;
  const anyAccepted = items.some((answer) => answer.status === 'accepted');
  // What this reader may still do with the answers, in words.
  const lead = manages
    ? idea.permissions.acceptAnswer && !anyAccepted
      ? 'manager'
      : 'managerDone'
    : submitterSide
      ? 'submitter'
      : oursAccepted
        ? 'companyAccepted'
        : ours.length
          ? 'companySent'
          : 'company';
  return (
    <section aria-labelledby="answers-heading">
      <h2 id="answers-heading">{t(readsAll ? 'answers.title' : 'answers.ourTitle')}</h2>
      <p>{t(`answers.lead.${lead}`)}</p>
      {answers.data ? null : <QueryState query={answers} />}
      {answers.data && shown.length === 0 ? <Empty>{t(readsAll ? 'answers.none' : 'answers.noneOurs')}</Empty> : null}
      {shown.length ? (
        <ul className="booking-list">
          {shown.map((answer) => (
            <AnswerCard
              key={answer.id}
              idea={idea}
              answer={answer}
              mayAccept={idea.permissions.acceptAnswer && !anyAccepted}
              onDone={onDone}
            />
          ))}
        </ul>
      ) : null}
      {oursAccepted ? <BookMatched idea={idea} /> : null}
      {!readsAll && idea.permissions.answer && answers.data && ours.length === 0 ? (
        <AnswerForm idea={idea} onDone={onDone} />
      ) : null}
    </section>
  );
}

function AnswerCard({
  idea,
  answer,
  mayAccept,
  onDone,
}: {
  idea: IdeaDetail;
  answer: Answer;
  mayAccept: boolean;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation('ideas');
  const accept = useAcceptAnswer(idea.id);
  const [asking, setAsking] = useState(false);
  const company = answer.organizationName;
  const headingId = `answer-${answer.id}`;
  return (
    <li className="booking-card idea-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{company}</h3>
      <p>
        <span className={`tag tag--status tag--answer-${answer.status}`}>{t(`answers.status.${answer.status}`)}</span>{' '}
        <span className="meta">{formatDateTime(answer.createdAt, i18n.language)}</span>
      </p>
      <p className="idea-description">{answer.description}</p>
      {mayAccept ? (
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
function BookMatched({ idea }: { idea: IdeaDetail }) {
  const { t } = useTranslation('ideas');
  const testbeds = useTestbedNames(idea.testbedIds);
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
                  {testbed.name ? t('answers.book', { name: testbed.name }) : t('answers.bookUnnamed')}
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

function AnswerForm({ idea, onDone }: { idea: IdeaDetail; onDone: (message: string) => void }) {
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
