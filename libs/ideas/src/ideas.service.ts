import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Clock,
  ConflictError,
  DomainError,
  NotFoundError,
  PolicyService,
  ValidationError,
  type Actor,
  type Page,
} from '@slussen/core';
import { AuditService, MembersService } from '@slussen/identity';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ANSWERABLE,
  BOOKABLE,
  IDEA_ACTION_PAST,
  nextIdeaStatus,
  type IdeaAction,
  type IdeaKind,
  type IdeaStatus,
  type Submitter,
} from './idea-status.js';
import { allWordsQuery, anyWordQuery, matchQuery } from './idea-text.js';
import { toIdeaEventView, toIdeaView, type IdeaView } from './idea.view.js';
import { companiesOf, isSubmitterSide, managesSluice, type IdeaSubject } from './ideas.policy.js';
import type { IdeaStatusTopic } from './messages/ideas.topics.js';
import { IdeasRepository, type IdeaRow, type IdeaScope } from './repositories/ideas.repository.js';
import { MatchesRepository } from './repositories/matches.repository.js';
import type { SluiceRow } from './repositories/sluices.repository.js';
import { SluicesService } from './sluices.service.js';

export interface SubmitCommand {
  kind: IdeaKind;
  title: string;
  description: string;
  domains?: string[];
  affects?: string;
  public?: boolean;
  /** Which of the caller's companies submits an idea; needed only when it belongs to several. */
  organizationId?: string;
}

export interface IdeaListQuery {
  q?: string;
  sluiceId?: string;
  status?: IdeaStatus;
  kind?: IdeaKind;
}

export type Decision =
  | { action: 'screen' }
  | { action: 'accept'; testbedIds: string[] }
  | { action: 'decline'; reason: string }
  | { action: 'close'; result: string };

const TOPIC: Record<Exclude<IdeaAction, 'pilot'>, IdeaStatusTopic> = {
  screen: 'idea.screening',
  accept: 'idea.accepted',
  decline: 'idea.declined',
  close: 'idea.closed',
};

/** Why a person who sees an idea may not do this with it (a 403 in words). */
const REFUSAL: Record<'idea.decide' | 'idea.converse' | 'idea.answer', (idea: IdeaRow) => string> = {
  'idea.decide': (idea) => `Only the admins and managers running ${idea.sluiceName} decide on what comes in`,
  'idea.converse': (idea) =>
    `The conversation is between the submitter and the admins and managers running ${idea.sluiceName}`,
  'idea.answer': () => 'Companies answer public needs: act for a company to answer one',
};

const WHO: Record<Submitter, string> = {
  staff: 'the staff of the organization that runs it',
  companies: 'companies',
  anyone: 'anyone signed in',
};

export const subjectOf = (idea: IdeaRow): IdeaSubject => ({
  kind: idea.kind,
  public: idea.public,
  submittedByUserId: idea.submittedByUserId,
  submitterOrganizationId: idea.submitterOrganizationId,
  sluiceOrganizationId: idea.sluiceOrganizationId,
});

/**
 * Who may submit what to a sluice, and for which organization: a need comes
 * from the sluice's own staff (the problem is theirs), an idea from a company;
 * a sluice open to anyone takes either from any signed-in person. Returns the
 * organization the submission is made for (null: the person alone), or throws
 * a 403 that says who the sluice takes what from.
 */
