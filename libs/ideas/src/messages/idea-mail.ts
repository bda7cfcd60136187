import { formatInstant, renderMail, type Language, type RenderedMail } from '@slussen/notifications';

export type IdeaMailTopic =
  | 'submitted'
  | 'screening'
  | 'accepted'
  | 'declined'
  | 'piloting'
  | 'closed'
  | 'waiting'
  | 'message'
  | 'answered'
  | 'answer-accepted';

/** Whom a mail is for: the sluice's managers, the submitter, a follower, or the answering company. */
export type IdeaAudience = 'managers' | 'submitter' | 'follower' | 'company';

export interface IdeaMailData {
  topic: IdeaMailTopic;
  audience: IdeaAudience | null;
  recipientName: string;
  kind: 'need' | 'idea';
  title: string;
  sluiceName: string;
  /** The decline reason, the close result, a message's body or an answer's text. */
  text: string | null;
  /** The answering company, or a message's author. */
  who: string | null;
  answerDueAt: string;
  link: string;
}

const KIND: Record<Language, Record<'need' | 'idea', string>> = {
  sv: { need: 'behovet', idea: 'idén' },
  en: { need: 'need', idea: 'idea' },
};

const SUBJECTS: Record<Language, Record<IdeaMailTopic, string>> = {
  sv: {
    submitted: 'Nytt i innovationsslussen',
    screening: 'Granskas nu',
    accepted: 'Antaget',
    declined: 'Avböjt',
    piloting: 'En pilot planeras',
    closed: 'Avslutat',
    waiting: 'Påminnelse: väntar på svar',
    message: 'Nytt meddelande',
    answered: 'Nytt svar på behovet',
    'answer-accepted': 'Ert svar är antaget',
  },
  en: {
    submitted: 'New in the innovation sluice',
    screening: 'Now being screened',
    accepted: 'Accepted',
    declined: 'Declined',
    piloting: 'A pilot is being planned',
    closed: 'Closed',
    waiting: 'Reminder: waiting for an answer',
    message: 'New message',
    answered: 'New answer to the need',
    'answer-accepted': 'Your answer is accepted',
  },
};

type Line = (data: IdeaMailData, when: (iso: string) => string) => string;

const LINES: Record<Language, Record<IdeaMailTopic, Line>> = {
  sv: {
    submitted: (d, when) =>
      `${d.kind === 'need' ? 'Ett nytt behov' : 'En ny idé'} har lämnats in till ${d.sluiceName}. Innovationsslussen har lovat ett första svar senast ${when(d.answerDueAt)}.`,
    screening: (d) => `${d.sluiceName} granskar nu ${KIND.sv[d.kind]}.`,
    accepted: (d) =>
      `${d.sluiceName} har antagit ${KIND.sv[d.kind]} och matchat ${d.kind === 'need' ? 'det' : 'den'} med en eller flera testbäddar.${
        d.audience === 'company'
          ? ` Ni kan nu boka en av testbäddarna med ${KIND.sv[d.kind]} kopplat till bokningen.`
          : ''
      }`,
    declined: (d) => `${d.sluiceName} har avböjt ${KIND.sv[d.kind]}. Skäl: ${d.text ?? ''}`,
    piloting: (d) => `En bokning för ${KIND.sv[d.kind]} är bekräftad: en pilot i en testbädd planeras nu.`,
    closed: (d) => `${d.sluiceName} har avslutat ${KIND.sv[d.kind]}. Resultat: ${d.text ?? ''}`,
    waiting: (d, when) =>
      `${d.kind === 'need' ? 'Behovet' : 'Idén'} har väntat på ett första svar sedan slussens utlovade tid gick ut (${when(d.answerDueAt)}). Granska det eller svara i samtalet.`,
    message: (d) => `${d.who ?? 'Någon'} har skrivit i samtalet om ${KIND.sv[d.kind]}:\n\n${d.text ?? ''}`,
    answered: (d) => `${d.who ?? 'Ett företag'} har svarat på behovet med en lösning:\n\n${d.text ?? ''}`,
    'answer-accepted': (d) =>
      `${d.sluiceName} har antagit ert svar på behovet. När behovet är antaget och matchat kan ni boka en av dess testbäddar med behovet kopplat till bokningen.`,
  },
  en: {
    submitted: (d, when) =>
      `A new ${d.kind} has been submitted to ${d.sluiceName}. The sluice promised a first answer by ${when(d.answerDueAt)}.`,
    screening: (d) => `${d.sluiceName} is now screening the ${d.kind}.`,
    accepted: (d) =>
      `${d.sluiceName} has accepted the ${d.kind} and matched it to one or more test beds.${
        d.audience === 'company' ? ' You can now book one of them with the need linked to the booking.' : ''
      }`,
    declined: (d) => `${d.sluiceName} has declined the ${d.kind}. Reason: ${d.text ?? ''}`,
    piloting: (d) => `A booking for the ${d.kind} is confirmed: a pilot in a test bed is now being planned.`,
    closed: (d) => `${d.sluiceName} has closed the ${d.kind}. Result: ${d.text ?? ''}`,
    waiting: (d, when) =>
      `The ${d.kind} has waited for a first answer past the time the sluice promised (${when(d.answerDueAt)}). Screen it or answer in the conversation.`,
    message: (d) => `${d.who ?? 'Someone'} wrote in the conversation about the ${d.kind}:\n\n${d.text ?? ''}`,
    answered: (d) => `${d.who ?? 'A company'} has answered the need with a solution:\n\n${d.text ?? ''}`,
    'answer-accepted': (d) =>
      `${d.sluiceName} has accepted your answer to the need. Once the need is accepted and matched, you can book one of its test beds with the need linked to the booking.`,
  },
};

/** An ideas e-mail in the recipient's language, as plain text and HTML. */
export function renderIdeaMail(language: Language, data: IdeaMailData): RenderedMail {
  const when = (iso: string) => formatInstant(iso, 'Europe/Stockholm', language);
  const sluice = language === 'sv' ? 'Innovationssluss' : 'Innovation sluice';
  return renderMail(language, {
    subject: `${SUBJECTS[language][data.topic]}: ${data.title}`,
    recipientName: data.recipientName,
    line: LINES[language][data.topic](data, when),
    title: data.title,
    rows: [`${sluice}: ${data.sluiceName}`],
    link: data.link,
  });
}
