import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryFailure } from '../../app/QueryFailure';
import { Page } from '../../ui/Page';
import { Loading } from '../../ui/Status';
import { useDomains, useTestbed } from './queries';
import { rulesInWords } from './rules';
import { SlotsSection } from './SlotsSection';

export function TestbedPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('catalogue');
  const testbed = useTestbed(id);
  const domains = useDomains();
  const language = i18n.language === 'en' ? 'en' : 'sv';

  if (testbed.isError)
    return <QueryFailure error={testbed.error} title={t('testbed.errorTitle')} retry={() => void testbed.refetch()} />;
  if (!testbed.data) return <Loading />;
  const bed = testbed.data;
  const label = (key: string) => domains.data?.items.find((domain) => domain.key === key)?.labels[language] ?? key;

  return (
    <Page title={bed.name} lead={bed.summary}>
      <div className="two-columns">
        <section aria-labelledby="about-heading">
          <h2 id="about-heading">{t('testbed.about')}</h2>
          {bed.description ? <p>{bed.description}</p> : null}
          <dl className="facts">
            <dt>{t('testbed.environment')}</dt>
            <dd>{t(`environment.${bed.environmentType}`)}</dd>
            <dt>{t('testbed.trl')}</dt>
            <dd>{t('testbed.trlRange', bed.trl)}</dd>
            <dt>{t('testbed.domains')}</dt>
            <dd>{bed.domains.map(label).join(', ')}</dd>
            <dt>{t('testbed.location')}</dt>
            <dd>{[bed.location.address, bed.location.municipality].filter(Boolean).join(', ')}</dd>
            <dt>{t('testbed.owner')}</dt>
            <dd>
              <span>{bed.owner.name}</span>
              <br />
              <Link to={`/search?organizationId=${bed.owner.id}`}>
                {t('testbed.moreFrom', { owner: bed.owner.name })}
              </Link>
            </dd>
            <dt>{t('testbed.contact')}</dt>
            <dd>
              {bed.contactEmail ? (
                <a href={`mailto:${bed.contactEmail}`}>{bed.contactEmail}</a>
              ) : (
                t('testbed.noContact')
              )}
            </dd>
          </dl>
        </section>
        <section aria-labelledby="rules-heading">
          <h2 id="rules-heading">{t('rules.title')}</h2>
          <ul>
            {rulesInWords(t, bed.rules, bed.capacity).map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
        </section>
      </div>
      <SlotsSection testbed={bed} />
    </Page>
  );
}
