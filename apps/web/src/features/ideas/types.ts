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
  organizationName?: string;
  name: string;
  description: string;
  domains: string[];
  submitters: Submitter[];
  answerWithinDays: number;
  createdAt?: string;
}

export interface Idea {
  id: string;
  sluiceId: string;
  sluiceName?: string;
  kind: Kind;
  title: string;
  description: string;
  domains: string[];
  affects: string | null;
  public: boolean;
  status: IdeaStatus;
  createdAt: string;
  submittedAt?: string;
  answerDueAt?: string | null;
  submitter?: { userId?: string; name?: string; organizationName?: string } | null;
  mine?: boolean;
  following?: boolean;
  followers?: number;
  declineReason?: string | null;
  result?: string | null;
  testbeds?: Array<{ id: string; name: string }>;
  testbedIds?: string[];
  bookingId?: string | null;
  pilotId?: string | null;
}

export interface SimilarIdea {
  id: string;
  kind: Kind;
  title: string;
  status: IdeaStatus;
  sluiceId?: string;
  sluiceName?: string;
  following?: boolean;
}

export interface Match {
  testbedId: string;
  name: string;
  organizationName?: string;
  municipality?: string;
  domains?: string[];
  environmentType?: string;
  score?: number;
}

export interface Message {
  id: string;
  body: string;
  createdAt: string;
  author: { userId?: string; name: string; side?: 'submitter' | 'sluice' };
}

export interface Answer {
  id: string;
  ideaId: string;
  description: string;
  organizationId: string;
  organizationName?: string;
  status: 'submitted' | 'accepted' | string;
  createdAt: string;
}

export interface List<T> {
  items: T[];
  nextCursor?: string | null;
}
