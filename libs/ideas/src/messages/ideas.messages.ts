import { Injectable } from '@nestjs/common';
import { AppConfig } from '@slussen/core';
import { Messages, type Contact, type Notice, type NoticeReads, type Recipient } from '@slussen/notifications';
import { ConversationService } from '../conversation.service.js';
import { IdeasService } from '../ideas.service.js';
import type { IdeaRow } from '../repositories/ideas.repository.js';
import { renderIdeaMail, type IdeaAudience, type IdeaMailTopic } from './idea-mail.js';
import type { IdeasTopics } from './ideas.topics.js';

const DAY_MS = 86_400_000;

/**
 * Ideas' messages: a new submission and a late one to the sluice's managers,
 * each change of status to the submitter and the followers (and webhooks of the
 * sluice's organization and the submitting one), a message in the conversation
 * to the other side, and answers to public needs.
 */
@Injectable()
export class IdeasMessages extends Messages<keyof IdeasTopics> {
  readonly messages = {
    'idea.submitted': (payload: { ideaId: string }, reads: NoticeReads) =>
      this.aboutIdea('submitted', payload.ideaId, ['managers'], reads),
    'idea.screening': (payload: { ideaId: string }, reads: NoticeReads) =>
      this.aboutIdea('screening', payload.ideaId, ['submitter'], reads),
    'idea.accepted': (payload: { ideaId: string }, reads: NoticeReads) =>
      this.aboutIdea('accepted', payload.ideaId, ['submitter'], reads),
    'idea.declined': (payload: { ideaId: string }, reads: NoticeReads) =>
      this.aboutIdea('declined', payload.ideaId, ['submitter'], reads),
    'idea.piloting': (payload: { ideaId: string; bookingId: string }, reads: NoticeReads) =>
      this.aboutIdea('piloting', payload.ideaId, ['submitter', 'managers'], reads, { bookingId: payload.bookingId }),
    'idea.closed': (payload: { ideaId: string }, reads: NoticeReads) =>
      this.aboutIdea('closed', payload.ideaId, ['submitter'], reads),
    'idea.waiting': (payload: { ideaId: string }, reads: NoticeReads) =>
      this.aboutIdea('waiting', payload.ideaId, ['managers'], reads),
    'idea.message': (payload: { messageId: string }, reads: NoticeReads) => this.message(payload.messageId, reads),
    'idea.answered': (payload: { answerId: string }, reads: NoticeReads) =>
      this.answer('answered', payload.answerId, reads),
    'idea.answer-accepted': (payload: { answerId: string }, reads: NoticeReads) =>
      this.answer('answer-accepted', payload.answerId, reads),
  };

  /** A batch's ideas, their followers, messages and answers, each read once for the batch. */
  private readonly ideasById = (ids: readonly string[]) => this.ideas.forNotifications(ids);
  private readonly followersByIdea = (ids: readonly string[]) => this.ideas.followersOf(ids);
  private readonly messagesById = (ids: readonly string[]) => this.conversation.messagesForNotification(ids);
  private readonly answersById = (ids: readonly string[]) => this.conversation.answersForNotification(ids);

