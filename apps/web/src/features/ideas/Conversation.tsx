import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { Empty, Notice, QueryState } from '../../ui/Status';
import { useMessages, useSendMessage } from './queries';
import { TextForm } from './TextForm';
import type { Idea } from './types';

/** The thread between the submitter and the sluice's managers, oldest first, and a form to answer in it. */
export function Conversation({ idea, manages }: { idea: Pick<Idea, 'id'>; manages: boolean }) {
  const { t, i18n } = useTranslation('ideas');
  const messages = useMessages(idea.id, true);
  const send = useSendMessage(idea.id);
  const [sent, setSent] = useState(false);
  const items = [...(messages.data?.items ?? [])].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <section aria-labelledby="conversation-heading">
      <h2 id="conversation-heading">{t('conversation.title')}</h2>
      <p>{t(manages ? 'conversation.leadManager' : 'conversation.leadSubmitter')}</p>
      {messages.data ? null : <QueryState query={messages} />}
      {messages.data && items.length === 0 ? <Empty>{t('conversation.none')}</Empty> : null}
      {items.length ? (
        <ol className="thread" aria-label={t('conversation.listLabel', { count: items.length })}>
          {items.map((message) => (
            <li key={message.id} className={`thread__message thread__message--${message.side}`}>
              <p className="thread__meta">
                <strong>{message.authorName ?? t(`conversation.side.${message.side}`)}</strong>
                {message.authorName ? ` (${t(`conversation.side.${message.side}`)})` : ''} ·{' '}
                <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, i18n.language)}</time>
              </p>
              <p className="thread__body">{message.body}</p>
            </li>
          ))}
        </ol>
      ) : null}
      {sent ? <Notice tone="success">{t('conversation.sent')}</Notice> : null}
      <TextForm
        id="answer-heading"
        title={t('conversation.answerTitle')}
        name="body"
        label={t('conversation.body')}
        hint={t(manages ? 'conversation.hintManager' : 'conversation.hintSubmitter')}
        missing={t('conversation.bodyMissing')}
        submit={t('conversation.send')}
        sendingLabel={t('sending')}
        pending={send.isPending}
        onSend={(text, { onSuccess, onError }) => {
          setSent(false);
          send.mutate(text, {
            onSuccess: () => {
              onSuccess();
              setSent(true);
            },
            onError,
          });
        }}
      />
    </section>
  );
}
