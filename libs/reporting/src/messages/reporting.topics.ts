/** The reporting context's outbox topics and their payloads. */
export interface ReportingTopics {
  /** A subscriber's month report is ready. */
  'report.month-ready': { subscriptionId: string; userId: string; snapshotId: string };
}

declare module '@slussen/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface OutboxTopics extends ReportingTopics {}
}

export const REPORTING_TOPICS: Record<keyof ReportingTopics, true> = { 'report.month-ready': true };
