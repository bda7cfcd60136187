import { parseDate, today, type CalendarDate } from '@internationalized/date';
import { memo, useDeferredValue, useMemo } from 'react';
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
import { Link, useSearchParams } from 'react-router';
import { dayIn, formatDay, formatTime } from '../../ui/format';
import { Page } from '../../ui/Page';
import { Empty, ErrorMessage, Loading } from '../../ui/Status';
import { RequireManager, useCurrentOrganization } from './access';
import { ManageNav } from './ManageNav';
import { useOrganizationTestbeds, useSlotsOf } from './queries';
import { addDays, heldPlaces, mondayOf, slotState } from './slots';
import type { Slot, SlotState, Testbed } from './types';

const STATES: SlotState[] = ['open', 'partly', 'full', 'closed', 'past', 'cancelled'];

interface Entry {
  slot: Slot;
  testbed: Testbed;
  day: string;
  state: SlotState;
}

export function CalendarPage() {
  return (
    <RequireManager>
      <OrganizationCalendar />
    </RequireManager>
  );
}

function parseDay(value: string | null, fallback: CalendarDate): CalendarDate {
  try {
    return value ? parseDate(value) : fallback;
  } catch {
    return fallback;
  }
}

/**
 * The organization's slots as a month or week calendar (React Aria's grid),
 * and the same slots as a list grouped by day, which carries all the
 * calendar shows for screen readers. Period and view live in the address.
 */
