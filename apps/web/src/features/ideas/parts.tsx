import { useTranslation } from 'react-i18next';
import { useDomains } from '../catalogue/queries';
import type { Idea, IdeaStatus, Kind, Sluice } from './types';

export function StatusTag({ status }: { status: IdeaStatus }) {
  const { t } = useTranslation('ideas');
  return <span className={`tag tag--status tag--idea-${status}`}>{t(`status.${status}`)}</span>;
}

export function KindTag({ kind }: { kind: Kind }) {
  const { t } = useTranslation('ideas');
  return <span className={`tag tag--kind-${kind}`}>{t(`kind.${kind}`)}</span>;
}

/** Domain keys in the person's language, as the catalogue names them. */
export function useDomainNames(): (key: string) => string {
  const { i18n } = useTranslation();
  const domains = useDomains();
  const language = i18n.language === 'en' ? 'en' : 'sv';
  return (key) => domains.data?.items.find((domain) => domain.key === key)?.labels[language] ?? key;
}

export function DomainTags({ domains }: { domains: string[] }) {
  const name = useDomainNames();
  if (domains.length === 0) return null;
  return (
    <ul className="tags">
      {domains.map((domain) => (
        <li key={domain} className="tag">
          {name(domain)}
        </li>
      ))}
    </ul>
  );
}

/** "Staff of Region Stockholm and companies" in words. */
export function useSubmittersText(): (sluice: Sluice) => string {
  const { t, i18n } = useTranslation('ideas');
  return (sluice) => {
    const parts = sluice.submitters.map((who) =>
      t(`submitters.${who}`, { organization: sluice.organizationName ?? t('submitters.theOrganization') }),
    );
    return new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(parts);
  };
}

const DAY = 86_400_000;

/** The days the sluice promised a first answer within, as the idea carries the promise. */
export function promisedDays(idea: Pick<Idea, 'createdAt' | 'answerDueAt'>): number {
  return Math.round((new Date(idea.answerDueAt).getTime() - new Date(idea.createdAt).getTime()) / DAY);
}

/**
 * How long an idea has waited for its first answer against the sluice's promise
 * (`answerDueAt`): only ideas still `submitted` wait.
 */
export function waiting(
  idea: Pick<Idea, 'status' | 'createdAt' | 'answerDueAt'>,
  now = Date.now(),
): { days: number; overdue: boolean; daysLeft: number; daysLate: number } | null {
  if (idea.status !== 'submitted') return null;
  const days = Math.max(0, Math.floor((now - new Date(idea.createdAt).getTime()) / DAY));
  const left = (new Date(idea.answerDueAt).getTime() - now) / DAY;
  return { days, overdue: left < 0, daysLeft: Math.max(0, Math.ceil(left)), daysLate: Math.max(1, Math.ceil(-left)) };
}

/** The waiting time in words, highlighted when the promise is broken or about to be. */
export function WaitingText({ idea }: { idea: Idea }) {
  const { t } = useTranslation('ideas');
  const wait = waiting(idea);
  if (!wait) return null;
  const waited = t('waiting.waited', { count: wait.days });
  if (wait.overdue)
    return (
      <strong className="waiting waiting--overdue">
        {waited}, {t('waiting.late', { count: wait.daysLate })}
      </strong>
    );
  const left = wait.daysLeft === 0 ? t('waiting.lastDay') : t('waiting.left', { count: wait.daysLeft });
  if (wait.daysLeft <= 2)
    return (
      <strong className="waiting waiting--soon">
        {waited}, {left}
      </strong>
    );
  return (
    <span className="waiting">
      {waited}, {left}
    </span>
  );
}
