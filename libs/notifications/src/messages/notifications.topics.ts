/** The notifications context's own outbox topics. */
export interface NotificationsTopics {
  /** A subscription was disabled after failing too often; its organization's admins are told. */
  'webhook.disabled': { subscriptionId: string; organizationId: string; url: string };
}

declare module '@slussen/core' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface OutboxTopics extends NotificationsTopics {}
}

export const NOTIFICATIONS_TOPICS: Record<keyof NotificationsTopics, true> = { 'webhook.disabled': true };
