import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { QueryFailure } from '../../app/QueryFailure';
import { RequireSignIn } from '../../app/RequireSignIn';
import { formatDateTime, zoneName } from '../../ui/format';
import { Page } from '../../ui/Page';
import { ErrorMessage, Loading, Notice } from '../../ui/Status';
import { bookingPeriod, StatusTag } from './BookingSummary';
import { CancelDialog } from './CancelDialog';
import { bookingEventReason, bookingEventTitle } from './eventText';
import { ACTIVE, useBooking, useBookingEvents, useBookingTestbed } from './queries';
import { RescheduleDialog } from './RescheduleDialog';

export function BookingPage() {
  return (
    <RequireSignIn>
      <BookingDetails />
    </RequireSignIn>
  );
}

function BookingDetails() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('booking');
  const booking = useBooking(id);
  const events = useBookingEvents(id);
  const testbed = useBookingTestbed(booking.data);
  const [dialog, setDialog] = useState<'cancel' | 'reschedule' | null>(null);
  const [changed, setChanged] = useState<string | null>(null);

  if (booking.isError)
    return <QueryFailure error={booking.error} title={t('details.errorTitle')} retry={() => void booking.refetch()} />;
  if (!booking.data) return <Loading />;
  const b = booking.data;
  const zone = b.testbedTimezone ?? testbed.data?.timezone ?? 'Europe/Stockholm';
  const testbedName = b.testbedName ?? testbed.data?.name;
  const active = ACTIVE.includes(b.status);

  return (
    <Page title={b.title}>
      {changed ? <Notice tone="success">{changed}</Notice> : null}
      <dl className="facts">
        <dt>{t('details.status')}</dt>
        <dd>
          <StatusTag status={b.status} />
          <p className="hint">{t(`statusExplained.${b.status}`)}</p>
        </dd>
        <dt>{t('details.testbed')}</dt>
        <dd>
          <Link to={`/testbeds/${b.testbedId}`}>{testbedName ?? t('details.openTestbed')}</Link>
        </dd>
        <dt>{t('details.when')}</dt>
        <dd>
          {bookingPeriod(b, i18n.language, zone)}
          <br />
          <span className="meta">{t('common:timeZone', { zone: zoneName(zone, i18n.language) })}</span>
        </dd>
        {b.decisionDueAt && b.status === 'pending' ? (
          <>
            <dt>{t('details.decisionDue')}</dt>
            <dd>{formatDateTime(b.decisionDueAt, i18n.language, zone)}</dd>
          </>
        ) : null}
        {b.ideaId ? (
          <>
            <dt>{t('details.idea')}</dt>
            <dd>
              <Link to={`/ideas/${b.ideaId}`}>{t('details.openIdea')}</Link>
            </dd>
          </>
        ) : null}
        {b.description ? (
          <>
            <dt>{t('form.description')}</dt>
            <dd>{b.description}</dd>
          </>
        ) : null}
      </dl>

      {active ? (
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => setDialog('reschedule')}>
            {t('details.reschedule')}
          </button>
          <button type="button" className="button button--warning" onClick={() => setDialog('cancel')}>
            {t('details.cancel')}
          </button>
        </div>
      ) : null}

      <section aria-labelledby="events-heading">
        <h2 id="events-heading">{t('events.title')}</h2>
        {events.isPending ? <Loading /> : null}
        {events.isError ? <ErrorMessage error={events.error} retry={() => void events.refetch()} /> : null}
        {events.data ? (
          <ol className="timeline">
            {events.data.items.map((event, index) => (
              <li key={`${event.at}-${index}`}>
                <strong>{bookingEventTitle(t, event)}</strong>
                <br />
                <time dateTime={event.at}>{formatDateTime(event.at, i18n.language, zone)}</time>
                {event.fromStatus && event.fromStatus !== event.toStatus ? (
                  <span className="meta">
                    {' '}
                    · {t('events.change', { from: t(`status.${event.fromStatus}`), to: t(`status.${event.toStatus}`) })}
                  </span>
                ) : null}
                {event.reason || event.reasonCode ? <p className="meta">{bookingEventReason(t, event)}</p> : null}
              </li>
            ))}
          </ol>
        ) : null}
      </section>

      {dialog === 'cancel' ? (
        <CancelDialog
          bookingId={b.id}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setChanged(t('cancel.done'));
          }}
        />
      ) : null}
      {dialog === 'reschedule' ? (
        <RescheduleDialog
          booking={b}
          zone={zone}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            setChanged(t('reschedule.done'));
          }}
        />
      ) : null}
    </Page>
  );
}
