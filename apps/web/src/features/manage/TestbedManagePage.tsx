import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isProblem } from '../../api/problem';
import { formatPeriod } from '../../ui/format';
import { Page } from '../../ui/Page';
import { describeProblem } from '../../ui/problems';
import { Empty, ErrorMessage, Loading, DoneNotice, Notice } from '../../ui/Status';
import { RequireManager } from './access';
import { ManageNav } from './ManageNav';
import { useManagedBookings, useManagedSlots, useSlotOpening, useTestbedStatusChange } from './queries';
import { SeriesForm } from './SeriesForm';
import { SlotReasonDialog } from './SlotReasonDialog';
import { heldPlaces, slotState } from './slots';
import { WithTestbed } from './WithTestbed';
import type { ManagedBooking, Slot, Testbed } from './types';

export function TestbedManagePage() {
  const { id } = useParams();
  return (
    <RequireManager>
      <WithTestbed key={id} id={id!}>
        {(testbed) => (
          <Page title={testbed.name} lead={testbed.summary}>
            <ManageNav />
            <StatusPanel testbed={testbed} />
            {testbed.status !== 'retired' ? <SeriesForm testbed={testbed} /> : null}
            <SlotTable testbed={testbed} />
          </Page>
        )}
      </WithTestbed>
    </RequireManager>
  );
}

