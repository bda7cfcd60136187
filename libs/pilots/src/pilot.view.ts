import { iso } from '@slussen/core';
import { completeFacts } from './pilot-event-facts.js';
import type {
  MeasurementRequestRow,
  MetricSummaryRow,
  OutcomeRow,
  PilotEventRow,
  PilotRow,
} from './repositories/pilots.repository.js';
import type { MeasurementRow } from './repositories/measurements.repository.js';
import type { SourceFetchRow, SourceRow } from './repositories/sources.repository.js';

export interface PlanView {
  version: number;
  agreed: boolean;
  agreedAt: string | null;
  approvedBy: { company: boolean; testbed: boolean };
}

export const toPilotView = (row: PilotRow) => ({
  id: row.id,
  bookingId: row.bookingId,
  testbedId: row.testbedId,
  organizationId: row.organizationId,
  company: { name: row.companyName, organizationNumber: row.companyOrgNumber },
  testbedOrganizationId: row.testbedOrganizationId,
  testbedName: row.testbedName,
  /** The test bed's time zone: the pilot's times are told in it. */
  timezone: row.timezone,
  title: row.title,
  stage: row.stage,
  goals: row.goals,
  startsAt: iso(row.startsAt)!,
  endsAt: iso(row.endsAt)!,
  plan: {
    version: row.planVersion,
    agreed: row.planAgreedAt !== null,
    agreedAt: iso(row.planAgreedAt),
    approvedBy: {
      company: row.companyApprovedVersion === row.planVersion,
      testbed: row.testbedApprovedVersion === row.planVersion,
    },
  } satisfies PlanView,
  abortReason: row.abortReason,
  startedAt: iso(row.startedAt),
  evaluatingAt: iso(row.evaluatingAt),
  endedAt: iso(row.endedAt),
  createdAt: iso(row.createdAt)!,
  updatedAt: iso(row.updatedAt)!,
});

export type PilotView = ReturnType<typeof toPilotView>;

/** A metric with where it stands: latest value, change from baseline, target met, requested measurements missing. */
export function toMetricSummary(row: MetricSummaryRow) {
  const latest = row.latestValue;
  const targetMet =
    latest === null || row.target === null
      ? null
      : row.direction === 'increase'
        ? latest >= row.target
        : latest <= row.target;
  return {
    key: row.key,
    name: row.name,
    unit: row.unit,
    direction: row.direction,
    baseline: row.baseline,
    target: row.target,
    minimum: row.minimum,
    maximum: row.maximum,
    cadence: row.cadence,
    latest: latest === null ? null : { value: latest, observedAt: iso(row.latestObservedAt) },
    changeFromBaseline: latest === null || row.baseline === null ? null : latest - row.baseline,
    targetMet,
    measurements: row.measurements,
    requested: row.requested,
    missing: row.missing,
  };
}

export const toOutcomeView = (row: OutcomeRow) => ({ ...row, recordedAt: iso(row.recordedAt)! });

export const toMeasurementView = (row: MeasurementRow) => ({
  id: row.id,
  metricKey: row.metricKey,
  value: row.value,
  observedAt: iso(row.observedAt)!,
  note: row.note,
  origin: row.origin,
  recordedBy:
    row.origin === 'submitted' ? { userId: row.recordedByUserId, apiTokenId: row.recordedByApiTokenId } : null,
  createdAt: iso(row.createdAt)!,
});

export const toFetchView = (row: SourceFetchRow) => ({ ...row, startedAt: iso(row.startedAt)! });

/** A source as callers see it: never its token. */
export const toSourceView = (row: SourceRow, lastFetch: SourceFetchRow | null) => ({
  url: row.url,
  hasToken: row.sealedToken !== null,
  createdAt: iso(row.createdAt)!,
  updatedAt: iso(row.updatedAt)!,
  lastFetch: lastFetch ? toFetchView(lastFetch) : null,
});

export const toPilotEventView = (row: PilotEventRow) => ({
  at: iso(row.at)!,
  type: row.type,
  fromStage: row.fromStage,
  toStage: row.toStage,
  actor: row.actorUserId || row.actorApiTokenId ? { userId: row.actorUserId, apiTokenId: row.actorApiTokenId } : null,
  detail: row.detail,
  ...completeFacts(row.facts),
});

export type RequestState = 'upcoming' | 'due' | 'answered' | 'missing';

/**
 * A requested measurement and where it stands: `upcoming` before its window,
 * `due` while its window is open before the due time, `missing` from the due
 * time on while no measurement answers it (one observed in its window still
 * may), `answered` as soon as one does.
 */
export function toMeasurementRequestView(row: MeasurementRequestRow, now: Date) {
  const state: RequestState = row.answeredAt
    ? 'answered'
    : row.openedAt || new Date(row.dueAt) <= now
      ? 'missing'
      : new Date(row.windowStart) <= now
        ? 'due'
        : 'upcoming';
  return {
    metricKey: row.metricKey,
    windowStart: iso(row.windowStart)!,
    dueAt: iso(row.dueAt)!,
    windowEnd: iso(row.windowEnd)!,
    answeredAt: iso(row.answeredAt),
    state,
  };
}
