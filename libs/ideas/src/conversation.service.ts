import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Clock,
  ConflictError,
  DomainError,
  iso,
  NotFoundError,
  PolicyService,
  ValidationError,
  type Actor,
} from '@slussen/core';
import { AuditService, MembersService } from '@slussen/identity';
import { DataSource } from 'typeorm';
import { ANSWERABLE } from './idea-status.js';
import { toAnswerView } from './idea.view.js';
import { IdeasService, subjectOf } from './ideas.service.js';
import { companiesOf, isSubmitterSide, managesSluice } from './ideas.policy.js';
import { AnswersRepository } from './repositories/answers.repository.js';
import type { IdeaRow } from './repositories/ideas.repository.js';
import { MessagesRepository, type MessageRow } from './repositories/messages.repository.js';

/**
 * What people say about an idea: the conversation between its submitter and
 * the sluice's managers (each message e-mailed to the other side), and
 * companies' answers to a public need, one of which the managers may accept.
 */
@Injectable()
export class ConversationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ideas: IdeasService,
    private readonly messages: MessagesRepository,
    private readonly answers: AnswersRepository,
    private readonly members: MembersService,
    private readonly policy: PolicyService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async listMessages(actor: Actor, id: string) {
    const idea = await this.conversable(actor, id);
    const rows = await this.messages.ofIdea(idea.id);
    const names = await this.namesOf(rows);
    return { items: rows.map((row) => this.messageView(row, names)) };
  }

  /** A message from the submitter's side or the sluice's managers' (a person); the other side is e-mailed. */
  async postMessage(actor: Actor, id: string, body: string) {
    const idea = await this.conversable(actor, id);
    if (!actor.userId) throw new DomainError('forbidden', 'Only a signed-in person takes part in the conversation');
    const side =
      actor.userId === idea.submittedByUserId || !managesSluice(actor, idea.sluiceOrganizationId)
        ? 'submitter'
        : 'managers';
    const row = await this.messages.insert({ ideaId: id, authorUserId: actor.userId, side, body });
    return this.messageView(row, await this.namesOf([row]));
  }

  /** The managers and the submitter's side read every answer; a company its own. */
  async listAnswers(actor: Actor, id: string) {
    const idea = await this.ideas.readable(actor, id);
    const all = isSubmitterSide(actor, subjectOf(idea)) || managesSluice(actor, idea.sluiceOrganizationId);
    const rows = await this.answers.ofIdea(id, all ? null : companiesOf(actor).map((m) => m.organizationId));
    return { items: rows.map(toAnswerView) };
  }

  /** A company answers a public need that is still open (submitted, screening or accepted). */
  async answer(actor: Actor, id: string, command: { description: string; organizationId?: string }) {
    const idea = await this.ideas.readable(actor, id);
    this.ideas.mayOn(actor, 'idea.answer', idea);
    if (!ANSWERABLE.has(idea.status)) throw new ConflictError(`A ${idea.status} need takes no more answers`);
    const organizationId = this.answeringCompany(actor, command.organizationId);
    const answerId = await this.answers.insert({
      ideaId: id,
      organizationId,
      authorUserId: actor.userId,
      description: command.description,
    });
    return toAnswerView((await this.answers.findById(answerId))!);
  }

  /** The sluice's managers accept one answer: that company may then book a matched test bed with the need linked. */
  async acceptAnswer(actor: Actor, id: string, answerId: string) {
    const found = await this.ideas.readable(actor, id);
    this.ideas.mayOn(actor, 'idea.decide', found);
    await this.dataSource.transaction(async (manager) => {
      const idea = await this.ideas.locked(id, manager);
      const answer = await this.answers.findById(answerId, manager);
      if (!answer || answer.ideaId !== id) throw new NotFoundError('Answer');
      if (!ANSWERABLE.has(idea.status))
        throw new ConflictError(`An answer to a ${idea.status} need can no longer be accepted`);
      if (!(await this.answers.accept(answerId, this.clock.now(), manager)))
        throw new ConflictError('This answer is already accepted');
      await this.audit.record(
        actor,
        {
          action: 'idea.accept-answer',
          organizationId: idea.sluiceOrganizationId,
          subjectType: 'idea',
          subjectId: id,
          details: { answerId, company: answer.organizationId },
        },
        manager,
      );
    });
    return toAnswerView((await this.answers.findById(answerId))!);
  }

  /** A message as notifications tell it (no access check: for the worker). */
  /** Messages and answers as notifications tell them, by id, in one read each (no access check: for the worker). */
  messagesForNotification(messageIds: readonly string[]): Promise<Map<string, MessageRow>> {
    return this.messages.findByIds(messageIds);
  }

  answersForNotification(answerIds: readonly string[]) {
    return this.answers.findByIds(answerIds);
  }

  private async conversable(actor: Actor, id: string): Promise<IdeaRow> {
    const idea = await this.ideas.readable(actor, id);
    this.ideas.mayOn(actor, 'idea.converse', idea);
    return idea;
  }

  private async namesOf(rows: MessageRow[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.flatMap((row) => (row.authorUserId ? [row.authorUserId] : [])))];
    const contacts = await Promise.all(ids.map((userId) => this.members.contactOfUser(userId)));
    return new Map(contacts.flatMap((contact) => (contact ? [[contact.userId, contact.name] as const] : [])));
  }

  private messageView(row: MessageRow, names: Map<string, string>) {
    return {
      id: row.id,
      ideaId: row.ideaId,
      side: row.side,
      authorUserId: row.authorUserId,
      authorName: row.authorUserId ? (names.get(row.authorUserId) ?? null) : null,
      body: row.body,
      createdAt: iso(row.createdAt)!,
    };
  }

  private answeringCompany(actor: Actor, requested: string | undefined): string {
    const companies = companiesOf(actor).map((membership) => membership.organizationId);
    if (requested !== undefined) {
      if (companies.includes(requested)) return requested;
      throw new DomainError('forbidden', 'You can answer only for a company you belong to', {
        errors: [{ field: 'organizationId', message: 'is not a company you belong to' }],
      });
    }
    if (companies.length === 1) return companies[0]!;
    throw new ValidationError('You belong to several companies: say which one answers', [
      { field: 'organizationId', message: 'required when you belong to several companies' },
    ]);
  }
}
