// Dates and numbers through Intl, in the person's language and the test bed's time zone.
// Times on a 24-hour clock in every language ("09:00", never "9:00 AM"): Slussen's people work in Sweden and Europe.
const H24 = { hourCycle: 'h23' } as const;

export function formatDate(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeZone }).format(new Date(iso));
}

export function formatDateTime(iso: string, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', ...H24, timeZone }).format(
    new Date(iso),
  );
}

/** "mån 7 dec. 09:00 – mån 14 dec. 09:00", or one day's hours when start and end share a day. */
export function formatPeriod(startsAt: string, endsAt: string, language: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...H24,
    timeZone,
  });
  return format.formatRange(new Date(startsAt), new Date(endsAt));
}

/** The zone's name in words with its IANA id: "centraleuropeisk tid (Europe/Stockholm)". */
export function zoneName(timeZone: string, language: string, at = new Date()): string {
  const part = new Intl.DateTimeFormat(language, { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return part ? `${part} (${timeZone})` : timeZone;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a time zone. */
export function dayIn(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(iso),
  );
}
