import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  PILOT_EVENT_CAUSES,
  PILOT_EVENT_TYPES as API_PILOT_EVENT_TYPES,
} from '../../../../libs/pilots/src/pilot-event-facts';
import { BOOKING_EVENT_TYPES, BOOKING_REASON_CODES } from '../features/booking/eventText';
import { eventDetails, PILOT_EVENT_TYPES } from '../features/pilots/eventText';

const ROOT = resolve('apps/web/src/i18n');
const LANGUAGES = ['sv', 'en'] as const;
const read = (language: string, file: string) =>
  JSON.parse(readFileSync(join(ROOT, language, file), 'utf8')) as Record<string, unknown>;
const text = (messages: unknown, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);
const filled = (value: unknown) => typeof value === 'string' && value.trim() !== '';

describe('timeline events read in Swedish and English', () => {
  it('the page knows every pilot event type the API writes', () => {
    expect([...PILOT_EVENT_TYPES].sort()).toEqual([...API_PILOT_EVENT_TYPES].sort());
  });

  it.each(LANGUAGES)('every pilot event type and cause has a %s text, and so has an unknown type', (language) => {
    const pilots = read(language, 'pilots.json');
    const missing = [
      ...PILOT_EVENT_TYPES.map((type) => `eventTypes.${type}`),
      ...PILOT_EVENT_CAUSES.map((cause) => `eventCauses.${cause}`),
      'eventUnknown',
      'eventReason',
    ].filter((key) => !filled(text(pilots, key)));
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)(
    'every booking event type and system reason has a %s text, and so has an unknown type',
    (language) => {
      const booking = read(language, 'booking.json');
      const missing = [
        ...BOOKING_EVENT_TYPES.map((type) => `events.types.${type}`),
        ...BOOKING_REASON_CODES.map((code) => `events.reasons.${code}`),
        'events.unknown',
        'events.reason',
      ].filter((key) => !filled(text(booking, key)));
      expect(missing).toEqual([]);
    },
  );
});

describe('a pilot event about a metric', () => {
  it('names the metric by its name in the plan, and by its key once the plan no longer has it', async () => {
    const { createInstance } = await import('i18next');
    const i18n = createInstance();
    await i18n.init({ lng: 'sv', resources: { sv: { pilots: read('sv', 'pilots.json') } } });
    const event = { type: 'plan-changed', cause: 'metric-added', metricKey: 'falls', planVersion: 3 } as never;
    const names = (key: string) => (key === 'falls' ? 'Fall per månad' : undefined);
    expect(eventDetails(i18n.t, event, names)).toEqual(['Måttet Fall per månad lades till; nu gäller planversion 3.']);
    expect(eventDetails(i18n.t, { ...(event as object), metricKey: 'gone' } as never, names)).toEqual([
      'Måttet gone lades till; nu gäller planversion 3.',
    ]);
  });
});
