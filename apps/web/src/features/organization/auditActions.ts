/**
 * Every audit action the API writes, by area (the part before the dot), each worded in
 * i18n organization `audit.action.<area>_<verb>`. apps/web/src/i18n/audit-actions.spec.ts scans
 * the API's source and fails when an action it can write is missing here or has no text.
 */
export const AUDIT_ACTIONS = {
  member: ['add', 'invite', 'join', 'decline', 'revoke-invitation', 'change-role', 'remove'],
  'api-token': ['create', 'revoke'],
  webhook: ['create', 'delete', 'enable'],
  organization: ['create', 'signup'],
  testbed: ['create', 'update', 'publish', 'retire'],
  slot: ['create', 'update', 'cancel', 'close', 'reopen'],
  pilot: [
    'plan-replaced',
    'plan-changed',
    'plan-approved',
    'metric-added',
    'source-registered',
    'source-removed',
    'running',
    'evaluating',
    'completed',
    'aborted',
    'outcome-recorded',
  ],
  /** The results library: a side's consent to publish a completed pilot, and adoptions elsewhere. */
  result: ['consent', 'consent-withdrawn', 'publish', 'adopt'],
  /** Innovation sluices, and their managers' decisions on the ideas and needs that come in. */
  sluice: ['create'],
  idea: ['screen', 'accept', 'decline', 'close', 'accept-answer'],
  /** A person's own account: written without an organization, so never in an organization's log. */
  user: [
    'change-password',
    'set-first-password',
    'reset-password',
    'update-profile',
    'sign-out-everywhere',
    'bootstrap-platform-admin',
  ],
} as const satisfies Record<string, readonly string[]>;

export type AuditArea = keyof typeof AUDIT_ACTIONS;

/** All actions as the API writes them, `area.verb`. */
export const AUDIT_ACTION_CODES: readonly string[] = Object.entries(AUDIT_ACTIONS).flatMap(([area, verbs]) =>
  verbs.map((verb) => `${area}.${verb}`),
);

/** The i18n key (organization namespace) that words an action. */
export const auditActionKey = (action: string) => `audit.action.${action.replace(/\./g, '_')}`;

/** The i18n key that names an action's area, or null when the area is not one we know. */
export const auditAreaKey = (action: string) => {
  const area = action.split('.')[0];
  return area && Object.hasOwn(AUDIT_ACTIONS, area) ? `audit.subject.${area}` : null;
};
