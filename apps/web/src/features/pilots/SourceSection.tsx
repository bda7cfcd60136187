import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../ui/Form';
import { formatDateTime } from '../../ui/format';
import { ErrorMessage, Loading } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
import { FormField } from '../../ui/FormField';
import { TableRegion } from './TableRegion';
import { useRegisterSource, useSourceFetches } from './queries';
import type { Pilot } from './types';

/** Where the worker pulls measurements from: register or replace it (the token is never shown back), and every fetch. */
export function SourceSection({ pilot, onDone }: { pilot: Pilot; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation('pilots');
  const fetches = useSourceFetches(pilot.id, Boolean(pilot.source));
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby="source">
      <h2 id="source">{t('sourceTitle')}</h2>
      <p>{t('sourceLead')}</p>
      {pilot.source ? (
        <dl className="facts">
          <dt>{t('sourceForm.url')}</dt>
          <dd className="break">{pilot.source.url}</dd>
          <dt>{t('sourceForm.tokenLabel')}</dt>
          <dd>{pilot.source.hasToken ? t('tokenKept') : t('noToken')}</dd>
        </dl>
      ) : (
        <p className="empty">{t('noSource')}</p>
      )}
      {pilot.permissions.manageSource && !editing ? (
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
            {pilot.source ? t('actions.replaceSource') : t('actions.registerSource')}
          </button>
        </div>
      ) : null}
      {editing ? (
        <SourceForm
          pilot={pilot}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onDone(t('done.source'));
          }}
        />
      ) : null}
      {pilot.source ? (
        <>
          <h3>{t('fetchesTitle')}</h3>
          {fetches.isPending ? <Loading /> : null}
          {fetches.isError ? <ErrorMessage error={fetches.error} retry={() => void fetches.refetch()} /> : null}
          {fetches.data && !fetches.data.items.length ? <p className="empty">{t('noFetches')}</p> : null}
          {fetches.data?.items.length ? (
            <TableRegion label={t('fetchesTitle')}>
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('fetchAt')}</th>
                    <th scope="col">{t('fetchResult')}</th>
                    <th scope="col">{t('fetchRecorded')}</th>
                    <th scope="col">{t('fetchError')}</th>
                  </tr>
                </thead>
                <tbody>
                  {fetches.data.items.map((fetch) => (
                    <tr key={fetch.id}>
                      <th scope="row">
                        {formatDateTime(fetch.startedAt, i18n.language, pilot.timezone)}
                        <br />
                        <span className="meta">
                          {t('fetchAttempt', { attempt: fetch.attempt, ms: fetch.durationMs })}
                        </span>
                      </th>
                      <td>
                        <span className={`tag tag--fetch-${fetch.outcome}`}>{t(`fetchOutcomes.${fetch.outcome}`)}</span>
                        {fetch.httpStatus ? <span className="meta"> HTTP {fetch.httpStatus}</span> : null}
                      </td>
                      <td>{t('fetchCounts', { recorded: fetch.recorded, refused: fetch.refused })}</td>
                      <td lang="en">{fetch.error ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function SourceForm({ pilot, onCancel, onSaved }: { pilot: Pilot; onCancel: () => void; onSaved: () => void }) {
  const { t } = useTranslation('pilots');
  const register = useRegisterSource(pilot.id);
  const labels = { url: t('sourceForm.url'), token: t('sourceForm.token') };
  const problems = useFormProblems('pilots', labels);
  const [url, setUrl] = useState(pilot.source?.url ?? '');
  const [token, setToken] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (register.isPending) return;
    if (!/^https?:\/\/\S+$/i.test(url.trim()))
      return problems.setFieldErrors([{ field: 'url', label: labels.url, message: t('sourceForm.urlInvalid') }]);
    register.mutate({ url: url.trim(), ...(token ? { token } : {}) }, { onSuccess: onSaved, onError: problems.show });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('sourceForm.title')}>
      <ErrorSummary errors={problems.errors} general={problems.general} />
      <FormField id="field-url" label={labels.url} hint={t('sourceForm.urlHint')} error={problems.errorFor('url')}>
        {(describedBy, invalid) => (
          <input
            id="field-url"
            type="url"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            autoComplete="url"
          />
        )}
      </FormField>
      <FormField
        id="field-token"
        label={labels.token}
        hint={pilot.source?.hasToken ? t('sourceForm.tokenHintReplace') : t('sourceForm.tokenHint')}
        error={problems.errorFor('token')}
      >
        {(describedBy, invalid) => (
          <input
            id="field-token"
            type="password"
            autoComplete="off"
            value={token}
            onChange={(event) => setToken(event.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid}
          />
        )}
      </FormField>
      <div className="actions">
        <button type="submit" className="button" aria-disabled={register.isPending}>
          {register.isPending ? t('sending') : t('sourceForm.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('cancelEdit')}
        </button>
      </div>
    </form>
  );
}
