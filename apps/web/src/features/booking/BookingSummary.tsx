import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../../ui/format';
import type { Booking } from './types';

export function StatusTag({ status }: { status: Booking['status'] }) {
  const { t } = useTranslation('booking');
  return <span className={`tag tag--status tag--${status}`}>{t(`status.${status}`)}</span>;
}

/** When a booking's slot lies, in its test bed's time zone. */
export function bookingPeriod(booking: Booking, language: string, fallbackZone?: string): string | null {
  const startsAt = booking.slotStartsAt ?? booking.startsAt;
  const endsAt = booking.slotEndsAt ?? booking.endsAt;
  const zone = booking.testbedTimezone ?? fallbackZone ?? 'Europe/Stockholm';
  return startsAt && endsAt ? formatPeriod(startsAt, endsAt, language, zone) : null;
}
