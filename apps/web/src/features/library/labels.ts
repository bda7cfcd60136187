import { useTranslation } from 'react-i18next';
import { useDomainLabels } from './queries';

/** A domain's label in the page's language (its key until the vocabulary has loaded). */
export function useDomainLabel(): (key: string) => string {
  const { i18n } = useTranslation();
  const domains = useDomainLabels();
  const language = i18n.language === 'en' ? 'en' : 'sv';
  return (key) => domains.data?.items.find((domain) => domain.key === key)?.labels[language] ?? key;
}
