/**
 * The life of an idea or need as one table. A sluice's managers screen it,
 * accept it (matched to one or more test beds) or decline it with a reason the
 * submitter sees; it pilots when a booking linked to it is confirmed (the
 * database's `ideas_follow_bookings` makes that move); it closes with a result.
 * Anything not listed is a 409.
 */
export const IDEA_STATUSES = ['submitted', 'screening', 'accepted', 'piloting', 'closed', 'declined'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export const IDEA_KINDS = ['need', 'idea'] as const;
export type IdeaKind = (typeof IDEA_KINDS)[number];

export const SUBMITTERS = ['staff', 'companies', 'anyone'] as const;
export type Submitter = (typeof SUBMITTERS)[number];

export type IdeaAction = 'screen' | 'accept' | 'pilot' | 'close' | 'decline';

export const IDEA_ACTIONS: readonly IdeaAction[] = ['screen', 'accept', 'pilot', 'close', 'decline'];

const TRANSITIONS: Record<IdeaAction, Partial<Record<IdeaStatus, IdeaStatus>>> = {
  screen: { submitted: 'screening' },
  accept: { screening: 'accepted' },
  pilot: { accepted: 'piloting' },
  close: { accepted: 'closed', piloting: 'closed' },
  decline: { submitted: 'declined', screening: 'declined' },
};

/** The status an action leads to from `from`, or null when it is not allowed. */
export function nextIdeaStatus(from: IdeaStatus, action: IdeaAction): IdeaStatus | null {
  return TRANSITIONS[action][from] ?? null;
}

/** The actions allowed from a status (what the web app offers a manager). */
export function ideaActionsFrom(from: IdeaStatus): IdeaAction[] {
  return IDEA_ACTIONS.filter((action) => nextIdeaStatus(from, action) !== null);
}

/** Statuses that end an idea's life. */
export const FINAL_STATUSES: ReadonlySet<IdeaStatus> = new Set(['closed', 'declined']);

/** Statuses in which a public need still takes answers from companies, and an answer may be accepted. */
export const ANSWERABLE: ReadonlySet<IdeaStatus> = new Set(['submitted', 'screening', 'accepted']);

/** Statuses in which a booking may be linked to the idea (its matched test beds are known). */
export const BOOKABLE: ReadonlySet<IdeaStatus> = new Set(['accepted', 'piloting']);

/** The past tense of each action, for problems ("A closed idea cannot be screened"). */
export const IDEA_ACTION_PAST: Record<IdeaAction, string> = {
  screen: 'screened',
  accept: 'accepted',
  pilot: 'moved to piloting',
  close: 'closed',
  decline: 'declined',
};
