import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Empty, ErrorMessage, Loading } from '../../ui/Status';
import { FormField } from '../../ui/FormField';
import { useUserSearch } from './queries';

export function PeopleSection() {
  const { t } = useTranslation('platform');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [cursors, setCursors] = useState<string[]>([]);
  const [tooShort, setTooShort] = useState(false);
  const found = useUserSearch(q, cursors.at(-1));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('q') ?? '').trim();
    setTooShort(value.length < 2);
    if (value.length < 2) return;
    setCursors([]);
    setParams({ tab: 'people', q: value }, { replace: true });
  };

  return (
    <section aria-labelledby="people-heading">
      <h2 id="people-heading">{t('people.title')}</h2>
      <form className="form" role="search" aria-labelledby="people-heading" onSubmit={submit} noValidate>
        <FormField
          id="field-q"
          label={t('people.q')}
          hint={t('people.qHint')}
          error={tooShort ? t('people.tooShort') : null}
        >
          {(describedBy, invalid) => (
            <div className="copy-row">
              <input
                id="field-q"
                name="q"
                type="search"
                defaultValue={q}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              />
              <button type="submit" className="button">
                {t('people.search')}
              </button>
            </div>
          )}
        </FormField>
      </form>
      {q && found.isPending ? <Loading /> : null}
      {found.isError ? <ErrorMessage error={found.error} retry={() => void found.refetch()} /> : null}
      {found.data && found.data.items.length === 0 ? <Empty>{t('people.none', { q })}</Empty> : null}
      {found.data && found.data.items.length ? (
        <>
          <p role="status">
            <strong>{t('people.results', { q })}</strong>
          </p>
          <ul className="card-list">
            {found.data.items.map((user) => (
              <li key={user.id}>
                <h3>
                  {user.name} {user.platformAdmin ? <span className="tag">{t('people.platformAdmin')}</span> : null}
                </h3>
                <p>{user.email}</p>
                {user.memberships.length ? (
                  <ul>
                    {user.memberships.map((membership) => (
                      <li key={membership.organizationId}>
                        <Link to={`/organization/${membership.organizationId}`}>{membership.organizationName}</Link>
                        {` (${t(`kinds.${membership.kind}`)}): ${t(`roles.${membership.role}`)}`}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="meta">{t('people.noOrganizations')}</p>
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <nav className="pager" aria-label={t('people.pages')}>
        {cursors.length ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setCursors((list) => list.slice(0, -1))}
          >
            {t('people.previous')}
          </button>
        ) : null}
        {found.data?.nextCursor ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setCursors((list) => [...list, found.data!.nextCursor!])}
          >
            {t('people.next')}
          </button>
        ) : null}
      </nav>
    </section>
  );
}
