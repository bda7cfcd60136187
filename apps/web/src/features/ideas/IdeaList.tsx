import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatShortDate } from '../../ui/format';
import { Empty, QueryState } from '../../ui/Status';
import { useFirstShown } from '../../ui/useFirstShown';
import { KindTag, StatusTag, WaitingText } from './parts';
import type { Idea } from './types';

/** Ideas and needs as cards: kind, state, when it came in, and, for those still waiting, how long against the promise. */
export function IdeaList({
  query,
  items,
  empty,
  headingLevel = 2,
  promise,
  showSluice = false,
  first = Infinity,
  showAllLabel = '',
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  items: Idea[];
  empty: string;
  headingLevel?: 2 | 3 | 4;
  /** Whether to show how long each has waited against the sluice's promise (the managers' inbox). */
  promise?: boolean;
  showSluice?: boolean;
  /** How many to show before a button shows the rest (labelled `showAllLabel`); all by default. */
  first?: number;
  showAllLabel?: string;
}) {
  const { t, i18n } = useTranslation('ideas');
  const { shown, hidden, linkRef, showRest } = useFirstShown(items, first);
  if (query.isPending || query.isError) return <QueryState query={query} />;
  if (items.length === 0) return <Empty>{empty}</Empty>;
  const Heading = (['h2', 'h3', 'h4'] as const)[headingLevel - 2];
  return (
    <>
      <ul className="booking-list idea-list">
        {shown.map((idea, index) => (
          <li key={idea.id} className="booking-card idea-card">
            <Heading>
              <Link to={`/ideas/${idea.id}`} ref={linkRef(index)}>
                {idea.title}
              </Link>
            </Heading>
            <p>
              <KindTag kind={idea.kind} /> <StatusTag status={idea.status} />
              {idea.public ? (
                <>
                  {' '}
                  <span className="tag">{t('public')}</span>
                </>
              ) : null}
            </p>
            <p className="meta">
              {showSluice ? `${idea.sluiceName} · ` : ''}
              {t('list.submitted', { date: formatShortDate(idea.createdAt, i18n.language) })}
              {idea.submitterOrganizationName ? ` · ${idea.submitterOrganizationName}` : ''}
            </p>
            {promise ? (
              <p>
                <WaitingText idea={idea} />
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {hidden ? (
        <button type="button" className="button button--secondary" onClick={showRest}>
          {showAllLabel}
        </button>
      ) : null}
    </>
  );
}
