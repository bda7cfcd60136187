import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminTable } from '../../ui/AdminTable';
import { DoneNotice, QueryState } from '../../ui/Status';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useFeedTokens, useMembers, useRevokeFeedToken, useTestbedNames } from './queries';
import type { FeedToken } from './types';
import { formatShortDate } from '../../ui/format';

export function FeedTokensSection({
  organizationId,
  organizationName,
}: {
  organizationId: string;
  organizationName: string;
}) {
  const { t, i18n } = useTranslation('organization');
  const tokens = useFeedTokens(organizationId);
  const members = useMembers(organizationId);
  const testbeds = useTestbedNames(organizationId);
  const revoke = useRevokeFeedToken(organizationId);
  const [revoking, setRevoking] = useState<FeedToken | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const date = (iso: string) => formatShortDate(iso, i18n.language);
  const feedName = (token: FeedToken) =>
    token.scope === 'organization'
      ? organizationName
      : t('feeds.testbed', { name: testbeds.data?.get(token.subjectId) ?? t('feeds.unknownTestbed') });
  const madeBy = (token: FeedToken) =>
    members.data?.items.find((member) => member.userId === token.createdByUserId)?.name ?? t('feeds.formerMember');

  return (
    <section aria-labelledby="feeds-heading">
      <h2 id="feeds-heading">{t('feeds.title')}</h2>
      <p>{t('feeds.lead')}</p>
      {done ? <DoneNotice>{done}</DoneNotice> : null}
      <QueryState query={tokens} />
      {tokens.data ? (
        <AdminTable
          labelledBy="feeds-heading"
          items={tokens.data.items}
          rowId={(token) => token.id}
          empty={t('feeds.none')}
          columns={[
            { label: t('feeds.feed'), cell: feedName },
            { label: t('feeds.madeBy'), cell: madeBy },
            {
              label: t('feeds.prefix'),
              cell: (token) => <span className="secret">{token.tokenPrefix ? `${token.tokenPrefix}…` : '–'}</span>,
            },
            { label: t('feeds.expires'), cell: (token) => date(token.expiresAt) },
            {
              label: t('feeds.status'),
              cell: (token) => <span className={`tag tag--${token.status}`}>{t(`status.${token.status}`)}</span>,
            },
            {
              label: t('actions'),
              cell: (token) =>
                token.status === 'active' ? (
                  <button type="button" className="button button--secondary" onClick={() => setRevoking(token)}>
                    {t('feeds.revokeShort')}
                    <span className="visually-hidden">
                      {' '}
                      {t('feeds.revokeWhich', { feed: feedName(token), person: madeBy(token) })}
                    </span>
                  </button>
                ) : null,
            },
          ]}
        />
      ) : null}
      {revoking ? (
        <ConfirmDialog
          title={t('feeds.revokeTitle')}
          body={t('feeds.revokeBody', { feed: feedName(revoking), person: madeBy(revoking) })}
          confirm={t('feeds.revokeConfirm')}
          pending={revoke.isPending}
          error={revoke.error}
          onClose={() => {
            revoke.reset();
            setRevoking(null);
          }}
          onConfirm={() =>
            revoke.mutate(revoking.id, {
              onSuccess: () => {
                setDone(t('feeds.revoked', { feed: feedName(revoking) }));
                setRevoking(null);
              },
            })
          }
        />
      ) : null}
    </section>
  );
}
