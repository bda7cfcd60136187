import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAddressSearch, useFocusAfterSearch } from '../../ui/useAddressSearch';
import { DatePicker } from '../../ui/DatePicker';
import { SelectField } from '../../ui/SelectField';
import { Page } from '../../ui/Page';
import { Empty, ErrorMessage, Loading } from '../../ui/Status';
import { SEARCH_KEYS, useDomains, useOwners, useTestbedSearch, type SearchParams } from './queries';
import { TestbedCard } from './TestbedCard';
import { ENVIRONMENT_TYPES } from './types';

/** The catalogue: every filter lives in the address, so a search can be shared and the back button works. */
export function SearchPage() {
  const { t, i18n } = useTranslation('catalogue');
  const { searchParams, params, search, go, asked } = useAddressSearch<SearchParams>(SEARCH_KEYS);
  const page = Number(searchParams.get('page') ?? '1') || 1;
  const results = useTestbedSearch(params);
  const domains = useDomains();
  const owners = useOwners();
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const resultsHeading = useFocusAfterSearch(asked, results.isFetching);

  const nextPage = () => {
    const next = new URLSearchParams(searchParams);
    next.set('cursor', results.data!.nextCursor!);
    next.set('page', String(page + 1));
    go(next);
  };

  const withoutOwner = new URLSearchParams(searchParams);
  withoutOwner.delete('organizationId');
  withoutOwner.delete('cursor');
  withoutOwner.delete('page');
  const firstPage = new URLSearchParams(searchParams);
  firstPage.delete('cursor');
  firstPage.delete('page');

  const items = results.data?.items ?? [];
  const ownerName = params.organizationId
    ? (owners.data?.items.find((owner) => owner.id === params.organizationId)?.name ??
      items.find((item) => item.organizationId === params.organizationId)?.owner.name)
    : undefined;

  return (
    <Page title={t('search.title')}>
      <div className="search-layout">
        <form
          role="search"
          aria-label={t('search.formLabel')}
          onSubmit={search}
          key={searchParams.toString()}
          className="filters"
        >
          <div className="field">
            <label htmlFor="field-q">{t('search.q')}</label>
            <p className="hint" id="field-q-hint">
              {t('search.qHint')}
            </p>
            <input id="field-q" name="q" type="search" defaultValue={params.q ?? ''} aria-describedby="field-q-hint" />
          </div>
          <div className="field">
            <label htmlFor="field-domain">{t('search.domain')}</label>
            <select id="field-domain" name="domain" defaultValue={params.domain ?? ''}>
              <option value="">{t('search.any')}</option>
              {domains.data?.items.map((domain) => (
                <option key={domain.key} value={domain.key}>
                  {domain.labels[language]}
                </option>
              ))}
              {params.domain && !domains.data ? <option value={params.domain}>{params.domain}</option> : null}
            </select>
          </div>
          <div className="field">
            <label htmlFor="field-environmentType">{t('search.environmentType')}</label>
            <select id="field-environmentType" name="environmentType" defaultValue={params.environmentType ?? ''}>
              <option value="">{t('search.any')}</option>
              {ENVIRONMENT_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`environment.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="field-trl">{t('search.trl')}</label>
            <p className="hint" id="field-trl-hint">
              {t('search.trlHint')}
            </p>
            <select id="field-trl" name="trl" defaultValue={params.trl ?? ''} aria-describedby="field-trl-hint">
              <option value="">{t('search.any')}</option>
              {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((level) => (
                <option key={level} value={String(level)}>
                  {t('search.trlLevel', { level })}
                </option>
              ))}
            </select>
          </div>
          <SelectField
            name="organizationId"
            label={t('search.owner')}
            emptyLabel={t('search.anyOwner')}
            defaultValue={params.organizationId}
            options={(owners.data?.items ?? []).map((owner) => ({ value: owner.id, label: owner.name }))}
          />
          <div className="field">
            <label htmlFor="field-municipality">{t('search.municipality')}</label>
            <input
              id="field-municipality"
              name="municipality"
              defaultValue={params.municipality ?? ''}
              autoComplete="address-level2"
            />
          </div>
          <fieldset className="field">
            <legend>{t('search.available')}</legend>
            <p className="hint">{t('search.availableHint')}</p>
            <DatePicker name="availableFrom" label={t('search.availableFrom')} defaultValue={params.availableFrom} />
            <DatePicker name="availableTo" label={t('search.availableTo')} defaultValue={params.availableTo} />
          </fieldset>
          <div className="actions">
            <button type="submit" className="button">
              {t('search.submit')}
            </button>
            <Link to="/search">{t('search.clear')}</Link>
          </div>
        </form>

        <section aria-labelledby="results-heading" aria-busy={results.isFetching}>
          <h2 id="results-heading" ref={resultsHeading} tabIndex={-1}>
            {results.data
              ? t('search.resultCount', { count: items.length, context: results.data.nextCursor ? 'more' : undefined })
              : t('search.results')}
          </h2>
          {params.organizationId ? (
            <p>
              {t('search.ownerFilter', { owner: ownerName ?? t('search.oneOwner') })}{' '}
              <Link to={`/search?${withoutOwner}`}>{t('search.removeOwner')}</Link>
            </p>
          ) : null}
          {page > 1 ? <p className="meta">{t('search.pageNumber', { page })}</p> : null}
          {results.isPending ? <Loading /> : null}
          {results.isError ? <ErrorMessage error={results.error} retry={() => void results.refetch()} /> : null}
          {results.data && items.length === 0 ? <Empty>{t('search.none')}</Empty> : null}
          {items.length ? (
            <ul className="results">
              {items.map((testbed) => (
                <li key={testbed.id} className="result">
                  <TestbedCard testbed={testbed} />
                </li>
              ))}
            </ul>
          ) : null}
          <div className="pager">
            {page > 1 ? <Link to={`/search?${firstPage}`}>{t('search.firstPage')}</Link> : null}
            {results.data?.nextCursor ? (
              <button type="button" className="button button--secondary" onClick={nextPage}>
                {t('search.nextPage')}
              </button>
            ) : null}
          </div>
        </section>
      </div>
    </Page>
  );
}
