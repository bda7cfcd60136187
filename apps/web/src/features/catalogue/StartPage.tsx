import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Page } from '../../ui/Page';
import { useDomains } from './queries';

export function StartPage() {
  const { t, i18n } = useTranslation('catalogue');
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const domains = useDomains();
  const language = i18n.language === 'en' ? 'en' : 'sv';

  const search = (event: FormEvent) => {
    event.preventDefault();
    void navigate(q.trim() ? `/search?q=${encodeURIComponent(q.trim())}` : '/search');
  };

  return (
    <Page title={t('start.title')} lead={t('start.lead')}>
      <section className="hero" aria-labelledby="start-search">
        <h2 id="start-search" className="visually-hidden">
          {t('start.searchHeading')}
        </h2>
        <form role="search" onSubmit={search} className="search-box">
          <div className="field">
            <label htmlFor="field-q">{t('search.q')}</label>
            <p className="hint" id="field-q-hint">
              {t('start.searchHint')}
            </p>
            <input
              id="field-q"
              name="q"
              type="search"
              value={q}
              onChange={(e) => setQ(e.target.value)}
              aria-describedby="field-q-hint"
            />
          </div>
          <button type="submit" className="button">
            {t('search.submit')}
          </button>
        </form>
      </section>

      {domains.data ? (
        <section aria-labelledby="start-domains">
          <h2 id="start-domains">{t('start.byDomain')}</h2>
          <ul className="tags">
            {domains.data.items.map((domain) => (
              <li key={domain.key}>
                <Link className="tag" to={`/search?domain=${domain.key}`}>
                  {domain.labels[language]}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="start-how">
        <h2 id="start-how">{t('start.howTitle')}</h2>
        <ol>
          <li>{t('start.how1')}</li>
          <li>{t('start.how2')}</li>
          <li>{t('start.how3')}</li>
        </ol>
        <p>
          <Link to="/sign-up">{t('start.signUp')}</Link>
        </p>
      </section>
    </Page>
  );
}
