import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { call } from '../../api/problem';
import type { Membership } from '../../app/session';
import { useTestbed } from '../catalogue/queries';
import { Empty, ErrorMessage, Loading } from '../../ui/Status';
import { formatShortDate } from '../../ui/format';

/**
 * The organization's calendar feeds: the addresses already handed out (revoke
 * one that leaked or is no longer used) and a new one, shown once to copy.
 */
export function CalendarFeeds({ membership }: { membership: Membership }) {
  const { t, i18n } = useTranslation('identity');
  const queryClient = useQueryClient();
  const id = membership.organizationId;
  const key = ['calendar-tokens', id];
  const tokens = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      call(api.GET('/api/v1/organizations/{id}/calendar-tokens', { params: { path: { id } }, signal })),
  });
  const create = useMutation({
    mutationFn: () => call(api.POST('/api/v1/organizations/{id}/calendar-tokens', { params: { path: { id } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  const revoke = useMutation({
    mutationFn: (tokenId: string) =>
      call(api.DELETE('/api/v1/organizations/{id}/calendar-tokens/{tokenId}', { params: { path: { id, tokenId } } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  const [revoked, setRevoked] = useState<string | null>(null);
  const headingId = `feed-${id}`;
  const date = (iso: string) => formatShortDate(iso, i18n.language);
  const active = (tokens.data?.items ?? []).filter((token) => token.status === 'active');

  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('feed.title', { organization: membership.organizationName })}</h2>
      <p>{t('feed.body')}</p>
      <h3>{t('feed.existing')}</h3>
      {tokens.isPending ? <Loading /> : null}
      {tokens.isError ? <ErrorMessage error={tokens.error} retry={() => void tokens.refetch()} /> : null}
      {tokens.data && active.length === 0 ? <Empty>{t('feed.none')}</Empty> : null}
      {active.length ? (
        <ul className="token-list">
          {active.map((token) => {
            const what = token.scope === 'organization' ? t('feed.organizationFeed') : t('feed.testbedFeed');
            return (
              <li key={token.id} className="token-list__item">
                <p>
                  <strong>{token.scope === 'organization' ? what : <TestbedFeedName id={token.subjectId} />}</strong>
                  {token.tokenPrefix ? (
                    <span className="meta"> · {t('feed.startsWith', { prefix: token.tokenPrefix })}</span>
                  ) : null}
                  <br />
                  <span className="meta">
                    {t('feed.dates', { created: date(token.createdAt), expires: date(token.expiresAt) })}
                  </span>
                </p>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label={t('feed.revokeNamed', { what, created: date(token.createdAt) })}
                  aria-disabled={revoke.isPending}
                  onClick={() => {
                    if (revoke.isPending) return;
                    revoke.mutate(token.id, { onSuccess: () => setRevoked(what) });
                  }}
                >
                  {t('feed.revoke')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
      {revoke.isError ? <ErrorMessage error={revoke.error} /> : null}
      <p role="status">{revoked ? t('feed.revoked') : ''}</p>
      {create.isError ? <ErrorMessage error={create.error} /> : null}
      {create.data ? (
        <NewFeed url={create.data.url} headingId={headingId} />
      ) : (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => (create.isPending ? undefined : create.mutate())}
          aria-disabled={create.isPending}
        >
          {create.isPending ? t('feed.creating') : t('feed.create')}
        </button>
      )}
    </section>
  );
}

/** "The calendar of Solgården" for a test bed's feed, by the test bed's name once it is known. */
function TestbedFeedName({ id }: { id: string }) {
  const { t } = useTranslation('identity');
  const testbed = useTestbed(id);
  return <>{testbed.data ? t('feed.testbedFeedNamed', { testbed: testbed.data.name }) : t('feed.testbedFeed')}</>;
}

/** A feed address just made: shown once, to copy into a calendar program. */
function NewFeed({ url, headingId }: { url: string; headingId: string }) {
  const { t } = useTranslation('identity');
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      input.current?.select();
      document.execCommand?.('copy');
    }
    setCopied(true);
  };
  return (
    <>
      <div className="field">
        <label htmlFor={`${headingId}-url`}>{t('feed.address')}</label>
        <p className="hint" id={`${headingId}-hint`}>
          {t('feed.private')}
        </p>
        <div className="copy-row">
          <input
            ref={input}
            id={`${headingId}-url`}
            className="input"
            readOnly
            value={url}
            aria-describedby={`${headingId}-hint`}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button type="button" className="button button--secondary" onClick={() => void copy()}>
            {t('feed.copy')}
          </button>
        </div>
      </div>
      <p role="status">{copied ? t('feed.copied') : ''}</p>
    </>
  );
}
