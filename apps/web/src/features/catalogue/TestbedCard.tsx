import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDomains } from './queries';
import type { Testbed } from './types';

export function TestbedCard({ testbed }: { testbed: Testbed }) {
  const { t, i18n } = useTranslation('catalogue');
  const domains = useDomains();
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const label = (key: string) => domains.data?.items.find((domain) => domain.key === key)?.labels[language] ?? key;
  return (
    <article>
      <h3>
        <Link to={`/testbeds/${testbed.id}`}>{testbed.name}</Link>
      </h3>
      <p className="meta">
        {[
          testbed.location.municipality,
          testbed.owner.name,
          t(`environment.${testbed.environmentType}`),
          t('testbed.trlRange', testbed.trl),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <p>{testbed.summary}</p>
      <ul className="tags" aria-label={t('testbed.domains')}>
        {testbed.domains.map((domain) => (
          <li key={domain} className="tag">
            {label(domain)}
          </li>
        ))}
      </ul>
    </article>
  );
}
