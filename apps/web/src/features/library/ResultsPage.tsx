import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAddressSearch, useFocusAfterSearch } from '../../ui/useAddressSearch';
import { useSession } from '../../app/session';
import { Page } from '../../ui/Page';
import { Empty, ErrorMessage, Loading } from '../../ui/Status';
import { readsSpread } from './access';
import { useDomainLabels, useResults } from './queries';
import { ResultCard } from './ResultCard';
import { ENVIRONMENT_TYPES, OUTCOMES, SEARCH_KEYS, type ResultSearch } from './types';
import './library.css';

/** The public results library: Swedish full-text search and filters, all in the address. */
export function ResultsPage() {
  const { t, i18n } = useTranslation('library');
  const { me } = useSession();
  const { searchParams, params, search, go, asked } = useAddressSearch<ResultSearch>(SEARCH_KEYS);
  const results = useResults(params);
  const domains = useDomainLabels();
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const resultsHeading = useFocusAfterSearch(asked, results.isFetching);

  const nextPage = () => {
    const next = new URLSearchParams(searchParams);
    next.set('cursor', results.data!.nextCursor!);
    go(next);
  };
  const firstPage = new URLSearchParams(searchParams);
  firstPage.delete('cursor');
  const items = results.data?.items ?? [];

  return (
    <Page title={t('list.title')} lead={t('list.lead')}>
      {readsSpread(me) ? (
        <p>
          <Link to="/results/spread">{t('spread.title')}</Link>
        </p>
      ) : null}
      <div className="search-layout">
        <form
          role="search"
          aria-label={t('list.formLabel')}
          onSubmit={search}
          key={searchParams.toString()}
          className="filters"
        >
          <div className="field">
            <label htmlFor="field-q">{t('list.q')}</label>
            <p className="hint" id="field-q-hint">
              {t('list.qHint')}
            </p>
            <input id="field-q" name="q" type="search" defaultValue={params.q ?? ''} aria-describedby="field-q-hint" />
          </div>
          <FilterSelect
            name="domain"
            label={t('list.domain')}
            any={t('list.any')}
            value={params.domain}
            options={(domains.data?.items ?? []).map((domain) => [domain.key, domain.labels[language]])}
          />
          <FilterSelect
            name="environmentType"
            label={t('list.environmentType')}
            any={t('list.any')}
            value={params.environmentType}
            options={ENVIRONMENT_TYPES.map((type) => [type, t(`environment.${type}`)])}
          />
          <FilterSelect
            name="outcome"
            label={t('list.outcome')}
            any={t('list.any')}
            value={params.outcome}
            options={OUTCOMES.map((outcome) => [outcome, t(`outcomes.${outcome}`)])}
          />
          <div className="actions">
            <button type="submit" className="button">
              {t('list.submit')}
            </button>
            <Link to="/results">{t('list.clear')}</Link>
          </div>
        </form>

        <section aria-labelledby="results-heading" aria-busy={results.isFetching}>
          <h2 id="results-heading" ref={resultsHeading} tabIndex={-1}>
            {results.data
              ? t('list.resultCount', { count: items.length, context: results.data.nextCursor ? 'more' : undefined })
              : t('list.results')}
          </h2>
          {results.isPending ? <Loading /> : null}
          {results.isError ? <ErrorMessage error={results.error} retry={() => void results.refetch()} /> : null}
          {results.data && items.length === 0 ? <Empty>{t('list.none')}</Empty> : null}
          {items.length ? (
            <ul className="results">
              {items.map((result) => (
                <li key={result.id} className="result">
                  <ResultCard result={result} />
                </li>
              ))}
            </ul>
          ) : null}
          <div className="pager">
            {params.cursor ? <Link to={`/results?${firstPage}`}>{t('list.firstPage')}</Link> : null}
            {results.data?.nextCursor ? (
              <button type="button" className="button button--secondary" onClick={nextPage}>
                {t('list.nextPage')}
              </button>
            ) : null}
          </div>
        </section>
      </div>
    </Page>
  );
}

/** One filter of the search: a native select whose first choice, `any`, filters nothing; a value not (yet) listed stays chosen. */
function FilterSelect({
  name,
  label,
  any,
  value,
  options,
}: {
  name: string;
  label: string;
  any: string;
  value: string | undefined;
  options: Array<[string, string]>;
}) {
  const shown =
    value && !options.some(([key]) => key === value) ? [...options, [value, value] as [string, string]] : options;
  return (
    <div className="field">
      <label htmlFor={`field-${name}`}>{label}</label>
      <select id={`field-${name}`} name={name} defaultValue={value ?? ''}>
        <option value="">{any}</option>
        {shown.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
