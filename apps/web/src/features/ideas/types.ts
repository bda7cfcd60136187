// What the ideas context answers (API.md, "Innovation sluices, ideas and the results library").
export const SUBMITTERS = ['staff', 'companies', 'anyone'] as const;
export type Submitter = (typeof SUBMITTERS)[number];
export const KINDS = ['need', 'idea'] as const;
export type Kind = (typeof KINDS)[number];
export const STATUSES = ['submitted', 'screening', 'accepted', 'piloting', 'closed', 'declined'] as const;
export type IdeaStatus = (typeof STATUSES)[number];

export interface Sluice {
  id: string;
  organizationId: string;
  organizationName: string;
  name: string;
  description: string;
  domains: string[];
  submitters: Submitter[];
  answerWithinDays: number;
  createdAt: string;
}

export interface Idea {
  id: string;
  sluiceId: string;
  sluiceName: string;
  sluiceOrganizationId: string;
  kind: Kind;
  title: string;
  description: string;
  domains: string[];
  affects: string | null;
  public: boolean;
  status: IdeaStatus;
  submitterOrganizationId: string | null;
  submitterOrganizationName: string | null;
  declineReason: string | null;
  result: string | null;
  testbedIds: string[];
  bookingIds: string[];
  acceptedAnswerOrganizationId: string | null;
  followers: number;
  answerDueAt: string;
  createdAt: string;
  /** Whether the caller submitted it (when the API says so). */
  mine?: boolean;
}

export interface IdeaPermissions {
  screen: boolean;
  accept: boolean;
  decline: boolean;
  close: boolean;
  converse: boolean;
  answer: boolean;
  acceptAnswer: boolean;
  follow: boolean;
  matches: boolean;
}

export interface IdeaDetail extends Idea {
  following: boolean;
  permissions: IdeaPermissions;
}

export interface SimilarIdea {
  id: string;
  sluiceId: string;
  kind: Kind;
  title: string;
  status: IdeaStatus;
}

export interface Match {
  testbedId: string;
  name: string;
  summary: string;
  organizationName: string;
  municipality: string;
  domains: string[];
  sharedDomains: string[];
  matched: boolean;
}

export interface Message {
  id: string;
  side: 'submitter' | 'managers';
  authorName: string | null;
  body: string;
  createdAt: string;
}

export interface Answer {
  id: string;
  ideaId: string;
  organizationId: string;
  organizationName: string;
  description: string;
  status: 'submitted' | 'accepted';
  createdAt: string;
}

export interface List<T> {
  items: T[];
  nextCursor?: string | null;
}
