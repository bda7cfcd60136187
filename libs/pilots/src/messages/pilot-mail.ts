import { formatInstant, renderMail, type Audience, type Language } from '@slussen/notifications';

export type PilotTopic =
  'measurement-requested' | 'measurement-overdue' | 'plan-not-agreed' | 'plan-approved' | 'plan-agreed' | 'evaluating';

/** Who hears of each pilot message: the company runs the pilot and reports; both sides agree the plan and follow the end. */
export const PILOT_AUDIENCE: Record<PilotTopic, Audience[]> = {
  'measurement-requested': ['company'],
  'measurement-overdue': ['company'],
  'plan-not-agreed': ['company', 'managers'],
  // Told to the side that has not approved yet; see `planApprovedAudience`.
  'plan-approved': ['company', 'managers'],
  'plan-agreed': ['company', 'managers'],
  evaluating: ['company', 'managers'],
};

/** Who is told that one side approved the plan: the other side, whose turn it is. */
export function planApprovedAudience(approvingSide: unknown): Audience[] {
  return approvingSide === 'company' ? ['managers'] : ['company'];
}

export interface PilotMailData {
  topic: PilotTopic;
  audience: Audience;
  recipientName: string;
  title: string;
  testbedName: string;
  timezone: string;
  startsAt: string;
  endsAt: string;
  dueAt: string | null;
  metricKeys: string[];
  link: string;
}

const SUBJECTS: Record<Language, Record<PilotTopic, string>> = {
  sv: {
    'measurement-requested': 'Dags att rapportera mätvärden',
    'measurement-overdue': 'Påminnelse: mätvärden saknas',
    'plan-not-agreed': 'Pilotplanen är inte godkänd',
    'plan-approved': 'Pilotplanen väntar på ert godkännande',
    'plan-agreed': 'Pilotplanen är godkänd av båda parter',
    evaluating: 'Piloten utvärderas nu',
  },
  en: {
    'measurement-requested': 'Time to report measurements',
    'measurement-overdue': 'Reminder: measurements are missing',
    'plan-not-agreed': 'The pilot plan is not agreed',
    'plan-approved': 'The pilot plan awaits your approval',
    'plan-agreed': 'Both sides have agreed the pilot plan',
    evaluating: 'The pilot is now being evaluated',
  },
};

const LINES: Record<
  Language,
  Record<PilotTopic, (data: PilotMailData, when: (iso: string | null) => string) => string>
> = {
  sv: {
    'measurement-requested': (d, when) =>
      `Piloten i ${d.testbedName} ska rapportera ${d.metricKeys.join(', ')} för perioden fram till ${when(d.dueAt)}.`,
    'measurement-overdue': (d, when) =>
      `Mätvärden för ${d.metricKeys.join(', ')} (till ${when(d.dueAt)}) har inte kommit in.`,
    'plan-not-agreed': (d, when) =>
      `Piloten i ${d.testbedName} börjar ${when(d.startsAt)}, men båda parter har ännu inte godkänt planen med mål och mätetal.`,
    'plan-approved': (d) =>
      `${d.audience === 'managers' ? 'Företaget' : 'Testbädden'} har godkänt planen för piloten i ${d.testbedName}. Granska mål och mätetal och godkänn ni också.`,
    'plan-agreed': (d, when) =>
      `Båda parter har godkänt planen för piloten i ${d.testbedName}, som börjar ${when(d.startsAt)}.`,
    evaluating: (d) =>
      `Pilotperioden i ${d.testbedName} är slut. ${d.audience === 'managers' ? 'Registrera utfallet när utvärderingen är klar.' : 'Rapportera de sista mätvärdena.'}`,
  },
  en: {
    'measurement-requested': (d, when) =>
      `The pilot in ${d.testbedName} is due to report ${d.metricKeys.join(', ')} for the period up to ${when(d.dueAt)}.`,
    'measurement-overdue': (d, when) =>
      `Measurements of ${d.metricKeys.join(', ')} (up to ${when(d.dueAt)}) have not come in.`,
    'plan-not-agreed': (d, when) =>
      `The pilot in ${d.testbedName} starts ${when(d.startsAt)}, but both sides have not yet approved its plan of goals and metrics.`,
    'plan-approved': (d) =>
      `${d.audience === 'managers' ? 'The company' : 'The test bed'} has approved the plan of the pilot in ${d.testbedName}. Review its goals and metrics and approve it too.`,
    'plan-agreed': (d, when) =>
      `Both sides have approved the plan of the pilot in ${d.testbedName}, which starts ${when(d.startsAt)}.`,
    evaluating: (d) =>
      `The pilot period in ${d.testbedName} has ended. ${d.audience === 'managers' ? 'Record the outcome when the evaluation is done.' : 'Report the last measurements.'}`,
  },
};

/** A pilot e-mail in the recipient's language, as plain text and HTML. */
export function renderPilotMail(
  language: Language,
  data: PilotMailData,
): { subject: string; text: string; html: string } {
  const when = (iso: string | null) => formatInstant(iso, data.timezone, language);
  return renderMail(language, {
    subject: `${SUBJECTS[language][data.topic]}: ${data.title}`,
    recipientName: data.recipientName,
    line: LINES[language][data.topic](data, when),
    title: data.title,
    rows: [`Period: ${when(data.startsAt)} – ${when(data.endsAt)} (${data.timezone})`],
    link: data.link,
  });
}
