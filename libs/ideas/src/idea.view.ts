import { iso } from '@slussen/core';
import type { IdeaKind, IdeaStatus, Submitter } from './idea-status.js';
import type { AnswerRow } from './repositories/answers.repository.js';
import type { IdeaEventRow, IdeaRow } from './repositories/ideas.repository.js';
import type { SluiceRow } from './repositories/sluices.repository.js';

export interface SluiceView {
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

export const toSluiceView = (row: SluiceRow): SluiceView => ({
  id: row.id,
  organizationId: row.organizationId,
  organizationName: row.organizationName,
  name: row.name,
  description: row.description,
  domains: row.domains,
  submitters: row.submitters,
  answerWithinDays: row.answerWithinDays,
  createdAt: iso(row.createdAt)!,
});

export interface IdeaView {
  id: string;
  sluiceId: string;
  sluiceName: string;
  sluiceOrganizationId: string;
  kind: IdeaKind;
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
  screenedAt: string | null;
  decidedAt: string | null;
  pilotingAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** The caller's side submitted it: the caller, or the company the caller acts for. */
  mine: boolean;
  following: boolean;
}

/** What an idea is to the one reading it. */
export interface IdeaReader {
  mine: boolean;
  following: boolean;
}

const DAY_MS = 86_400_000;

export const toIdeaView = (row: IdeaRow, reader: IdeaReader): IdeaView => ({
  id: row.id,
  sluiceId: row.sluiceId,
  sluiceName: row.sluiceName,
  sluiceOrganizationId: row.sluiceOrganizationId,
  kind: row.kind,
  title: row.title,
  description: row.description,
  domains: row.domains,
  affects: row.affects,
  public: row.public,
  status: row.status,
  submitterOrganizationId: row.submitterOrganizationId,
  submitterOrganizationName: row.submitterOrganizationName,
  declineReason: row.declineReason,
  result: row.result,
  testbedIds: row.testbedIds,
  bookingIds: row.bookingIds,
  acceptedAnswerOrganizationId: row.acceptedAnswerOrganizationId,
  followers: row.followers,
  answerDueAt: new Date(new Date(row.createdAt).getTime() + row.answerWithinDays * DAY_MS).toISOString(),
  screenedAt: iso(row.screenedAt),
  decidedAt: iso(row.decidedAt),
  pilotingAt: iso(row.pilotingAt),
  closedAt: iso(row.closedAt),
  createdAt: iso(row.createdAt)!,
  updatedAt: iso(row.updatedAt)!,
  mine: reader.mine,
  following: reader.following,
});

export const toIdeaEventView = (row: IdeaEventRow) => ({
  at: iso(row.at)!,
  type: row.type,
  fromStatus: row.fromStatus,
  toStatus: row.toStatus,
  actor: row.actorUserId || row.actorApiTokenId ? { userId: row.actorUserId, apiTokenId: row.actorApiTokenId } : null,
  detail: row.detail,
  bookingId: row.bookingId,
});

export const toAnswerView = (row: AnswerRow) => ({
  id: row.id,
  ideaId: row.ideaId,
  organizationId: row.organizationId,
  organizationName: row.organizationName,
  description: row.description,
  status: row.status,
  acceptedAt: iso(row.acceptedAt),
  createdAt: iso(row.createdAt)!,
});
