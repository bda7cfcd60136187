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

/** The events an organization may subscribe a webhook to (the API's list), `*` for all of them. */
export const WEBHOOK_EVENTS = [
  'booking.requested',
  'booking.confirmed',
  'booking.rejected',
  'booking.waitlisted',
  'booking.promoted',
  'booking.cancelled',
  'booking.expired',
  'booking.rescheduled',
  'booking.starts-soon',
  'booking.decision-due',
  'booking.slot-closed',
  'booking.slot-reopened',
  'pilot.plan-not-agreed',
  'pilot.plan-approved',
  'pilot.plan-agreed',
  'pilot.measurement-requested',
  'pilot.measurement-overdue',
  'pilot.evaluating',
  'idea.submitted',
  'idea.screening',
  'idea.accepted',
  'idea.declined',
  'idea.piloting',
  'idea.closed',
  'idea.answered',
  'idea.answer-accepted',
  'result.consented',
  'result.published',
  'result.withdrawn',
  'result.adopted',
] as const;

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
