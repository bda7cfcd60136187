/** The pilots context's outbox topics and their payloads (ids, and what the message is about). */
interface MeasurementsDue {
  pilotId: string;
  /** The requests' due time (ISO 8601). */
  dueAt: string;
  metricKeys: string[];
}

interface PlanApproval {
  pilotId: string;
  /** The side that approved. */
  side: 'company' | 'testbed';
  version: number;
}

export interface PilotsTopics {
  'pilot.measurement-requested': MeasurementsDue;
  'pilot.measurement-overdue': MeasurementsDue;
  'pilot.plan-not-agreed': { pilotId: string };
  'pilot.plan-approved': PlanApproval;
  'pilot.plan-agreed': PlanApproval;
  'pilot.evaluating': { pilotId: string };
}

declare module '@slussen/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface OutboxTopics extends PilotsTopics {}
}

export const PILOTS_TOPICS: Record<keyof PilotsTopics, true> = {
  'pilot.measurement-requested': true,
  'pilot.measurement-overdue': true,
  'pilot.plan-not-agreed': true,
  'pilot.plan-approved': true,
  'pilot.plan-agreed': true,
  'pilot.evaluating': true,
};
