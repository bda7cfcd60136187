import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorMessage } from '../../ui/Status';
import { KindTag, StatusTag } from './parts';
import { useFollow, useSimilarIdeas } from './queries';
import type { SimilarIdea } from './types';

/**
 * Ideas and needs like the one being typed, so a person can join one instead of
 * adding a duplicate. The count is said politely once the list changes; the list
 * itself is read when the person moves to it.
 */
export function SimilarIdeas({ text, sluiceId }: { text: string; sluiceId: string }) {
  const { t } = useTranslation('ideas');
  const similar = useSimilarIdeas(text, sluiceId);
  const items = text.trim().length >= 3 ? (similar.data?.items ?? []) : [];
  const searched = text.trim().length >= 3 && similar.data !== undefined;
  return (
    <section className="similar" aria-labelledby="similar-heading">
      <h2 id="similar-heading" className="similar__heading">
        {t('similar.title')}
      </h2>
      {/* Always in the page, so screen readers hear what changes in it. */}
      <p role="status" className="similar__status">
        {!searched ? t('similar.hint') : items.length ? t('similar.found', { count: items.length }) : t('similar.none')}
      </p>
      {similar.isError ? <ErrorMessage error={similar.error} /> : null}
      {items.length ? (
        <ul className="similar__list">
          {items.map((idea) => (
            <SimilarItem key={idea.id} idea={idea} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function SimilarItem({ idea }: { idea: SimilarIdea }) {
  const { t } = useTranslation('ideas');
  const follow = useFollow(idea.id);
  const [following, setFollowing] = useState(false);
  const toggle = () => {
    if (follow.isPending) return;
    follow.mutate(!following, { onSuccess: () => setFollowing(!following) });
  };
  return (
    <li className="similar__item">
      <p className="similar__title">
        <Link to={`/ideas/${idea.id}`} target="_blank" rel="noopener">
          {idea.title}
          <span className="visually-hidden"> {t('similar.newTab')}</span>
        </Link>
      </p>
      <p>
        <KindTag kind={idea.kind} /> <StatusTag status={idea.status} />
      </p>
      <p className="similar__follow">
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={follow.isPending}
          aria-label={t(following ? 'follow.stopLabel' : 'follow.startLabel', { title: idea.title })}
          onClick={toggle}
        >
          {following ? t('follow.stop') : t('follow.start')}
        </button>{' '}
        <span role="status">{following ? t('follow.youFollow') : ''}</span>
      </p>
      {follow.isError ? <ErrorMessage error={follow.error} /> : null}
    </li>
  );
}