export function submissionStanding(
  actor: Actor,
  sluice: Pick<SluiceRow, 'organizationId' | 'organizationName' | 'submitters'>,
  kind: IdeaKind,
  requestedOrganizationId?: string,
): string | null {
  const accepts = (who: Submitter) => sluice.submitters.includes(who);
  const staff = actor.memberships.some((membership) => membership.organizationId === sluice.organizationId);
  const companies = companiesOf(actor).map((membership) => membership.organizationId);
  const who = sluice.submitters.map((submitter) => WHO[submitter]);
  const takes = `This sluice takes submissions from ${who.length > 1 ? `${who.slice(0, -1).join(', ')} and ${who.at(-1)}` : who[0]}`;
  if (requestedOrganizationId !== undefined) {
    const mayActFor =
      (kind === 'need' && staff && accepts('staff') && requestedOrganizationId === sluice.organizationId) ||
      (kind === 'idea' && accepts('companies') && companies.includes(requestedOrganizationId));
    if (mayActFor) return requestedOrganizationId;
    throw new DomainError('forbidden', `You cannot submit this ${kind} for that organization. ${takes}.`, {
      errors: [{ field: 'organizationId', message: 'is not an organization you may submit for here' }],
    });
  }
  if (kind === 'need') {
    if (staff && accepts('staff')) return sluice.organizationId;
    if (accepts('anyone')) return null;
    throw new DomainError(
      'forbidden',
      `Needs come from the staff of ${sluice.organizationName}; companies submit ideas. ${takes}.`,
      {
        errors: [
          { field: 'kind', message: 'a need is submitted by the staff of the organization that runs the sluice' },
        ],
      },
    );
  }
  if (accepts('companies') && companies.length === 1) return companies[0]!;
  if (accepts('companies') && companies.length > 1)
    throw new ValidationError('You belong to several companies: say which one submits the idea', [
      { field: 'organizationId', message: 'required when you belong to several companies' },
    ]);
  if (accepts('anyone')) return null;
  throw new DomainError(
    'forbidden',
    staff
      ? `Staff of ${sluice.organizationName} submit needs; ideas come from companies. ${takes}.`
      : `Ideas come from companies. ${takes}.`,
    { errors: [{ field: 'kind', message: 'an idea is submitted by a company' }] },
  );
}

/**
 * Ideas and needs: submission, the lists each person sees, duplicates while
 * typing, the sluice's decisions (one state machine, idea-status.ts), matches
 * from the catalogue, followers, and the link a booking makes. Every decision
 * locks the idea's row and writes its event, outbox message and audit entry
 * in one transaction.
 */
