import { CalendarDate, parseDate, today } from '@internationalized/date';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Calendar,
  CalendarCell,
  CalendarGrid,
  CalendarGridBody,
  CalendarGridHeader,
  CalendarHeaderCell,
} from 'react-aria-components';
import { CalendarHeader } from '../../ui/CalendarHeader';
import { Link, useLocation, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { dayIn, formatPeriod, zoneName } from '../../ui/format';
import { Empty, ErrorMessage, Loading } from '../../ui/Status';
import { useSlots } from './queries';
import type { Slot, Testbed } from './types';

const BookDialog = lazy(() => import('../booking/BookDialog').then((m) => ({ default: m.BookDialog })));

/** Monday of the ISO week a day falls in, and that week's number. */
function isoWeek(day: string): { key: string; number: number; monday: string } {
  const date = new Date(`${day}T12:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7;
  const monday = new Date(date.getTime() - weekday * 86_400_000);
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  const yearStart = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 1));
  const number = Math.floor((thursday.getTime() - yearStart.getTime()) / 86_400_000 / 7) + 1;
  const mondayDay = monday.toISOString().slice(0, 10);
  return { key: mondayDay, number, monday: mondayDay };
}

/**
 * The open slots with free places, as a month calendar (React Aria's grid: full
 * keyboard and screen-reader model, dates in the person's locale) and as a list
 * grouped by week, all in the test bed's time zone, which is named.
 */
export function SlotsSection({ testbed }: { testbed: Testbed }) {
  const { t, i18n } = useTranslation('catalogue');
  const session = useSession();
  const location = useLocation();
  // Arriving from an accepted idea or need (`?idea=`), the booking is linked to it.
  const ideaId = useSearchParams()[0].get('idea') ?? undefined;
  const zone = testbed.timezone;
  const [window] = useState(() => {
    const from = new Date();
    const to = new Date(from.getTime() + Math.min(testbed.rules.maxAdvanceDays + 31, 400) * 86_400_000);
    return { from: from.toISOString(), to: to.toISOString() };
  });
  const slots = useSlots(testbed.id, window.from, window.to);
  const [selectedDay, setSelectedDay] = useState<CalendarDate | null>(null);
  const [booking, setBooking] = useState<Slot | null>(null);

  // Closed slots stay in view, said to take no bookings; cancelled ones are gone.
  const open = useMemo(() => (slots.data?.items ?? []).filter((slot) => slot.status !== 'cancelled'), [slots.data]);
  const days = useMemo(() => new Set(open.map((slot) => dayIn(slot.startsAt, zone))), [open, zone]);
  const shown = selectedDay ? open.filter((slot) => dayIn(slot.startsAt, zone) === selectedDay.toString()) : open;
  const weeks = useMemo(() => {
    const groups = new Map<string, { number: number; monday: string; slots: Slot[] }>();
    for (const slot of shown) {
      const week = isoWeek(dayIn(slot.startsAt, zone));
      const group = groups.get(week.key) ?? { number: week.number, monday: week.monday, slots: [] };
      group.slots.push(slot);
      groups.set(week.key, group);
    }
    return [...groups.values()];
  }, [shown, zone]);

  const firstDay = open.length ? parseDate(dayIn(open[0]!.startsAt, zone)) : today(zone);
  const isCompany = Boolean(session.company);
  const language = i18n.language;

  return (
    <section aria-labelledby="slots-heading">
      <h2 id="slots-heading">{t('slots.title')}</h2>
      <p>{t('common:timeZone', { zone: zoneName(zone, language) })}</p>
      {session.status === 'signedOut' ? (
        <p>
          <Link to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>{t('slots.signInToBook')}</Link>
        </p>
      ) : null}
      {session.status === 'signedIn' && session.me && !isCompany ? <p>{t('slots.companiesBook')}</p> : null}
      {slots.isPending ? <Loading /> : null}
      {slots.isError ? <ErrorMessage error={slots.error} retry={() => void slots.refetch()} /> : null}
      {slots.data && open.length === 0 ? <Empty>{t('slots.none')}</Empty> : null}
      {open.length ? (
        <div className="slots-layout">
          <div>
            <h3 id="calendar-heading">{t('slots.calendar')}</h3>
            <p className="hint" id="calendar-hint">
              {t('slots.calendarHint')}
            </p>
            <Calendar
              className="calendar"
              aria-labelledby="calendar-heading"
              aria-describedby="calendar-hint"
              defaultFocusedValue={firstDay}
              value={selectedDay}
              onChange={setSelectedDay}
              isDateUnavailable={(date) => !days.has(date.toString())}
            >
              <CalendarHeader level={4} />
              <CalendarGrid>
                <CalendarGridHeader>{(day) => <CalendarHeaderCell>{day}</CalendarHeaderCell>}</CalendarGridHeader>
                <CalendarGridBody>{(date) => <CalendarCell date={date} className="calendar-cell" />}</CalendarGridBody>
              </CalendarGrid>
            </Calendar>
            {selectedDay ? (
              <p>
                <button type="button" className="link-button" onClick={() => setSelectedDay(null)}>
                  {t('slots.showAll')}
                </button>
              </p>
            ) : null}
          </div>
          <div>
            <h3 id="slot-list-heading">
              {selectedDay
                ? t('slots.listForDay', {
                    day: new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone: 'UTC' }).format(
                      selectedDay.toDate('UTC'),
                    ),
                  })
                : t('slots.list')}
            </h3>
            {weeks.length === 0 ? <Empty>{t('slots.noneThatDay')}</Empty> : null}
            {weeks.map((week) => (
              <div key={week.monday}>
                <h4 className="week-heading">{t('slots.week', { number: week.number })}</h4>
                <ul className="slot-list">
                  {week.slots.map((slot) => (
                    <SlotRow
                      key={slot.id}
                      slot={slot}
                      zone={zone}
                      isCompany={isCompany}
                      onBook={() => setBooking(slot)}
                    />
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </div>
      ) : null}
      {booking ? (
        <Suspense fallback={null}>
          <BookDialog testbed={testbed} slot={booking} ideaId={ideaId} onClose={() => setBooking(null)} />
        </Suspense>
      ) : null}
    </section>
  );
}

function SlotRow({
  slot,
  zone,
  isCompany,
  onBook,
}: {
  slot: Slot;
  zone: string;
  isCompany: boolean;
  onBook: () => void;
}) {
  const { t, i18n } = useTranslation('catalogue');
  const period = formatPeriod(slot.startsAt, slot.endsAt, i18n.language, zone);
  const closed = slot.status === 'closed';
  const full = !closed && slot.remaining <= 0;
  // The API decides: for everyone (availability), and for a company its own answer (bookable, waitlistable).
  const judged = isCompany && slot.bookable !== undefined;
  const canBook = isCompany && slot.availability.bookable && (slot.bookable ?? true);
  const canWait = isCompany && (judged ? slot.waitlistable === true : slot.availability.reason === 'full');
  // Why it cannot be booked now, unless "closed" or "full" already says so.
  const reason = judged ? slot.reason : slot.availability.reason;
  const why = !canBook && !canWait && reason && reason !== 'full' && reason !== 'slot-closed' ? reason : null;
  return (
    <li className="slot">
      <div>
        <p className="slot__when">{period}</p>
        <p className="slot__why">
          {closed
            ? slot.closedReason
              ? t('slots.closedBecause', { reason: slot.closedReason })
              : t('slots.reasons.slot-closed')
            : full
              ? t('slots.full')
              : t('slots.free', { count: slot.remaining, capacity: slot.capacity })}
          {why ? ` ${t(`slots.reasons.${why}`, { defaultValue: why })}` : ''}
        </p>
      </div>
      {canBook ? (
        <button type="button" className="button" onClick={onBook} aria-label={t('slots.bookLabel', { period })}>
          {t('slots.book')}
        </button>
      ) : canWait ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={onBook}
          aria-label={t('slots.waitLabel', { period })}
        >
          {t('slots.wait')}
        </button>
      ) : null}
    </li>
  );
}
