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

/**
 * How long an idea has waited for its first answer against the sluice's promise:
 * only ideas still `submitted` wait; the promise runs from the day they came in.
 */
export function waiting(
  idea: Pick<Idea, 'status' | 'createdAt' | 'submittedAt' | 'answerDueAt'>,
  answerWithinDays: number | undefined,
  now = Date.now(),
): { days: number; dueAt: string | null; overdue: boolean; daysLeft: number | null; daysLate: number } | null {
  if (idea.status !== 'submitted') return null;
  const since = new Date(idea.submittedAt ?? idea.createdAt).getTime();
  const due =
    idea.answerDueAt ??
    (answerWithinDays !== undefined ? new Date(since + answerWithinDays * DAY).toISOString() : null);
  const days = Math.max(0, Math.floor((now - since) / DAY));
  if (!due) return { days, dueAt: null, overdue: false, daysLeft: null, daysLate: 0 };
  const left = (new Date(due).getTime() - now) / DAY;
  return {
    days,
    dueAt: due,
    overdue: left < 0,
    daysLeft: Math.max(0, Math.ceil(left)),
    daysLate: Math.max(1, Math.ceil(-left)),
  };
}

/** The waiting time in words, highlighted when the promise is broken or about to be. */
export function WaitingText({ idea, answerWithinDays }: { idea: Idea; answerWithinDays?: number }) {
  const { t } = useTranslation('ideas');
  const wait = waiting(idea, answerWithinDays);
  if (!wait) return null;
  if (wait.overdue)
    return (
      <strong className="waiting waiting--overdue">
        {t('waiting.overdue', { count: wait.days, late: wait.daysLate })}
      </strong>
    );
  if (wait.daysLeft !== null && wait.daysLeft <= 2)
    return (
      <strong className="waiting waiting--soon">{t('waiting.soon', { count: wait.days, left: wait.daysLeft })}</strong>
    );
  return <span className="waiting">{t('waiting.within', { count: wait.days, left: wait.daysLeft ?? 0 })}</span>;
}
