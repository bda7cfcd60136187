import type { Audience } from './booking-mail.js';
import { formatInstant, renderMail, type Language } from './mail-layout.js';

export type PilotTopic = 'measurement-requested' | 'measurement-overdue' | 'plan-not-agreed' | 'evaluating';

/** Who hears of each pilot message: the company runs the pilot and reports; both sides agree the plan and follow the end. */
export const PILOT_AUDIENCE: Record<PilotTopic, Audience[]> = {
  'measurement-requested': ['company'],
  'measurement-overdue': ['company'],
  'plan-not-agreed': ['company', 'managers'],
  evaluating: ['company', 'managers'],
};

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
  sv: { 'measurement-requested': 'Dags att rapportera mätvärden', 'measurement-overdue': 'Påminnelse: mätvärden saknas', 'plan-not-agreed': 'Pilotplanen är inte godkänd', evaluating: 'Piloten utvärderas nu' },
  en: { 'measurement-requested': 'Time to report measurements', 'measurement-overdue': 'Reminder: measurements are missing', 'plan-not-agreed': 'The pilot plan is not agreed', evaluating: 'The pilot is now being evaluated' },
};

const LINES: Record<Language, Record<PilotTopic, (data: PilotMailData, when: (iso: string | null) => string) => string>> = {
  sv: {
    'measurement-requested': (d, when) => `Piloten i ${d.testbedName} ska rapportera ${d.metricKeys.join(', ')} för perioden fram till ${when(d.dueAt)}.`,
    'measurement-overdue': (d, when) => `Mätvärden för ${d.metricKeys.join(', ')} (till ${when(d.dueAt)}) har inte kommit in.`,
    'plan-not-agreed': (d, when) => `Piloten i ${d.testbedName} börjar ${when(d.startsAt)}, men båda parter har ännu inte godkänt planen med mål och mätetal.`,
    evaluating: (d) => `Pilotperioden i ${d.testbedName} är slut. ${d.audience === 'managers' ? 'Registrera utfallet när utvärderingen är klar.' : 'Rapportera de sista mätvärdena.'}`,
  },
  en: {
    'measurement-requested': (d, when) => `The pilot in ${d.testbedName} is due to report ${d.metricKeys.join(', ')} for the period up to ${when(d.dueAt)}.`,
    'measurement-overdue': (d, when) => `Measurements of ${d.metricKeys.join(', ')} (up to ${when(d.dueAt)}) have not come in.`,
    'plan-not-agreed': (d, when) => `The pilot in ${d.testbedName} starts ${when(d.startsAt)}, but both sides have not yet approved its plan of goals and metrics.`,
    evaluating: (d) => `The pilot period in ${d.testbedName} has ended. ${d.audience === 'managers' ? 'Record the outcome when the evaluation is done.' : 'Report the last measurements.'}`,
  },
};

/** A pilot e-mail in the recipient's language, as plain text and HTML. */
export function renderPilotMail(language: Language, data: PilotMailData): { subject: string; text: string; html: string } {
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
