import { DateTime } from 'luxon';

export type Language = 'sv' | 'en';

export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** An instant on the test bed's wall clock, in the reader's language. */
export function formatInstant(iso: string | null, timezone: string, language: Language): string {
  if (!iso) return '–';
  return DateTime.fromISO(iso, { zone: timezone })
    .setLocale(language === 'sv' ? 'sv-SE' : 'en-GB')
    .toFormat('d LLLL yyyy HH:mm');
}

/** The one shape of Slussen's e-mail: greeting, the news, the subject's facts, a link. Plain text and HTML. */
export function renderMail(
  language: Language,
  mail: { subject: string; recipientName: string; line: string; title: string; rows: string[]; link: string },
): { subject: string; text: string; html: string } {
  const labels =
    language === 'sv' ? { hello: 'Hej', open: 'Öppna i Slussen' } : { hello: 'Hello', open: 'Open in Slussen' };
  const text = [
    `${labels.hello} ${mail.recipientName},`,
    '',
    mail.line,
    '',
    mail.title,
    ...mail.rows,
    '',
    `${labels.open}: ${mail.link}`,
    '',
    '— Slussen',
  ].join('\n');
  const html = `<!doctype html><html lang="${language}"><body style="font-family:sans-serif">
<p>${escapeHtml(labels.hello)} ${escapeHtml(mail.recipientName)},</p><p>${escapeHtml(mail.line)}</p>
<p><strong>${escapeHtml(mail.title)}</strong><br>${mail.rows.map(escapeHtml).join('<br>')}</p>
<p><a href="${escapeHtml(mail.link)}">${escapeHtml(labels.open)}</a></p><p>— Slussen</p></body></html>`;
  return { subject: mail.subject, text, html };
}
