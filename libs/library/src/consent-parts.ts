/**
 * The parts of a completed pilot a side may consent to show in the results
 * library. Consenting at all shows the result's core: its title, the test bed
 * (public already), the period and the outcome (adopted, procured, extended,
 * discontinued). Everything else is a part, shown only when both sides
 * consented to it (the database's `library_published_*` views mask the rest).
 */
export const CONSENT_PARTS = ['summary', 'lessons', 'metrics', 'measurements', 'company', 'problem'] as const;
export type ConsentPart = (typeof CONSENT_PARTS)[number];

export type Side = 'company' | 'testbed';

/** What the public sees: the parts both sides consented to; measured values only with the metrics they belong to. */
export function shownParts(company: readonly string[] | null, testbed: readonly string[] | null): ConsentPart[] {
  if (!company || !testbed) return [];
  const both = CONSENT_PARTS.filter((part) => company.includes(part) && testbed.includes(part));
  return both.filter((part) => part !== 'measurements' || both.includes('metrics'));
}
