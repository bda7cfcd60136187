import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminTable } from '../../ui/AdminTable';
import { ErrorSummary, Field, type ShownError } from '../../ui/Form';
import { DoneNotice, QueryState } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { RoleSelect } from './MembersSection';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from './queries';
import { ShownOnce } from './ShownOnce';
import type { ApiToken, Role } from './types';
import { formatDateTime } from '../../ui/format';

export function ApiTokensSection({ organizationId }: { organizationId: string }) {
  const { t, i18n } = useTranslation('organization');
  const tokens = useApiTokens(organizationId);
  const create = useCreateApiToken(organizationId);
  const revoke = useRevokeApiToken(organizationId);
  const labels = { name: t('tokens.name'), role: t('tokens.role') };
  const problems = useFormProblems('organization', labels);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [revoked, setRevoked] = useState<string | null>(null);
  const [key, setKey] = useState(0);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : t('tokens.never'));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const form = new FormData(event.currentTarget);
    const body = { name: String(form.get('name') ?? '').trim(), role: String(form.get('role')) as Role };
    const missing: ShownError[] = [];
    if (!body.name) missing.push({ field: 'name', label: labels.name, message: t('errors.tokenName.required') });
    if (missing.length) return problems.setFieldErrors(missing);
    setRevoked(null);
    create.mutate(body, {
      onSuccess: () => {
        problems.clear();
        setKey((k) => k + 1);
      },
      onError: problems.show,
    });
  };

  return (
    <>
      <section aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">{t('tokens.createTitle')}</h2>
        <p>{t('tokens.lead')}</p>
        {create.data ? (
          <ShownOnce
            id="new-token"
            title={t('tokens.created', { name: create.data.name })}
            label={t('tokens.token')}
            value={create.data.token}
          />
        ) : null}
        <form key={key} className="form" onSubmit={submit} noValidate>
          <ErrorSummary errors={problems.errors} general={problems.general} />
          <Field
            name="name"
            label={labels.name}
            hint={t('tokens.nameHint')}
            autoComplete="off"
            error={problems.errorFor('name')}
          />
          <RoleSelect name="role" label={labels.role} defaultValue="member" error={problems.errorFor('role')} />
          <div className="actions">
            <button type="submit" className="button" aria-disabled={create.isPending}>
              {create.isPending ? t('sending') : t('tokens.create')}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="tokens-heading">
        <h2 id="tokens-heading">{t('tokens.title')}</h2>
        {revoked ? <DoneNotice>{revoked}</DoneNotice> : null}
        <QueryState query={tokens} />
        {tokens.data ? (
          <AdminTable
            labelledBy="tokens-heading"
            items={tokens.data.items}
            rowId={(token) => token.id}
            empty={t('tokens.none')}
            columns={[
              { label: t('tokens.name'), cell: (token) => token.name },
              { label: t('tokens.role'), cell: (token) => t(`roles.${token.role}`) },
              { label: t('tokens.prefix'), cell: (token) => <span className="secret">{token.tokenPrefix}…</span> },
              { label: t('tokens.lastUsed'), cell: (token) => when(token.lastUsedAt) },
              {
                label: t('tokens.status'),
                cell: (token) => (
                  <span className={`tag tag--${token.revokedAt ? 'revoked' : 'active'}`}>
                    {token.revokedAt ? t('tokens.revokedAt', { at: when(token.revokedAt) }) : t('status.active')}
                  </span>
                ),
              },
              {
                label: t('actions'),
                cell: (token) =>
                  token.revokedAt ? null : (
                    <button type="button" className="button button--secondary" onClick={() => setRevoking(token)}>
                      {t('tokens.revoke', { name: token.name })}
                    </button>
                  ),
              },
            ]}
          />
        ) : null}
      </section>

      {revoking ? (
        <ConfirmDialog
          title={t('tokens.revokeTitle', { name: revoking.name })}
          body={t('tokens.revokeBody')}
          confirm={t('tokens.revokeConfirm')}
          pending={revoke.isPending}
          error={revoke.error}
          onClose={() => {
            revoke.reset();
            setRevoking(null);
          }}
          onConfirm={() =>
            revoke.mutate(revoking.id, {
              onSuccess: () => {
                create.reset();
                setRevoked(t('tokens.revoked', { name: revoking.name }));
                setRevoking(null);
              },
            })
          }
        />
      ) : null}
    </>
  );
}