function StatusPanel({ testbed }: { testbed: Testbed }) {
  const { t } = useTranslation('manage');
  const [params] = useSearchParams();
  const change = useTestbedStatusChange(testbed.id);
  const [confirmRetire, setConfirmRetire] = useState(false);
  const failure = change.error;
  return (
    <section aria-labelledby="status-heading" className="manage-panel">
      <h2 id="status-heading">{t('testbed.statusTitle')}</h2>
      {params.get('saved') ? <Notice tone="success">{t('testbed.saved')}</Notice> : null}
      <p>
        {t('testbed.status')}{' '}
        <span className={`tag tag--status tag--tb-${testbed.status}`}>{t(`testbedStatus.${testbed.status}`)}</span>
      </p>
      <p className="hint">{t(`testbed.statusHint.${testbed.status}`)}</p>
      {change.isSuccess ? (
        <Notice tone="success">{t(`testbed.changed.${change.data.status}`, { defaultValue: '' })}</Notice>
      ) : null}
      {failure ? (
        <div className="notice notice--error" role="alert">
          <p>{describeProblem(t, failure)}</p>
          {isProblem(failure) && failure.errors.length ? (
            <ul>
              {failure.errors.map((error) => (
                <li key={error.field}>
                  {t(`errors.publish.${error.field}`, { defaultValue: `${error.field}: ${error.message}` })}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="actions">
        {testbed.status !== 'retired' ? (
          <Link className="button button--secondary" to={`/manage/testbeds/${testbed.id}/edit`}>
            {t('testbed.edit')}
          </Link>
        ) : null}
        <Link className="button button--secondary" to={`/manage/testbeds/${testbed.id}/preview`}>
          {t('testbed.preview')}
        </Link>
        {testbed.status === 'draft' ? (
          <button
            type="button"
            className="button"
            aria-disabled={change.isPending}
            onClick={() => !change.isPending && change.mutate('publish')}
          >
            {t('testbed.publish')}
          </button>
        ) : null}
        {testbed.status === 'published' && !confirmRetire ? (
          <button type="button" className="button button--warning" onClick={() => setConfirmRetire(true)}>
            {t('testbed.retire')}
          </button>
        ) : null}
      </div>
      {confirmRetire && testbed.status === 'published' ? (
        <div className="notice" role="group" aria-labelledby="retire-question">
          <p id="retire-question">{t('testbed.retireQuestion')}</p>
          <div className="actions">
            <button
              type="button"
              className="button button--warning"
              onClick={() => change.mutate('retire', { onSettled: () => setConfirmRetire(false) })}
            >
              {t('testbed.retireConfirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirmRetire(false)}>
              {t('testbed.retireKeep')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}

function SlotTable({ testbed }: { testbed: Testbed }) {
  const { t, i18n } = useTranslation('manage');
  const [window] = useState(() => ({
    from: new Date(Date.now() - 31 * 86_400_000).toISOString(),
    to: new Date(Date.now() + 800 * 86_400_000).toISOString(),
  }));
  const slots = useManagedSlots(testbed.id, window.from, window.to);
  const waiting = useManagedBookings({ testbedId: testbed.id, status: 'waitlisted' });
  const [acting, setActing] = useState<{ kind: 'close' | 'cancel'; slot: Slot } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const waitingBySlot = useMemo(() => {
    const groups = new Map<string, ManagedBooking[]>();
    for (const booking of waiting.data?.items ?? [])
      groups.set(booking.slotId, [...(groups.get(booking.slotId) ?? []), booking]);
    for (const list of groups.values()) list.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    return groups;
  }, [waiting.data]);
  const now = Date.now();
  const zone = testbed.timezone;
  return (
    <section aria-labelledby="slot-table-heading" className="manage-panel">
      <h2 id="slot-table-heading">{t('slots.listTitle')}</h2>
      {done ? <DoneNotice>{done}</DoneNotice> : null}
      {slots.isPending ? <Loading /> : null}
      {slots.isError ? <ErrorMessage error={slots.error} retry={() => void slots.refetch()} /> : null}
      {slots.data && slots.data.items.length === 0 ? <Empty>{t('slots.none')}</Empty> : null}
      {slots.data?.items.length ? (
        <div className="table-wrap">
          <table className="table slot-table">
            <caption className="visually-hidden">{t('slots.listCaption', { name: testbed.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('slots.when')}</th>
                <th scope="col">{t('slots.places')}</th>
                <th scope="col">{t('slots.state')}</th>
                <th scope="col">{t('slots.waiting')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('slots.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {slots.data.items.map((slot) => {
                const state = slotState(slot, now);
                const period = formatPeriod(slot.startsAt, slot.endsAt, i18n.language, zone);
                const queue = waitingBySlot.get(slot.id) ?? [];
                return (
                  <tr key={slot.id}>
                    <td>{period}</td>
                    <td>{t('slots.held', { held: heldPlaces(slot), capacity: slot.capacity })}</td>
                    <td>
                      <span className={`slot-state slot-state--${state}`}>{t(`states.${state}`)}</span>
                      {slot.status === 'closed' ? (
                        <p className="hint slot-closed-reason">
                          {slot.closedReason
                            ? t('slots.closedBecause', { reason: slot.closedReason })
                            : t('slots.closedHint')}
                        </p>
                      ) : null}
                    </td>
                    <td>
                      {queue.length ? (
                        <details>
                          <summary>{t('slots.waitingCount', { count: queue.length })}</summary>
                          <ol>
                            {queue.map((booking) => (
                              <li key={booking.id}>
                                {booking.organizationName ?? booking.organizationId}: {booking.title}
                              </li>
                            ))}
                          </ol>
                        </details>
                      ) : (
                        t('slots.noWaiting')
                      )}
                    </td>
                    <td>
                      {slot.status !== 'cancelled' && state !== 'past' ? (
                        <div className="actions slot-actions">
                          {slot.status === 'open' ? (
                            <button
                              type="button"
                              className="button button--secondary button--small"
                              onClick={() => setActing({ kind: 'close', slot })}
                              aria-label={t('slots.closeLabel', { period })}
                            >
                              {t('slots.close')}
                            </button>
                          ) : (
                            <ReopenButton slot={slot} period={period} />
                          )}
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() => setActing({ kind: 'cancel', slot })}
                            aria-label={t('slots.cancelLabel', { period })}
                          >
                            {t('slots.cancel')}
                          </button>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      {acting ? (
        <SlotReasonDialog
          kind={acting.kind}
          slotId={acting.slot.id}
          period={formatPeriod(acting.slot.startsAt, acting.slot.endsAt, i18n.language, zone)}
          booked={heldPlaces(acting.slot) + (waitingBySlot.get(acting.slot.id)?.length ?? 0)}
          onDone={() => {
            const period = formatPeriod(acting.slot.startsAt, acting.slot.endsAt, i18n.language, zone);
            setActing(null);
            setDone(t(acting.kind === 'close' ? 'closeSlot.done' : 'cancelSlot.done', { period }));
          }}
          onClose={() => setActing(null)}
        />
      ) : null}
    </section>
  );
}

/** Opens a closed slot to bookings again at once; a refusal (its places no longer fit the test bed, say) is said beside it. */
function ReopenButton({ slot, period }: { slot: Slot; period: string }) {
  const { t } = useTranslation('manage');
  const reopen = useSlotOpening(slot.id);
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-disabled={reopen.isPending}
        onClick={() => !reopen.isPending && reopen.mutate({ close: false })}
        aria-label={t('slots.reopenLabel', { period })}
      >
        {t('slots.reopen')}
      </button>
      {reopen.isError ? (
        <p className="field-error" role="alert">
          {describeProblem(t, reopen.error)}
        </p>
      ) : null}
    </>
  );
}
