import { formatInstant, renderMail, type Audience, type Language } from '@slussen/notifications';

export type BookingTopic =
  | 'requested'
  | 'confirmed'
  | 'rejected'
  | 'waitlisted'
  | 'promoted'
  | 'cancelled'
  | 'expired'
  | 'rescheduled'
  | 'starts-soon'
  | 'decision-due'
  | 'slot-closed'
  | 'slot-reopened';

/** Who hears of each change: the booking company, the test bed's managers, or both. */
export const AUDIENCE: Record<BookingTopic, Audience[]> = {
  requested: ['company', 'managers'],
  confirmed: ['company'],
  rejected: ['company'],
  waitlisted: ['company'],
  promoted: ['company', 'managers'],
  cancelled: ['company', 'managers'],
  expired: ['company', 'managers'],
  rescheduled: ['company', 'managers'],
  'starts-soon': ['company', 'managers'],
  'decision-due': ['managers'],
  'slot-closed': ['company'],
  'slot-reopened': ['company'],
};

export interface BookingMailData {
  topic: BookingTopic;
  audience: Audience;
  recipientName: string;
  title: string;
  status: string;
  testbedName: string;
  timezone: string;
  startsAt: string;
  endsAt: string;
  decisionDueAt: string | null;
  reason: string | null;
  link: string;
}

const SUBJECTS: Record<Language, Record<BookingTopic, string>> = {
  sv: {
    requested: 'Ny bokningsförfrågan',
    confirmed: 'Bokningen är bekräftad',
    rejected: 'Bokningen avslogs',
    waitlisted: 'Du står på väntelistan',
    promoted: 'En plats har blivit ledig',
    cancelled: 'Bokningen är avbokad',
    expired: 'Förfrågan har gått ut',
    rescheduled: 'Bokningen är flyttad',
    'starts-soon': 'Påminnelse: piloten börjar snart',
    'decision-due': 'Påminnelse: en förfrågan väntar på beslut',
    'slot-closed': 'Tiden är stängd för nya bokningar',
    'slot-reopened': 'Tiden är öppen för bokningar igen',
  },
  en: {
    requested: 'New booking request',
    confirmed: 'Booking confirmed',
    rejected: 'Booking rejected',
    waitlisted: 'You are on the waiting list',
    promoted: 'A place has become free',
    cancelled: 'Booking cancelled',
    expired: 'Request expired',
    rescheduled: 'Booking moved',
    'starts-soon': 'Reminder: the pilot starts soon',
    'decision-due': 'Reminder: a request awaits your decision',
    'slot-closed': 'The slot is closed to new bookings',
    'slot-reopened': 'The slot is open for bookings again',
  },
};

const LINES: Record<Language, Record<BookingTopic, (data: BookingMailData) => string>> = {
  sv: {
    requested: (d) =>
      d.audience === 'managers'
        ? `Ett företag vill boka ${d.testbedName}. Besluta senast ${when(d.decisionDueAt, d, 'sv')}.`
        : `Vi har tagit emot er förfrågan om ${d.testbedName}. Testbädden beslutar senast ${when(d.decisionDueAt, d, 'sv')}.`,
    confirmed: (d) => `Er pilot i ${d.testbedName} är bekräftad. En kalenderfil finns bifogad.`,
    rejected: (d) => `Er förfrågan om ${d.testbedName} avslogs.`,
    waitlisted: (d) =>
      `Alla platser i ${d.testbedName} är bokade. Ni står på väntelistan och får besked om en plats blir ledig.`,
    promoted: (d) =>
      `En plats i ${d.testbedName} har blivit ledig och gått till ${d.audience === 'managers' ? 'nästa företag på väntelistan' : 'er'}. Status: ${d.status}.`,
    cancelled: (d) => `Bokningen i ${d.testbedName} är avbokad.`,
    expired: (d) => `Förfrågan om ${d.testbedName} fick inget beslut i tid och har gått ut.`,
    rescheduled: (d) => `Bokningen i ${d.testbedName} är flyttad. Status: ${d.status}.`,
    'starts-soon': (d) => `Piloten i ${d.testbedName} börjar ${when(d.startsAt, d, 'sv')}.`,
    'decision-due': (d) =>
      `En förfrågan om ${d.testbedName} behöver beslut senast ${when(d.decisionDueAt, d, 'sv')}, annars går den ut.`,
    'slot-closed': (d) =>
      `Testbädden ${d.testbedName} har stängt er tid för nya bokningar. Er bokning står kvar. Status: ${d.status}.`,
    'slot-reopened': (d) => `Testbädden ${d.testbedName} har öppnat er tid för bokningar igen. Status: ${d.status}.`,
  },
  en: {
    requested: (d) =>
      d.audience === 'managers'
        ? `A company wants to book ${d.testbedName}. Please decide by ${when(d.decisionDueAt, d, 'en')}.`
        : `We have received your request for ${d.testbedName}. The test bed decides by ${when(d.decisionDueAt, d, 'en')}.`,
    confirmed: (d) => `Your pilot in ${d.testbedName} is confirmed. A calendar file is attached.`,
    rejected: (d) => `Your request for ${d.testbedName} was rejected.`,
    waitlisted: (d) =>
      `Every place in ${d.testbedName} is taken. You are on the waiting list and will hear if a place becomes free.`,
    promoted: (d) =>
      `A place in ${d.testbedName} has become free and gone to ${d.audience === 'managers' ? 'the next company on the waiting list' : 'you'}. Status: ${d.status}.`,
    cancelled: (d) => `The booking in ${d.testbedName} is cancelled.`,
    expired: (d) => `The request for ${d.testbedName} was not decided in time and has expired.`,
    rescheduled: (d) => `The booking in ${d.testbedName} has moved. Status: ${d.status}.`,
    'starts-soon': (d) => `The pilot in ${d.testbedName} starts ${when(d.startsAt, d, 'en')}.`,
    'decision-due': (d) =>
      `A request for ${d.testbedName} needs a decision by ${when(d.decisionDueAt, d, 'en')}, or it expires.`,
    'slot-closed': (d) =>
      `${d.testbedName} has closed your slot to new bookings. Your booking stays. Status: ${d.status}.`,
    'slot-reopened': (d) => `${d.testbedName} has opened your slot for bookings again. Status: ${d.status}.`,
  },
};

const when = (iso: string | null, data: BookingMailData, language: Language): string =>
  formatInstant(iso, data.timezone, language);

/** A booking e-mail in the recipient's language, as plain text and HTML. */
export function renderBookingMail(
  language: Language,
  data: BookingMailData,
): { subject: string; text: string; html: string } {
  const labels =
    language === 'sv' ? { period: 'Period', reason: 'Motivering' } : { period: 'Period', reason: 'Reason' };
  const period = `${when(data.startsAt, data, language)} – ${when(data.endsAt, data, language)} (${data.timezone})`;
  return renderMail(language, {
    subject: `${SUBJECTS[language][data.topic]}: ${data.title}`,
    recipientName: data.recipientName,
    line: LINES[language][data.topic](data),
    title: data.title,
    rows: [`${labels.period}: ${period}`, ...(data.reason ? [`${labels.reason}: ${data.reason}`] : [])],
    link: data.link,
  });
}
