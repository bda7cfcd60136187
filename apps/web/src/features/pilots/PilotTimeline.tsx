import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../ui/format';
import { ErrorMessage, Loading } from '../../ui/Status';
import { eventDetails, eventTitle } from './eventText';
import { usePilotEvents } from './queries';
import type { Pilot } from './types';

/** The pilot's history, every line in the reader's language. */
export function PilotTimeline({ pilot }: { pilot: Pilot }) {
  const { t, i18n } = useTranslation('pilots');
  const events = usePilotEvents(pilot.id);
  const metricName = (key: string) => pilot.metrics.find((metric) => metric.key === key)?.name;
  return (
    <section aria-labelledby="events">
      <h2 id="events">{t('eventsTitle')}</h2>
      {events.isPending ? <Loading /> : null}
      {events.isError ? <ErrorMessage error={events.error} retry={() => void events.refetch()} /> : null}
      {events.data && events.data.items.length === 0 ? <p className="empty">{t('noEvents')}</p> : null}
      {events.data?.items.length ? (
        <ol className="timeline">
          {events.data.items.map((event, index) => (
            <li key={`${event.at}-${index}`}>
              <strong>{eventTitle(t, event)}</strong>
              <br />
              <time dateTime={event.at}>{formatDateTime(event.at, i18n.language, pilot.timezone)}</time>
              {event.fromStage && event.toStage ? (
                <span className="meta">
                  {' '}
                  ·{' '}
                  {t('eventChange', {
                    from: t(`stages.${event.fromStage}`, { defaultValue: event.fromStage }),
                    to: t(`stages.${event.toStage}`, { defaultValue: event.toStage }),
                  })}
                </span>
              ) : null}
              {eventDetails(t, event, metricName).map((line) => (
                <p key={line} className="meta">
                  {line}
                </p>
              ))}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
