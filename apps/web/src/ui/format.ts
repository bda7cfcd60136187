// Dates and numbers through Intl, in the person's language and the test bed's time zone.
// Times on a 24-hour clock in every language ("09:00", never "9:00 AM"): Slussen's people work in Sweden and Europe.
// Every date and time the app shows is formatted here, so no page can slip back to "9:00 AM".
const H24 = { hourCycle: 'h23' } as const;

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A formatter for these options in this language, made once (making one is costly and a
 * calendar month can list hundreds of slots); with hours, always on a 24-hour clock.
 * `timeZone` undefined means the browser's own.
 */
export function dateFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const shown = options.hour !== undefined || options.timeStyle !== undefined ? { ...options, ...H24 } : options;
  const key = `${language} ${JSON.stringify(shown)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(language, shown)));
  return format;
}

export function formatDate(iso: string, language: string, timeZone?: string): string {
  return dateFormat(language, { dateStyle: 'full', timeZone }).format(new Date(iso));
}

/** "30 nov. 2026" / "Nov 30, 2026": a day without its time. */
export function formatShortDate(iso: string, language: string, timeZone?: string): string {
  return dateFormat(language, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

export function formatDateTime(iso: string, language: string, timeZone?: string): string {
  return dateFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** "09:00": the time of day alone. */
export function formatTime(iso: string | number, language: string, timeZone?: string): string {
  return dateFormat(language, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
}

/** A calendar day (YYYY-MM-DD, no zone) in words, "måndag 7 december" with the default options. */
export function formatDay(
  day: string,
  language: string,
  options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' },
): string {
  return dateFormat(language, { ...options, timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
}

/** "mån 7 dec. 09:00 – mån 14 dec. 09:00", or one day's hours when start and end share a day. */
export function formatPeriod(startsAt: string, endsAt: string, language: string, timeZone: string): string {
  const format = dateFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** The zone's name in words with its IANA id: "centraleuropeisk tid (Europe/Stockholm)". */
export function zoneName(timeZone: string, language: string, at = new Date()): string {
  const part = dateFormat(language, { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return part ? `${part} (${timeZone})` : timeZone;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function dayIn(iso: string, timeZone: string): string {
  return dateFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}