  constructor(
    private readonly ideas: IdeasService,
    private readonly conversation: ConversationService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  /** Status changes also reach the followers; the submission, the reminder and the conversation do not. */
  private async aboutIdea(
    topic: IdeaMailTopic,
    ideaId: string,
    audiences: IdeaAudience[],
    reads: NoticeReads,
    extra: Record<string, unknown> = {},
  ): Promise<Notice<IdeaAudience> | null> {
    const idea = await reads.load(this.ideasById, ideaId);
    if (!idea) return null;
    const statusChange = topic !== 'submitted' && topic !== 'waiting';
    const [people, accepted, followers] = await Promise.all([
      this.people(idea, audiences, reads),
      // The company whose answer was accepted hears how the need goes on: it is the one to pilot it.
      statusChange && idea.acceptedAnswerOrganizationId ? reads.contactsOf(idea.acceptedAnswerOrganizationId) : [],
      statusChange ? this.followers(idea.id, reads) : [],
    ]);
    for (const [id, person] of this.recipients(accepted, 'company')) if (!people.has(id)) people.set(id, person);
    for (const contact of followers)
      if (!people.has(contact.userId)) people.set(contact.userId, { ...contact, audience: 'follower' });
    return this.notice(topic, idea, people, {
      organizations: topic === 'waiting' ? [] : this.organizationsOf(idea),
      webhookData: { idea: this.webhookIdea(idea), ...extra },
      text: topic === 'declined' ? idea.declineReason : topic === 'closed' ? idea.result : null,
      who: null,
    });
  }

  private async message(messageId: string, reads: NoticeReads): Promise<Notice<IdeaAudience> | null> {
    const message = await reads.load(this.messagesById, messageId);
    if (!message) return null;
    const idea = await reads.load(this.ideasById, message.ideaId);
    if (!idea) return null;
    const [people, author] = await Promise.all([
      this.people(idea, [message.side === 'submitter' ? 'managers' : 'submitter'], reads),
      message.authorUserId ? reads.contactOfUser(message.authorUserId) : null,
    ]);
    if (message.authorUserId) people.delete(message.authorUserId);
    return this.notice('message', idea, people, {
      organizations: [],
      webhookData: {},
      text: message.body,
      who: author?.name ?? null,
    });
  }

  private async answer(topic: 'answered' | 'answer-accepted', answerId: string, reads: NoticeReads) {
    const answer = await reads.load(this.answersById, answerId);
    if (!answer) return null;
    const idea = await reads.load(this.ideasById, answer.ideaId);
    if (!idea) return null;
    const people =
      topic === 'answered'
        ? await this.people(idea, ['managers', 'submitter'], reads)
        : this.recipients(await reads.contactsOf(answer.organizationId), 'company');
    return this.notice(topic, idea, people, {
      organizations:
        topic === 'answered' ? [idea.sluiceOrganizationId] : [idea.sluiceOrganizationId, answer.organizationId],
      webhookData: {
        idea: this.webhookIdea(idea),
        answer: { id: answer.id, organizationId: answer.organizationId, status: answer.status },
      },
      text: topic === 'answered' ? answer.description : null,
      who: answer.organizationName,
    });
  }

  private notice(
    topic: IdeaMailTopic,
    idea: IdeaRow,
    people: Map<string, Recipient<IdeaAudience>>,
    parts: { organizations: string[]; webhookData: Record<string, unknown>; text: string | null; who: string | null },
  ): Notice<IdeaAudience> {
    const answerDueAt = new Date(new Date(idea.createdAt).getTime() + idea.answerWithinDays * DAY_MS).toISOString();
    return {
      people,
      organizations: [...new Set(parts.organizations)],
      webhookData: parts.webhookData,
      render: (person) =>
        renderIdeaMail(person.language, {
          topic,
          audience: person.audience,
          recipientName: person.name,
          kind: idea.kind,
          title: idea.title,
          sluiceName: idea.sluiceName,
          text: parts.text,
          who: parts.who,
          answerDueAt,
          // The web app's page of the idea.
          link: `${this.config.publicUrl}/ideas/${idea.id}`,
        }),
    };
  }

  /** The sluice's admins and managers; the submitter (the person, or a company's members when no person is known). */
  private async people(
    idea: IdeaRow,
    audiences: IdeaAudience[],
    reads: NoticeReads,
  ): Promise<Map<string, Recipient<IdeaAudience>>> {
    const [managers, submitters] = await Promise.all([
      audiences.includes('managers') ? reads.contactsOf(idea.sluiceOrganizationId, ['admin', 'manager']) : [],
      audiences.includes('submitter') ? this.submitters(idea, reads) : [],
    ]);
    return new Map([...this.recipients(managers, 'managers'), ...this.recipients(submitters, 'submitter')]);
  }

  /** The person who submitted the idea, or the submitting company's members when no person is known. */
  private async submitters(idea: IdeaRow, reads: NoticeReads): Promise<Contact[]> {
    const submitter = idea.submittedByUserId ? await reads.contactOfUser(idea.submittedByUserId) : null;
    if (submitter) return [submitter];
    return idea.submitterOrganizationId ? reads.contactsOf(idea.submitterOrganizationId) : [];
  }

  /** The contacts of the idea's followers, in the order they followed it. */
  private async followers(ideaId: string, reads: NoticeReads): Promise<Contact[]> {
    const userIds = (await reads.load(this.followersByIdea, ideaId)) ?? [];
    const contacts = await Promise.all(userIds.map((userId) => reads.contactOfUser(userId)));
    return contacts.filter((contact) => contact !== null);
  }

  private recipients(contacts: Contact[], audience: IdeaAudience): Map<string, Recipient<IdeaAudience>> {
    return new Map(contacts.map((contact) => [contact.userId, { ...contact, audience }]));
  }

  private organizationsOf(idea: IdeaRow): string[] {
    return [idea.sluiceOrganizationId, ...(idea.submitterOrganizationId ? [idea.submitterOrganizationId] : [])];
  }

  private webhookIdea(idea: IdeaRow) {
    return {
      id: idea.id,
      sluiceId: idea.sluiceId,
      kind: idea.kind,
      title: idea.title,
      status: idea.status,
      public: idea.public,
      testbedIds: idea.testbedIds,
      bookingIds: idea.bookingIds,
    };
  }
}
