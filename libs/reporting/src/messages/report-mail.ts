import { DateTime } from 'luxon';
import { renderMail, type Language } from '@slussen/notifications';

export interface ReportMailData {
  recipientName: string;
  scope: 'platform' | 'organization' | 'testbed';
  subjectName: string | null;
  periodStart: string;
  timezone: string;
  link: string;
}

/** "The report for March is ready", with links to the page, its CSV and its JSON. */
export function renderReportMail(
  language: Language,
  data: ReportMailData,
): { subject: string; text: string; html: string } {
  const month = DateTime.fromISO(data.periodStart, { zone: data.timezone })
    .setLocale(language === 'sv' ? 'sv-SE' : 'en-GB')
    .toFormat('LLLL yyyy');
  const subject = data.scope === 'platform' ? 'Slussen' : (data.subjectName ?? data.scope);
  return renderMail(language, {
    subject:
      language === 'sv'
        ? `Månadsrapporten för ${month} är klar: ${subject}`
        : `The report for ${month} is ready: ${subject}`,
    recipientName: data.recipientName,
    line:
      language === 'sv'
        ? `Utfallsrapporten för ${month} är klar att läsa.`
        : `The outcome report for ${month} is ready to read.`,
    title: subject,
    rows: [`HTML: ${data.link}.html`, `CSV: ${data.link}.csv`],
    link: `${data.link}.html`,
  });
}
