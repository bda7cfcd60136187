export const STAGES = ['planned', 'running', 'evaluating', 'completed', 'aborted'] as const;
export type Stage = (typeof STAGES)[number];
export const CADENCES = ['weekly', 'monthly', 'end'] as const;
export type Cadence = (typeof CADENCES)[number];
export const DIRECTIONS = ['increase', 'decrease'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const RESULTS = ['adopted', 'procured', 'extended', 'discontinued'] as const;
export type Result = (typeof RESULTS)[number];

/** A metric as the plan defines it (what PUT /pilots/:id/plan takes). */
export interface MetricDefinition {
  key: string;
  name: string;
  unit: string;
  direction: Direction;
  baseline: number | null;
  target: number | null;
  minimum: number | null;
  maximum: number | null;
  cadence: Cadence;
}

export interface MetricSummary extends MetricDefinition {
  latest: { value: number; observedAt: string } | null;
  changeFromBaseline: number | null;
  targetMet: boolean | null;
  measurements: number;
  requested: number;
  missing: number;
}

export interface PilotListItem {
  id: string;
  title: string;
  stage: Stage;
  startsAt: string;
  endsAt: string;
  timezone: string;
  testbedName: string;
  company: { name: string; organizationNumber: string | null };
  plan: { version: number; agreed: boolean; approvedBy: { company: boolean; testbed: boolean } };
}

export interface Permissions {
  side: 'company' | 'testbed' | null;
  changePlan: boolean;
  approvePlan: boolean;
  submitMeasurement: boolean;
  endRunningPhase: boolean;
  abort: boolean;
  recordOutcome: boolean;
  manageSource: boolean;
}

export interface Pilot extends PilotListItem {
  bookingId: string;
  testbedId: string;
  goals: string[];
  abortReason: string | null;
  metrics: MetricSummary[];
  outcome: {
    result: Result;
    summary: string;
    lessons: string | null;
    procurementReference: string | null;
    procurementDate: string | null;
    recordedAt: string;
  } | null;
  source: { url: string; hasToken: boolean } | null;
  permissions: Permissions;
}

export interface PlanVersion {
  version: number;
  createdAt: string;
  approvedBy: { company: string | null; testbed: string | null };
  agreedAt: string | null;
  current: boolean;
}

export interface MeasurementRequest {
  metricKey: string;
  windowStart: string;
  dueAt: string;
  windowEnd: string;
  answeredAt: string | null;
  state: 'upcoming' | 'due' | 'answered' | 'missing';
}

export interface Measurement {
  id: string;
  metricKey: string;
  value: number;
  observedAt: string;
  note: string | null;
  origin: 'submitted' | 'pulled';
}

export interface PilotEvent {
  at: string;
  type: string;
  fromStage: string | null;
  toStage: string | null;
  actor: { userId: string | null; apiTokenId: string | null } | null;
  /** The API's English wording; the page renders the structured facts below instead. */
  detail: string | null;
  cause: string | null;
  planVersion: number | null;
  side: 'company' | 'testbed' | null;
  metricKey: string | null;
  result: Result | null;
  bookingStatus: string | null;
  /** What a person wrote, in their own language. */
  reason: string | null;
}

export interface SourceFetch {
  id: string;
  startedAt: string;
  durationMs: number;
  attempt: number;
  outcome: 'ok' | 'failed';
  httpStatus: number | null;
  recorded: number;
  refused: number;
  error: string | null;
}

export interface Source {
  url: string;
  hasToken: boolean;
  createdAt: string;
  updatedAt: string;
  lastFetch: SourceFetch | null;
}
