/**
 * The pilot lifecycle as one table. Time moves a pilot from `planned` to
 * `running` at its slot's start and to `evaluating` at its end; people end it
 * early, record its outcome or abort it. Anything not listed is a 409.
 */
export const PILOT_STAGES = ['planned', 'running', 'evaluating', 'completed', 'aborted'] as const;
export type PilotStage = (typeof PILOT_STAGES)[number];

export type PilotAction = 'start' | 'evaluate' | 'complete' | 'abort';

const TRANSITIONS: Record<PilotAction, Partial<Record<PilotStage, PilotStage>>> = {
  start: { planned: 'running' },
  evaluate: { running: 'evaluating' },
  complete: { running: 'completed', evaluating: 'completed' },
  abort: { planned: 'aborted', running: 'aborted', evaluating: 'aborted' },
};

/** The stage an action leads to from `from`, or null when it is not allowed. */
export function nextStage(from: PilotStage, action: PilotAction): PilotStage | null {
  return TRANSITIONS[action][from] ?? null;
}

/** The action that a requested stage stands for (PATCH { stage }), or null when no action reaches it. */
export function actionTowards(stage: PilotStage): PilotAction | null {
  const found = (Object.keys(TRANSITIONS) as PilotAction[]).find((action) =>
    Object.values(TRANSITIONS[action]).includes(stage),
  );
  return found ?? null;
}

/** Stages in which measurements are taken. */
export const MEASURING: ReadonlySet<PilotStage> = new Set(['running', 'evaluating', 'completed']);

/** Stages in which the plan (goals, metrics) may still change. */
export const PLAN_OPEN: ReadonlySet<PilotStage> = new Set(['planned', 'running']);

export const OUTCOME_RESULTS = ['adopted', 'procured', 'extended', 'discontinued'] as const;
export type OutcomeResult = (typeof OUTCOME_RESULTS)[number];

export const METRIC_DIRECTIONS = ['increase', 'decrease'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];

export const METRIC_CADENCES = ['weekly', 'monthly', 'end'] as const;
export type MetricCadence = (typeof METRIC_CADENCES)[number];
