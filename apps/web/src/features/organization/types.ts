import type { components } from '../../api/schema.js';

export type Role = 'admin' | 'manager' | 'member';
export const ROLES: Role[] = ['admin', 'manager', 'member'];

export interface Organization {
  id: string;
  name: string;
  kind: 'region' | 'municipality' | 'company' | 'agency';
  orgNumber: string | null;
  parentId: string | null;
  createdAt: string;
}

export interface Member {
  organizationId: string;
  userId: string;
  email: string;
  name: string;
  role: Role;
}

export interface SentInvitation {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
}

export interface ApiToken {
  id: string;
  name: string;
  role: Role;
  tokenPrefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  status: 'active' | 'disabled';
  consecutiveFailures: number;
  lastFailure: string | null;
  lastFailureAt: string | null;
  createdAt: string;
}

export interface WebhookDelivery {
  id: string;
  event: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  failure: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface FeedToken {
  id: string;
  scope: 'testbed' | 'organization';
  subjectId: string;
  tokenPrefix: string | null;
  createdByUserId: string | null;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  status: 'active' | 'expired' | 'revoked' | 'stopped';
}

/** A person the audit log can be narrowed to; `member` is false for someone who has left. */
export interface AuditActor {
  userId: string;
  name: string;
  email: string;
  member: boolean;
}

export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  subjectType: string;
  subjectId: string;
  actor: { userId: string | null; apiTokenId: string | null };
  actorName: string | null;
  actorEmail: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilter {
  actorUserId?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** An event an organization may subscribe a webhook to, as the API's generated types name it (`*`, all of them, aside). */
export type WebhookEvent = Exclude<components['schemas']['SubscribeWebhookDto']['events'][number], '*'>;

// The compiler holds this to the API's events (apps/web/src/api/schema.d.ts, from `npm run api:types`):
// an event the API adds and the page does not offer, or one it no longer has, fails the type check.
const OFFERED: Record<WebhookEvent, true> = {
  'booking.requested': true,
  'booking.confirmed': true,
  'booking.rejected': true,
  'booking.waitlisted': true,
  'booking.promoted': true,
  'booking.cancelled': true,
  'booking.expired': true,
  'booking.rescheduled': true,
  'booking.starts-soon': true,
  'booking.decision-due': true,
  'booking.slot-closed': true,
  'booking.slot-reopened': true,
  'pilot.plan-not-agreed': true,
  'pilot.plan-approved': true,
  'pilot.plan-agreed': true,
  'pilot.measurement-requested': true,
  'pilot.measurement-overdue': true,
  'pilot.evaluating': true,
  'idea.submitted': true,
  'idea.screening': true,
  'idea.accepted': true,
  'idea.declined': true,
  'idea.piloting': true,
  'idea.closed': true,
  'idea.answered': true,
  'idea.answer-accepted': true,
  'result.consented': true,
  'result.published': true,
  'result.withdrawn': true,
  'result.adopted': true,
};

/** The events an organization may subscribe a webhook to, in the order the page offers them. */
export const WEBHOOK_EVENTS = Object.keys(OFFERED) as WebhookEvent[];

/** What the audit log can be narrowed to: every action on one subject. */
export const AUDIT_SUBJECTS = [
  'member',
  'api-token',
  'webhook',
  'organization',
  'testbed',
  'slot',
  'pilot',
  'result',
  'sluice',
  'idea',
] as const;
