import type { TFunction } from 'i18next';
import type { PilotEvent } from './types';

/** Every event type the API writes (libs/pilots pilot-event-facts, with the causes); the i18n spec holds both languages to them. */
export const PILOT_EVENT_TYPES = [
  'created',
  'plan-changed',
  'plan-approved',
  'plan-agreed',
  'running',
  'evaluating',
  'completed',
  'aborted',
] as const;

/** A pilot event's heading in the reader's language; a type the page does not know yet still reads sensibly. */
export function eventTitle(t: TFunction, event: Pick<PilotEvent, 'type'>): string {
  return (PILOT_EVENT_TYPES as readonly string[]).includes(event.type)
    ? t(`pilots:eventTypes.${event.type}`)
    : t('pilots:eventUnknown', { type: event.type });
}

/**
 * A pilot event's details in the reader's language, from the facts the API stored with it (never its English
 * `detail`); a metric by its name in the plan (`metricName`), by its key when the plan no longer has it.
 */
export function eventDetails(
  t: TFunction,
  event: PilotEvent,
  metricName?: (key: string) => string | undefined,
): string[] {
  const lines: string[] = [];
  if (event.cause && t(`pilots:eventCauses.${event.cause}`, { defaultValue: '' })) {
    lines.push(
      t(`pilots:eventCauses.${event.cause}`, {
        version: event.planVersion ?? '',
        side: event.side ? t(`pilots:sides.${event.side}`) : '',
        metric: event.metricKey ? (metricName?.(event.metricKey) ?? event.metricKey) : '',
        result: event.result ? t(`pilots:results.${event.result}`) : '',
        status: event.bookingStatus
          ? t(`booking:status.${event.bookingStatus}`, { defaultValue: event.bookingStatus })
          : '',
      }),
    );
  }
  if (event.reason) lines.push(t('pilots:eventReason', { reason: event.reason }));
  return lines;
}
