import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dateFormat } from '../../ui/format';
import { useDomainLabel } from './labels';
import type { Result } from './types';

/** A result in the library's list: what, where, how it ended, and how far it spread. */
export function ResultCard({ result }: { result: Result }) {
  const { t, i18n } = useTranslation('library');
  const domainLabel = useDomainLabel();
  const zone = result.timezone;
  return (
    <article>
      <h3>
        <Link to={`/results/${result.id}`}>{result.title}</Link>
      </h3>
      <p className="meta">
        {[
          result.testbed.name,
          result.testbed.municipality,
          t(`environment.${result.testbed.environmentType}`),
          // One day once when the pilot began and ended on the same day.
          dateFormat(i18n.language, { dateStyle: 'medium', timeZone: zone }).formatRange(
            new Date(result.period.startsAt),
            new Date(result.period.endsAt),
          ),
        ].join(' · ')}
      </p>
      <p>
        <span className="tag tag--status">{t(`outcomes.${result.outcome.result}`)}</span>{' '}
        {result.adoptions.length
          ? `${t('list.spreadTo', { count: result.adoptions.length })}: ${result.adoptions.map((a) => a.organizationName).join(', ')}`
          : t('list.notSpread')}
      </p>
      {result.outcome.summary ? <p>{result.outcome.summary}</p> : null}
      <ul className="tags" aria-label={t('result.domains')}>
        {result.testbed.domains.map((domain) => (
          <li key={domain} className="tag">
            {domainLabel(domain)}
          </li>
        ))}
      </ul>
    </article>
  );
}
