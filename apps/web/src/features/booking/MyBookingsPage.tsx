import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RequireSignIn } from '../../app/RequireSignIn';
import { Page } from '../../ui/Page';
import { Empty, ErrorMessage, Loading } from '../../ui/Status';
import { bookingPeriod, StatusTag } from './BookingSummary';
import { ACTIVE, useMyBookings } from './queries';
import type { Booking } from './types';

export function MyBookingsPage() {
  return (
    <RequireSignIn company>
      <MyBookings />
    </RequireSignIn>
  );
}

function MyBookings() {
  const { t, i18n } = useTranslation('booking');
  const bookings = useMyBookings();
  const items = bookings.data?.items ?? [];
  const active = items.filter((booking) => ACTIVE.includes(booking.status));
  const past = items.filter((booking) => !ACTIVE.includes(booking.status));

  const list = (rows: Booking[]) => (
    <ul className="booking-list">
      {rows.map((booking) => (
        <li key={booking.id} className="booking-card">
          <h3>
            <Link to={`/bookings/${booking.id}`}>{booking.title}</Link>
          </h3>
          <p>
            <StatusTag status={booking.status} /> {booking.testbedName ?? null}
          </p>
          <p className="meta">{bookingPeriod(booking, i18n.language)}</p>
        </li>
      ))}
    </ul>
  );

  return (
    <Page title={t('mine.title')} lead={t('mine.lead')}>
      {bookings.isPending ? <Loading /> : null}
      {bookings.isError ? <ErrorMessage error={bookings.error} retry={() => void bookings.refetch()} /> : null}
      {bookings.data && items.length === 0 ? (
        <Empty>
          {t('mine.none')} <Link to="/search">{t('mine.findTestbed')}</Link>
        </Empty>
      ) : null}
      {active.length ? (
        <section aria-labelledby="active-heading">
          <h2 id="active-heading">{t('mine.active')}</h2>
          {list(active)}
        </section>
      ) : null}
      {past.length ? (
        <section aria-labelledby="past-heading">
          <h2 id="past-heading">{t('mine.past')}</h2>
          {list(past)}
        </section>
      ) : null}
    </Page>
  );
}
