import type { TopicReach } from '@slussen/core';

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

/** Each topic, and whom it tells: every change of a pilot is a webhook event for its two organizations. */
export const PILOTS_TOPICS: Record<keyof PilotsTopics, TopicReach> = {
  'pilot.plan-not-agreed': 'webhook',
  'pilot.plan-approved': 'webhook',
  'pilot.plan-agreed': 'webhook',
  'pilot.measurement-requested': 'webhook',
  'pilot.measurement-overdue': 'webhook',
  'pilot.evaluating': 'webhook',
};
