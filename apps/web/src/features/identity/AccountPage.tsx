import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import { RequireSignIn } from '../../app/RequireSignIn';
import { useSession, type Membership } from '../../app/session';
import { chooseLanguage, type Language } from '../../i18n';
import { Page } from '../../ui/Page';
import { ErrorMessage, Notice } from '../../ui/Status';

export function AccountPage() {
  return (
    <RequireSignIn>
      <Account />
    </RequireSignIn>
  );
}

function Account() {
  const { t, i18n } = useTranslation('identity');
  const { me } = useSession();
  const [saved, setSaved] = useState(false);
  if (!me) return null;
  const language = (i18n.language === 'en' ? 'en' : 'sv') as Language;

  return (
    <Page title={t('account.title')}>
      <dl className="facts">
        <dt>{t('fields.name')}</dt>
        <dd>{me.name}</dd>
        <dt>{t('fields.email')}</dt>
        <dd>{me.email}</dd>
        <dt>{t('account.organizations')}</dt>
        <dd>
          {me.memberships.map((membership) => (
            <span key={membership.organizationId}>
              {t('account.membership', { organization: membership.organizationName, role: t(`roles.${membership.role}`) })}
              <br />
            </span>
          ))}
        </dd>
      </dl>

      <section aria-labelledby="language-heading">
        <h2 id="language-heading">{t('account.language')}</h2>
        <fieldset className="field">
          <legend>{t('account.languageQuestion')}</legend>
          <p className="hint">{t('account.languageHint')}</p>
          <div className="radio-group">
            {(['sv', 'en'] as const).map((option) => (
              <label key={option} lang={option}>
                <input
                  type="radio"
                  name="language"
                  value={option}
                  checked={language === option}
                  onChange={() => {
                    chooseLanguage(option);
                    setSaved(true);
                  }}
                />
                {option === 'sv' ? 'Svenska' : 'English'}
              </label>
            ))}
          </div>
        </fieldset>
        {saved ? <Notice tone="success">{t('account.languageSaved')}</Notice> : null}
      </section>

      {/* Feed addresses are handed out by an organization's admins and managers. */}
      {me.memberships
        .filter((membership) => membership.role === 'admin' || membership.role === 'manager')
        .map((membership) => (
          <CalendarFeed key={membership.organizationId} membership={membership} />
        ))}
    </Page>
  );
}

/** The organization's calendar feed: a private address a calendar program can subscribe to. */
function CalendarFeed({ membership }: { membership: Membership }) {
  const { t } = useTranslation('identity');
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      call<{ id: string; token: string; url: string }>(api.POST('/api/v1/organizations/{id}/calendar-tokens', { params: { path: { id: membership.organizationId } } })),
  });
  const headingId = `feed-${membership.organizationId}`;

  const copy = async () => {
    const url = create.data?.url ?? '';
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      input.current?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
  };

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('feed.title', { organization: membership.organizationName })}</h2>
      <p>{t('feed.body')}</p>
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      {create.data ? (
        <>
          <div className="field">
            <label htmlFor={`${headingId}-url`}>{t('feed.address')}</label>
            <p className="hint" id={`${headingId}-hint`}>
              {t('feed.private')}
            </p>
            <div className="copy-row">
              <input ref={input} id={`${headingId}-url`} className="input" readOnly value={create.data.url} aria-describedby={`${headingId}-hint`} onFocus={(e) => e.currentTarget.select()} />
              <button type="button" className="button button--secondary" onClick={() => void copy()}>
                {t('feed.copy')}
              </button>
            </div>
          </div>
          <p role="status">{copied ? t('feed.copied') : ''}</p>
        </>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => create.mutate()} aria-disabled={create.isPending}>
          {create.isPending ? t('feed.creating') : t('feed.create')}
        </button>
      )}
    </section>
  );
}