@Injectable()
export class IdeasService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ideas: IdeasRepository,
    private readonly matchesRepository: MatchesRepository,
    private readonly sluices: SluicesService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly members: MembersService,
    private readonly clock: Clock,
  ) {}

  /** A person the sluice accepts submits a need or an idea: status `submitted`, its managers told. */
  async submit(actor: Actor, sluiceId: string, command: SubmitCommand): Promise<IdeaView> {
    const sluice = await this.sluices.find(sluiceId);
    const organizationId = submissionStanding(actor, sluice, command.kind, command.organizationId);
    if (command.public && command.kind !== 'need')
      throw new ValidationError('Only a need can be public; an idea stays with the sluice', [
        { field: 'public', message: 'only a need can be public' },
      ]);
    const id = await this.dataSource.transaction((manager) =>
      this.ideas.insert(
        {
          sluiceId,
          kind: command.kind,
          title: command.title.trim(),
          description: command.description,
          domains: [...new Set(command.domains ?? [])],
          affects: command.affects?.trim() || null,
          public: command.public ?? false,
          submittedByUserId: actor.userId,
          submitterOrganizationId: organizationId,
        },
        actor,
        manager,
      ),
    );
    const [view] = await this.viewsFor(actor, [(await this.ideas.findById(id))!]);
    return view!;
  }

  async list(actor: Actor, query: IdeaListQuery, limit: number, cursor?: string): Promise<Page<IdeaView>> {
    const page = await this.ideas.list(
      scopeOf(actor),
      { ...query, terms: query.q ? allWordsQuery(query.q) : null },
      limit,
      cursor,
    );
    return { items: await this.viewsFor(actor, page.items), nextCursor: page.nextCursor };
  }

  /** Ideas as the caller reads them: whether its side submitted each, and which it follows (one query). */
  private async viewsFor(actor: Actor, rows: IdeaRow[]): Promise<IdeaView[]> {
    const followed =
      actor.userId && rows.length > 0
        ? await this.ideas.followedAmong(
            rows.map((row) => row.id),
            actor.userId,
          )
        : new Set<string>();
    return rows.map((row) =>
      toIdeaView(row, { mine: isSubmitterSide(actor, subjectOf(row)), following: followed.has(row.id) }),
    );
  }

  /** Existing ideas and needs the caller may see that resemble what it types, best first. */
  async similar(actor: Actor, q: string, sluiceId?: string, limit = 10) {
    const terms = anyWordQuery(q);
    if (!terms) return { items: [] };
    const rows = await this.ideas.similar(scopeOf(actor), terms, sluiceId ?? null, limit);
    return { items: rows.map((row) => ({ ...row, rank: Math.round(row.rank * 10_000) / 10_000 })) };
  }

  /** The idea with its history, whether the caller follows it, and what the caller may do now. */
  async get(actor: Actor, id: string) {
    const idea = await this.readable(actor, id);
    const subject = subjectOf(idea);
    const manages = this.policy.can(actor, 'idea.decide', subject);
    const allowed = (action: IdeaAction) => manages && nextIdeaStatus(idea.status, action) !== null;
    // The submitter's name is for the sluice's managers and the submitter's own side, not every reader of a public need.
    const namesSubmitter = manages || isSubmitterSide(actor, subject);
    const [events, following, submitter] = await Promise.all([
      this.ideas.events(id),
      actor.userId ? this.ideas.follows(id, actor.userId) : Promise.resolve(false),
      namesSubmitter && idea.submittedByUserId ? this.members.contactOfUser(idea.submittedByUserId) : null,
    ]);
    return {
      ...toIdeaView(idea, { mine: isSubmitterSide(actor, subject), following }),
      submitterName: submitter?.name ?? null,
      events: events.map(toIdeaEventView),
      permissions: {
        screen: allowed('screen'),
        accept: allowed('accept'),
        decline: allowed('decline'),
        close: allowed('close'),
        converse: this.policy.can(actor, 'idea.converse', subject),
        answer: this.policy.can(actor, 'idea.answer', subject) && ANSWERABLE.has(idea.status),
        acceptAnswer:
          manages &&
          idea.public &&
          idea.kind === 'need' &&
          idea.acceptedAnswerOrganizationId === null &&
          ANSWERABLE.has(idea.status),
        follow: actor.userId !== null,
        matches: manages,
      },
    };
  }

  /** A decision of the sluice's managers; an illegal move is 409 conflict. */
  async decide(actor: Actor, id: string, decision: Decision) {
    const found = await this.readable(actor, id);
    this.mayOn(actor, 'idea.decide', found);
    // An illegal move is a 409 before anything else is looked at; the locked row is judged again below.
    this.checkMove(found, decision.action);
    if (decision.action === 'accept') await this.checkTestbeds(decision.testbedIds);
    await this.dataSource.transaction(async (manager) => {
      const idea = await this.locked(id, manager);
      const to = this.checkMove(idea, decision.action);
      if (decision.action === 'accept') await this.ideas.matchTestbeds(id, decision.testbedIds, manager);
      const detail =
        decision.action === 'decline' ? decision.reason : decision.action === 'close' ? decision.result : null;
      await this.ideas.transition(
        id,
        {
          from: idea.status,
          to,
          topic: TOPIC[decision.action],
          actor,
          detail,
          at: this.clock.now(),
          declineReason: decision.action === 'decline' ? decision.reason : undefined,
          result: decision.action === 'close' ? decision.result : undefined,
        },
        manager,
      );
      await this.audit.record(
        actor,
        {
          action: `idea.${decision.action}`,
          organizationId: idea.sluiceOrganizationId,
          subjectType: 'idea',
          subjectId: id,
          details: { from: idea.status, to, ...decision },
        },
        manager,
      );
    });
    return this.get(actor, id);
  }

  /** Published test beds suggested for the idea: most shared domains first, then Swedish text similarity. */
  async matches(actor: Actor, id: string) {
    const idea = await this.readable(actor, id);
    this.mayOn(actor, 'idea.decide', idea);
    const sluice = await this.sluices.find(idea.sluiceId);
    const domains = idea.domains.length ? idea.domains : sluice.domains;
    const rows = await this.matchesRepository.suggest(
      domains,
      matchQuery([idea.title, idea.description, idea.affects ?? ''].join(' ')),
      20,
    );
    return {
      items: rows.map((row) => ({
        ...row,
        textRank: Math.round(row.textRank * 10_000) / 10_000,
        score: row.sharedDomains.length + Math.min(row.textRank, 0.9999),
        matched: idea.testbedIds.includes(row.testbedId),
        sameOrganization: row.organizationId === idea.sluiceOrganizationId,
      })),
    };
  }

  /** Anyone signed in who sees the idea follows it: e-mail on each change of its status. Idempotent. */
  async follow(actor: Actor, id: string): Promise<void> {
    await this.readable(actor, id);
    if (!actor.userId) throw new DomainError('forbidden', 'Only a signed-in person can follow an idea');
    await this.ideas.follow(id, actor.userId);
  }

  async unfollow(actor: Actor, id: string): Promise<void> {
    await this.readable(actor, id);
    if (!actor.userId) throw new DomainError('forbidden', 'Only a signed-in person can follow an idea');
    await this.ideas.unfollow(id, actor.userId);
  }

  /**
   * Scheduling asks before it books with `ideaId`: the caller must see the
   * idea (404), the company must be the one whose answer was accepted or whose
   * idea it is (403), the idea accepted or piloting and the test bed one it is
   * matched to (409). The database holds the same rule (ideas_bookings_link_permitted).
   */
  async checkBookingLink(actor: Actor, ideaId: string, organizationId: string, testbedId: string): Promise<void> {
    const idea = await this.readable(actor, ideaId);
    const companies = [idea.acceptedAnswerOrganizationId, idea.kind === 'idea' ? idea.submitterOrganizationId : null];
    if (!companies.includes(organizationId))
      throw new DomainError(
        'forbidden',
        idea.kind === 'need'
          ? 'Only the company whose answer to this need was accepted may book with it'
          : 'Only the company whose idea it is may book with it',
      );
    if (!BOOKABLE.has(idea.status))
      throw new ConflictError(
        `A ${idea.status} ${idea.kind} cannot be linked to a booking; the sluice accepts it first`,
      );
    if (!idea.testbedIds.includes(testbedId))
      throw new ConflictError(`This test bed is not one the ${idea.kind} is matched to`);
  }

  /** Reminds the sluices' managers of every idea waiting longer than promised, once each; for the worker. */
  remindWaiting(batchSize = 500): Promise<number> {
    return this.ideas.remindWaiting(this.clock.now(), batchSize);
  }

  /** The idea, its row locked for the rest of `manager`'s transaction. */
  async locked(id: string, manager: EntityManager): Promise<IdeaRow> {
    await this.ideas.lock(id, manager);
    return (await this.ideas.findById(id, manager))!;
  }

  /** The idea as notifications tell it (no access check: for the worker). */
  /** Ideas as notifications tell them, by id, in one read (no access check: for the worker). */
  forNotifications(ids: readonly string[]): Promise<Map<string, IdeaRow>> {
    return this.ideas.findByIds(ids);
  }

  /** The followers of several ideas, by idea, in one read. */
  followersOf(ids: readonly string[]): Promise<Map<string, string[]>> {
    return this.ideas.followerIdsOf(ids);
  }

  /** The idea, when the caller may see it (else 404). */
  async readable(actor: Actor, id: string): Promise<IdeaRow> {
    const idea = await this.ideas.findById(id);
    if (!idea) throw new NotFoundError('Idea');
    this.policy.authorize(actor, 'idea.read', subjectOf(idea), 'Idea');
    return idea;
  }

  /** Throws 403 in words unless the actor, who sees the idea, may do `action` on it. */
  mayOn(actor: Actor, action: 'idea.decide' | 'idea.converse' | 'idea.answer', idea: IdeaRow): void {
    if (!this.policy.can(actor, action, subjectOf(idea))) throw new DomainError('forbidden', REFUSAL[action](idea));
  }

  /** The status `action` leads to, or a 409 that says why not. */
  private checkMove(idea: IdeaRow, action: IdeaAction): IdeaStatus {
    const to = nextIdeaStatus(idea.status, action);
    if (to !== null) return to;
    throw new ConflictError(
      `A ${idea.status} ${idea.kind} cannot be ${IDEA_ACTION_PAST[action]}${
        action === 'accept' && idea.status === 'submitted' ? ' before it is screened' : ''
      }`,
    );
  }

  private async checkTestbeds(testbedIds: string[]): Promise<void> {
    const published = await this.matchesRepository.published(testbedIds);
    const errors = testbedIds.flatMap((testbedId, index) =>
      published.has(testbedId) ? [] : [{ field: `testbedIds.${index}`, message: 'is not a published test bed' }],
    );
    if (errors.length) throw new ValidationError('An idea is matched only to published test beds', errors);
  }
}

/** What the actor's lists show (see IdeaScope). */
export function scopeOf(actor: Actor): IdeaScope {
  if (actor.platformAdmin) return { all: true };
  return {
    userId: actor.userId,
    companies: companiesOf(actor).map((membership) => membership.organizationId),
    managed: actor.memberships
      .filter((membership) => managesSluice(actor, membership.organizationId))
      .map((membership) => membership.organizationId),
  };
}