function OrganizationCalendar() {
  const { t, i18n } = useTranslation('manage');
  const organization = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'week' ? 'week' : 'month';
  const focused = parseDay(params.get('date'), today('Europe/Stockholm'));
  const selected = params.get('day');
  const focusedDay = focused.toString();
  const from = view === 'week' ? mondayOf(focusedDay) : `${focusedDay.slice(0, 7)}-01`;
  const to = view === 'week' ? addDays(from, 7) : focused.set({ day: 1 }).add({ months: 1 }).toString();
  const window = { from: `${addDays(from, -1)}T00:00:00Z`, to: `${addDays(to, 1)}T00:00:00Z` };

  const testbeds = useOrganizationTestbeds(organization?.organizationId);
  const own = useMemo(
    () => (testbeds.data?.items ?? []).filter((testbed) => testbed.organizationId === organization?.organizationId),
    [testbeds.data, organization],
  );
  const slotQueries = useSlotsOf(own, window.from, window.to);
  const loading = testbeds.isPending || slotQueries.some((query) => query.isPending);
  const failed = testbeds.error ?? slotQueries.find((query) => query.isError)?.error;
  const dataStamp = slotQueries.map((query) => query.dataUpdatedAt).join(',');

  const entries = useMemo(() => {
    const now = Date.now();
    const list: Entry[] = [];
    own.forEach((testbed, index) => {
      for (const slot of slotQueries[index]?.data?.items ?? []) {
        const day = dayIn(slot.startsAt, testbed.timezone);
        if (day >= from && day < to) list.push({ slot, testbed, day, state: slotState(slot, now) });
      }
    });
    return list.sort(
      (a, b) => a.slot.startsAt.localeCompare(b.slot.startsAt) || a.testbed.name.localeCompare(b.testbed.name),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [own, dataStamp, from, to]);

  const byDay = useMemo(() => {
    const groups = new Map<string, Entry[]>();
    for (const entry of entries) groups.set(entry.day, [...(groups.get(entry.day) ?? []), entry]);
    return groups;
  }, [entries]);

  const set = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setParams(next, { replace: true });
  };

  const language = i18n.language;
  const dayHeading = (day: string) => formatDay(day, language);
  // The grid answers the key at once; the list (up to hundreds of rows) follows in the next render.
  const listDay = useDeferredValue(selected);
  const shownDays = listDay && byDay.has(listDay) ? [listDay] : [...byDay.keys()];
  const weekDays = Array.from({ length: 7 }, (_, index) => addDays(from, index));

  return (
    <Page title={t('calendar.title')} lead={t('calendar.lead')}>
      <ManageNav />
      <div className="calendar-toolbar" role="group" aria-label={t('calendar.view')}>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-pressed={view === 'month'}
          onClick={() => set({ view: 'month', day: null })}
        >
          {t('calendar.month')}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          aria-pressed={view === 'week'}
          onClick={() => set({ view: 'week', day: null })}
        >
          {t('calendar.week')}
        </button>
      </div>
      <ul className="legend" aria-label={t('calendar.legend')}>
        {STATES.map((state) => (
          <li key={state}>
            <span className={`dot dot--${state}`} aria-hidden="true" /> {t(`states.${state}`)}
          </li>
        ))}
      </ul>
      {loading ? <Loading /> : null}
      {failed ? <ErrorMessage error={failed} retry={() => void testbeds.refetch()} /> : null}
      <div className="org-calendar">
        {view === 'month' ? (
          <Calendar
            className="calendar calendar--org"
            aria-label={t('calendar.gridLabel')}
            focusedValue={focused}
            // Selecting a day also reports the (same) focused day; writing it again would undo the selection.
            onFocusChange={(date) => (date.toString() === focusedDay ? undefined : set({ date: date.toString() }))}
            value={selected ? parseDay(selected, focused) : null}
            onChange={(date) => set({ day: date.toString(), date: date.toString() })}
          >
            <CalendarHeader level={2} />
            <CalendarGrid>
              <CalendarGridHeader>{(day) => <CalendarHeaderCell>{day}</CalendarHeaderCell>}</CalendarGridHeader>
              <CalendarGridBody>
                {(date) => (
                  <CalendarCell date={date} className="calendar-cell calendar-cell--any org-cell">
                    {({ formattedDate, isOutsideMonth }) => (
                      <>
                        <span>{formattedDate}</span>
                        {!isOutsideMonth ? <DayDots entries={byDay.get(date.toString())} /> : null}
                      </>
                    )}
                  </CalendarCell>
                )}
              </CalendarGridBody>
            </CalendarGrid>
          </Calendar>
        ) : (
          <div className="week-nav">
            <button
              type="button"
              className="icon-button"
              aria-label={t('calendar.previousWeek')}
              onClick={() => set({ date: addDays(from, -7) })}
            >
              <span aria-hidden="true">‹</span>
            </button>
            <h2>
              {t('calendar.weekOf', {
                from: dayHeading(from),
                to: dayHeading(addDays(from, 6)),
              })}
            </h2>
            <button
              type="button"
              className="icon-button"
              aria-label={t('calendar.nextWeek')}
              onClick={() => set({ date: addDays(from, 7) })}
            >
              <span aria-hidden="true">›</span>
            </button>
            <ol className="week-strip" aria-hidden="true">
              {weekDays.map((day) => (
                <li key={day}>
                  <span>{formatDay(day, language, { weekday: 'short', day: 'numeric' })}</span>
                  <DayDots entries={byDay.get(day)} />
                </li>
              ))}
            </ol>
          </div>
        )}
        <section aria-labelledby="calendar-list-heading" className="calendar-list">
          <h2 id="calendar-list-heading">
            {listDay && byDay.has(listDay) ? dayHeading(listDay) : t('calendar.listTitle', { count: entries.length })}
          </h2>
          {selected ? (
            <p>
              <button type="button" className="link-button" onClick={() => set({ day: null })}>
                {t('calendar.showAll')}
              </button>
            </p>
          ) : null}
          {!loading && entries.length === 0 ? <Empty>{t('calendar.none')}</Empty> : null}
          {shownDays.map((day) => (
            <div key={day}>
              <h3 className="week-heading">{dayHeading(day)}</h3>
              <ul className="slot-list">
                {byDay.get(day)!.map((entry) => (
                  <SlotItem key={entry.slot.id} entry={entry} />
                ))}
              </ul>
            </div>
          ))}
        </section>
      </div>
    </Page>
  );
}

/** How many slots of each state fall on a day, as coloured dots (the list says it in words). */
function DayDots({ entries }: { entries: Entry[] | undefined }) {
  if (!entries?.length) return null;
  const counts = new Map<SlotState, number>();
  for (const entry of entries) counts.set(entry.state, (counts.get(entry.state) ?? 0) + 1);
  return (
    <span className="dots" aria-hidden="true">
      {STATES.filter((state) => counts.has(state)).map((state) => (
        <span key={state} className={`dot dot--${state}`} title={String(counts.get(state))} />
      ))}
    </span>
  );
}

/** A slot of the list; unchanged rows are not rendered again when the focus moves over the grid. */
const SlotItem = memo(function SlotItem({ entry }: { entry: Entry }) {
  const { t, i18n } = useTranslation('manage');
  const time = (iso: string) => formatTime(iso, i18n.language, entry.testbed.timezone);
  const held = heldPlaces(entry.slot);
  return (
    <li className="slot">
      <div>
        <p className="slot__when">
          {time(entry.slot.startsAt)}–{time(entry.slot.endsAt)} ·{' '}
          <Link to={`/manage/testbeds/${entry.testbed.id}`}>{entry.testbed.name}</Link>
        </p>
        <p className="slot__why">
          <span className={`slot-state slot-state--${entry.state}`}>{t(`states.${entry.state}`)}</span>{' '}
          {t('slots.held', { held, capacity: entry.slot.capacity })}
        </p>
      </div>
    </li>
  );
});
