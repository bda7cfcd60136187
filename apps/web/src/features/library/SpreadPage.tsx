import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { RequireSignIn } from '../../app/RequireSignIn';
import { useSession } from '../../app/session';
import { formatDay } from '../../ui/format';
import { Page } from '../../ui/Page';
import { Empty, Loading, QueryState } from '../../ui/Status';
import { readsSpread } from './access';
import { useDomainLabel } from './labels';
import { useSpread } from './queries';
import type { DomainSpread } from './types';
import './library.css';

/** For funders (agencies and platform admins): per domain, which results spread and how far. */
export function SpreadPage() {
  return (
    <RequireSignIn>
      <FundersOnly />
    </RequireSignIn>
  );
}

function FundersOnly() {
  const { me } = useSession();
  if (!me) return <Loading />;
  return readsSpread(me) ? <Spread /> : <NotFoundPage />;
}

function Spread() {
  const { t } = useTranslation('library');
  const spread = useSpread(true);
  const domainLabel = useDomainLabel();
  const items = spread.data?.items ?? [];
  return (
    <Page title={t('spread.title')} lead={t('spread.lead')}>
      <QueryState query={spread} />
      {spread.data && items.length === 0 ? <Empty>{t('spread.none')}</Empty> : null}
      {items.length ? (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t('spread.tableLabel')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('spread.domain')}</th>
                <th scope="col">{t('spread.results')}</th>
                <th scope="col">{t('spread.adoptedResults')}</th>
                <th scope="col">{t('spread.adoptions')}</th>
                <th scope="col">{t('spread.regions')}</th>
                <th scope="col">{t('spread.municipalities')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.domain}>
                  <th scope="row">
                    <a href={`#domain-${item.domain}`}>{domainLabel(item.domain)}</a>
                  </th>
                  <td>{item.results}</td>
                  <td>{item.adoptedResults}</td>
                  <td>{item.adoptions}</td>
                  <td>{item.regions}</td>
                  <td>{item.municipalities}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {items.map((item) => (
        <DomainResults key={item.domain} item={item} label={domainLabel(item.domain)} />
      ))}
    </Page>
  );
}

function DomainResults({ item, label }: { item: DomainSpread; label: string }) {
  const { t, i18n } = useTranslation('library');
  return (
    <section aria-labelledby={`domain-${item.domain}`}>
      <h2 id={`domain-${item.domain}`} tabIndex={-1}>
        {t('spread.detailsTitle', { domain: label })}
      </h2>
      <ul className="results">
        {item.items.map((result) => (
          <li key={result.id} className="result">
            <h3>
              <Link to={`/results/${result.id}`}>{result.title}</Link>
            </h3>
            <p className="meta">
              {[result.testbedName, result.testbedOrganizationName, t(`outcomes.${result.outcome}`)].join(' · ')}
            </p>
            <p>
              {t('spread.adoptedBy')}:{' '}
              {result.adoptions.length
                ? result.adoptions
                    .map(
                      (adoption) =>
                        `${adoption.organizationName} (${formatDay(adoption.adoptedAt, i18n.language, { day: 'numeric', month: 'short', year: 'numeric' })})`,
                    )
                    .join(', ')
                : t('spread.nobody')}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
