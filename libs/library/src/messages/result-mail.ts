import { renderMail, type Audience, type Language } from '@slussen/notifications';

export type ResultTopic = 'consented' | 'published' | 'withdrawn' | 'adopted';

/** Who hears of a consent change: the other side (whose turn it is, or who lost the publication); of a publication or an adoption, both. */
export function resultAudience(topic: ResultTopic, side: unknown): Audience[] {
  if (topic === 'published' || topic === 'adopted') return ['company', 'managers'];
  return side === 'company' ? ['managers'] : ['company'];
}

/**
 * Where a consent e-mail sends its reader: a published result's public library
 * page, which is what the e-mail announces; otherwise the pilot's page, where
 * its consent section is.
 */
export function consentMailLink(
  publicUrl: string,
  topic: Exclude<ResultTopic, 'adopted'>,
  pilotId: string,
  publishedResultId: string | null,
): string {
  return topic === 'published' && publishedResultId
    ? `${publicUrl}/results/${publishedResultId}`
    : `${publicUrl}/pilots/${pilotId}`;
}

export interface ResultMailData {
  topic: ResultTopic;
  /** The side that consented or withdrew (consent changes). */
  side: 'company' | 'testbed' | null;
  recipientName: string;
  title: string;
  testbedName: string;
  /** The adopting organization and when (adoptions). */
  adopter: { name: string; adoptedAt: string } | null;
  link: string;
}

const SUBJECTS: Record<Language, Record<ResultTopic, string>> = {
  sv: {
    consented: 'Samtycke till publicering i resultatbiblioteket',
    published: 'Resultatet är publicerat i resultatbiblioteket',
    withdrawn: 'Samtycket till publicering är återkallat',
    adopted: 'Ert resultat har införts på fler ställen',
  },
  en: {
    consented: 'Consent to publish in the results library',
    published: 'The result is published in the results library',
    withdrawn: 'The consent to publish has been withdrawn',
    adopted: 'Your result has been adopted elsewhere',
  },
};

const OTHER: Record<Language, Record<'company' | 'testbed', string>> = {
  sv: { company: 'Företaget', testbed: 'Testbädden' },
  en: { company: 'The company', testbed: 'The test bed' },
};

const LINES: Record<Language, Record<ResultTopic, (data: ResultMailData, who: string) => string>> = {
  sv: {
    consented: (d, who) =>
      `${who} har samtyckt till att piloten i ${d.testbedName} publiceras i Slussens öppna resultatbibliotek. Den publiceras när ni också samtycker; ni väljer själva vilka delar som får visas.`,
    published: (d) =>
      `Båda parter har samtyckt: piloten i ${d.testbedName} finns nu i Slussens öppna resultatbibliotek, med de delar ni båda godkänt.`,
    withdrawn: (d, who) =>
      `${who} har återkallat sitt samtycke. Piloten i ${d.testbedName} visas inte längre i resultatbiblioteket.`,
    adopted: (d) =>
      `${d.adopter?.name ?? 'En organisation'} har infört resultatet från piloten i ${d.testbedName} (${d.adopter?.adoptedAt ?? ''}).`,
  },
  en: {
    consented: (d, who) =>
      `${who} has consented to publishing the pilot in ${d.testbedName} in Slussen's open results library. It is published once you consent too; you choose which parts may be shown.`,
    published: (d) =>
      `Both sides have consented: the pilot in ${d.testbedName} is now in Slussen's open results library, with the parts you both agreed to.`,
    withdrawn: (d, who) =>
      `${who} has withdrawn its consent. The pilot in ${d.testbedName} is no longer shown in the results library.`,
    adopted: (d) =>
      `${d.adopter?.name ?? 'An organization'} has adopted the result of the pilot in ${d.testbedName} (${d.adopter?.adoptedAt ?? ''}).`,
  },
};

/** A results-library e-mail in the recipient's language, as plain text and HTML. */
export function renderResultMail(language: Language, data: ResultMailData) {
  const who = OTHER[language][data.side ?? 'company'];
  return renderMail(language, {
    subject: `${SUBJECTS[language][data.topic]}: ${data.title}`,
    recipientName: data.recipientName,
    line: LINES[language][data.topic](data, who),
    title: data.title,
    rows: [],
    link: data.link,
  });
}
