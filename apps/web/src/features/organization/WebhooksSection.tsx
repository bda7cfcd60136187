import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { explainConflict } from '../../ui/conflicts';
import { ErrorSummary, Field, type ShownError } from '../../ui/Form';
import { Empty, ErrorMessage, Loading, DoneNotice, QueryState } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useAddWebhook, useDeleteWebhook, useEnableWebhook, useWebhookDeliveries, useWebhooks } from './queries';
import { ShownOnce } from './ShownOnce';
import { WEBHOOK_EVENTS, type Webhook } from './types';
import { formatDateTime } from '../../ui/format';

export function WebhooksSection({ organizationId }: { organizationId: string }) {
  const { t, i18n } = useTranslation('organization');
  const webhooks = useWebhooks(organizationId);
  const add = useAddWebhook(organizationId);
  const enable = useEnableWebhook(organizationId);
  const remove = useDeleteWebhook(organizationId);
  const labels = { url: t('webhooks.url'), events: t('webhooks.events') };
  const problems = useFormProblems('organization', labels);
  const [deleting, setDeleting] = useState<Webhook | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [key, setKey] = useState(0);
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const eventName = (event: string) =>
    event === '*' ? t('webhooks.allEvents') : t(`webhooks.event.${event.replace(/\./g, '_')}`, { defaultValue: event });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    const form = new FormData(event.currentTarget);
    const body = { url: String(form.get('url') ?? '').trim(), events: form.getAll('events').map(String) };
    if (body.events.includes('*')) body.events = ['*'];
    const missing: ShownError[] = [];
    if (!body.url) missing.push({ field: 'url', label: labels.url, message: t('errors.url.required') });
    if (!body.events.length)
      missing.push({ field: 'events', label: labels.events, message: t('errors.events.required') });
    if (missing.length) return problems.setFieldErrors(missing);
    setDone(null);
    add.mutate(body, {
      onSuccess: () => {
        problems.clear();
        setKey((k) => k + 1);
      },
      onError: (error, submitted) =>
        problems.show(explainConflict(error, [[/at most/, t('webhooks.tooMany')]]), submitted),
    });
  };

  const eventsError = problems.errorFor('events');
  return (
    <>
      <section aria-labelledby="new-webhook-heading">
        <h2 id="new-webhook-heading">{t('webhooks.addTitle')}</h2>
        <p>{t('webhooks.lead')}</p>
        {add.data ? (
          <ShownOnce
            id="new-webhook-secret"
            title={t('webhooks.added', { url: add.data.url })}
            label={t('webhooks.secret')}
            value={add.data.secret}
          />
        ) : null}
        <form key={key} className="form" onSubmit={submit} noValidate>
          <ErrorSummary errors={problems.errors} general={problems.general} />
          <Field
            name="url"
            type="url"
            label={labels.url}
            hint={t('webhooks.urlHint')}
            autoComplete="off"
            inputMode="url"
            error={problems.errorFor('url')}
          />
          <fieldset
            className={eventsError ? 'field field--error' : 'field'}
            id="field-events"
            tabIndex={-1}
            aria-describedby={eventsError ? 'field-events-error' : undefined}
          >
            <legend>{labels.events}</legend>
            <p className="hint">{t('webhooks.eventsHint')}</p>
            {eventsError ? (
              <p className="field-error" id="field-events-error">
                {eventsError}
              </p>
            ) : null}
            <div className="checkbox-list">
              {['*', ...WEBHOOK_EVENTS].map((name) => (
                <label key={name}>
                  <input type="checkbox" name="events" value={name} />
                  {eventName(name)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="actions">
            <button type="submit" className="button" aria-disabled={add.isPending}>
              {add.isPending ? t('sending') : t('webhooks.add')}
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading">{t('webhooks.title')}</h2>
        {done ? <DoneNotice>{done}</DoneNotice> : null}
        {enable.isError ? <ErrorMessage error={enable.error} /> : null}
        <QueryState query={webhooks} />
        {webhooks.data && webhooks.data.items.length === 0 ? <Empty>{t('webhooks.none')}</Empty> : null}
        {webhooks.data && webhooks.data.items.length ? (
          <ul className="card-list">
            {webhooks.data.items.map((webhook) => (
              <li key={webhook.id} aria-labelledby={`webhook-${webhook.id}`}>
                <h3 id={`webhook-${webhook.id}`} className="secret">
                  {webhook.url}
                </h3>
                <p>
                  <span className={`tag tag--${webhook.status}`}>{t(`status.${webhook.status}`)}</span>
                </p>
                <p>{t('webhooks.subscribed', { events: webhook.events.map(eventName).join(', ') })}</p>
                {webhook.lastFailure && webhook.lastFailureAt ? (
                  <p>
                    {t('webhooks.failures', { count: webhook.consecutiveFailures })}{' '}
                    {t('webhooks.lastFailure', {
                      reason: t(`webhooks.reason.${webhook.lastFailure}`, { defaultValue: webhook.lastFailure }),
                      at: when(webhook.lastFailureAt),
                    })}
                  </p>
                ) : (
                  <p className="meta">{t('webhooks.noFailures')}</p>
                )}
                {webhook.status === 'disabled' ? <p>{t('webhooks.disabledHelp')}</p> : null}
                <RecentDeliveries organizationId={organizationId} webhookId={webhook.id} eventName={eventName} />
                <div className="actions">
                  {webhook.status === 'disabled' ? (
                    <button
                      type="button"
                      className="button"
                      aria-disabled={enable.isPending}
                      onClick={() =>
                        enable.mutate(webhook.id, {
                          onSuccess: () => setDone(t('webhooks.enabled', { url: webhook.url })),
                        })
                      }
                    >
                      {t('webhooks.enable')}
                    </button>
                  ) : null}
                  <button type="button" className="button button--secondary" onClick={() => setDeleting(webhook)}>
                    {t('webhooks.delete')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {deleting ? (
        <ConfirmDialog
          title={t('webhooks.deleteTitle', { url: deleting.url })}
          body={t('webhooks.deleteBody')}
          confirm={t('webhooks.deleteConfirm')}
          pending={remove.isPending}
          error={remove.error}
          onClose={() => {
            remove.reset();
            setDeleting(null);
          }}
          onConfirm={() =>
            remove.mutate(deleting.id, {
              onSuccess: () => {
                add.reset();
                setDone(t('webhooks.deleted', { url: deleting.url }));
                setDeleting(null);
              },
            })
          }
        />
      ) : null}
    </>
  );
}

/** The subscription's latest deliveries, read when the person opens the list. */
function RecentDeliveries({
  organizationId,
  webhookId,
  eventName,
}: {
  organizationId: string;
  webhookId: string;
  eventName: (event: string) => string;
}) {
  const { t, i18n } = useTranslation('organization');
  const [open, setOpen] = useState(false);
  const deliveries = useWebhookDeliveries(organizationId, webhookId, open);
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  return (
    <details className="deliveries" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('webhooks.recent')}</summary>
      {deliveries.isPending && open ? <Loading /> : null}
      {deliveries.isError ? <ErrorMessage error={deliveries.error} retry={() => void deliveries.refetch()} /> : null}
      {deliveries.data && deliveries.data.items.length === 0 ? <Empty>{t('webhooks.noDeliveries')}</Empty> : null}
      {deliveries.data && deliveries.data.items.length ? (
        <ul>
          {deliveries.data.items.map((delivery) => (
            <li key={delivery.id}>
              {t('webhooks.delivery', {
                event: eventName(delivery.event),
                at: when(delivery.createdAt),
                status: t(`webhooks.deliveryStatus.${delivery.status}`),
              })}
              {delivery.failure
                ? ` ${t('webhooks.because', { reason: t(`webhooks.reason.${delivery.failure}`, { defaultValue: delivery.failure }) })}`
                : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
