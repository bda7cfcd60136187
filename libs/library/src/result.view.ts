import { iso } from '@slussen/core';
import { CONSENT_PARTS, shownParts, type Side } from './consent-parts.js';
import type {
  AdoptionRow,
  ConsentRow,
  PublishedMetricRow,
  PublishedResultRow,
} from './repositories/results.repository.js';

/** Where a pilot's publication stands: each side's consent and parts, and what the public sees. */
export function toPublicationView(pilotId: string, row: ConsentRow | null, side: Side | null) {
  const consent = (at: Date | null, parts: string[]) => (at ? { consentedAt: iso(at), parts } : null);
  const company = row ? consent(row.companyConsentedAt, row.companyParts) : null;
  const testbed = row ? consent(row.testbedConsentedAt, row.testbedParts) : null;
  return {
    pilotId,
    /** The result's id in the library (its public page while published); null before any consent. */
    resultId: row?.id ?? null,
    company: company !== null,
    testbed: testbed !== null,
    published: row?.publishedAt != null,
    publishedAt: row ? iso(row.publishedAt) : null,
    consents: { company, testbed },
    /** The parts both sides consented to: all the public page shows beyond title, test bed, period and outcome. */
    parts: shownParts(company?.parts ?? null, testbed?.parts ?? null),
    /** The side the caller speaks for (null: a platform admin, who reads but does not consent). */
    side,
  };
}

export type PublicationView = ReturnType<typeof toPublicationView>;

export const toAdoptionView = (row: AdoptionRow) => ({
  id: row.id,
  organizationId: row.organizationId,
  organizationName: row.organizationName,
  organizationKind: row.organizationKind,
  adoptedAt: row.adoptedAt,
  note: row.note,
});

/** A published result as anyone may read it; what a side did not consent to is null or absent. */
export function toResultView(row: PublishedResultRow, metrics: PublishedMetricRow[], adoptions: AdoptionRow[]) {
  return {
    id: row.id,
    title: row.title,
    company: row.companyName === null ? null : { name: row.companyName },
    problem:
      row.problemTitle === null
        ? null
        : {
            kind: row.problemKind,
            title: row.problemTitle,
            description: row.problemDescription,
            affects: row.problemAffects,
          },
    testbed: {
      id: row.testbedId,
      name: row.testbedName,
      environmentType: row.environmentType,
      domains: row.domains,
      municipality: row.municipality,
      organizationName: row.testbedOrganizationName,
    },
    /** The test bed's time zone: the period is told in it. */
    timezone: row.timezone,
    period: { startsAt: iso(row.startsAt), endsAt: iso(row.endsAt) },
    outcome: { result: row.outcome, summary: row.summary, lessons: row.lessons },
    metrics: metrics.map((metric) => ({
      key: metric.key,
      name: metric.name,
      unit: metric.unit,
      direction: metric.direction,
      baseline: metric.baseline,
      target: metric.target,
      /** The measured value (the latest measurement); null when none, or when the measurements are not shown. */
      result: metric.result,
    })),
    adoptions: adoptions.map(toAdoptionView),
    parts: CONSENT_PARTS.filter((part) => row.parts.includes(part)),
    publishedAt: iso(row.publishedAt),
  };
}

export type ResultView = ReturnType<typeof toResultView>;
