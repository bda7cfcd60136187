import { Injectable } from '@nestjs/common';
import { AppConfig } from '@slussen/core';
import { MembersService } from '@slussen/identity';
import { Messages, type Contact, type Notice, type Recipient } from '@slussen/notifications';
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
    'idea.submitted': (payload: { ideaId: string }) => this.aboutIdea('submitted', payload.ideaId, ['managers']),
    'idea.screening': (payload: { ideaId: string }) => this.aboutIdea('screening', payload.ideaId, ['submitter']),
    'idea.accepted': (payload: { ideaId: string }) => this.aboutIdea('accepted', payload.ideaId, ['submitter']),
    'idea.declined': (payload: { ideaId: string }) => this.aboutIdea('declined', payload.ideaId, ['submitter']),
    'idea.piloting': (payload: { ideaId: string; bookingId: string }) =>
      this.aboutIdea('piloting', payload.ideaId, ['submitter', 'managers'], { bookingId: payload.bookingId }),
    'idea.closed': (payload: { ideaId: string }) => this.aboutIdea('closed', payload.ideaId, ['submitter']),
    'idea.waiting': (payload: { ideaId: string }) => this.aboutIdea('waiting', payload.ideaId, ['managers']),
    'idea.message': (payload: { messageId: string }) => this.message(payload.messageId),
    'idea.answered': (payload: { answerId: string }) => this.answer('answered', payload.answerId),
    'idea.answer-accepted': (payload: { answerId: string }) => this.answer('answer-accepted', payload.answerId),
  };

  constructor(
    private readonly ideas: IdeasService,
    private readonly conversation: ConversationService,
    private readonly members: MembersService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  /** Status changes also reach the followers; the submission, the reminder and the conversation do not. */
  private async aboutIdea(
    topic: IdeaMailTopic,
    ideaId: string,
    audiences: IdeaAudience[],
    extra: Record<string, unknown> = {},
  ): Promise<Notice<IdeaAudience> | null> {
    const idea = await this.ideas.forNotification(ideaId);
    if (!idea) return null;
    const people = await this.people(idea, audiences);
    const statusChange = topic !== 'submitted' && topic !== 'waiting';
    // The company whose answer was accepted hears how the need goes on: it is the one to pilot it.
    if (statusChange && idea.acceptedAnswerOrganizationId)
      for (const [id, person] of this.recipients(
        await this.members.contactsOf(idea.acceptedAnswerOrganizationId),
        'company',
      ))
        if (!people.has(id)) people.set(id, person);
    if (statusChange)
      for (const userId of await this.ideas.followersOf(idea.id)) {
        if (people.has(userId)) continue;
        const contact = await this.members.contactOfUser(userId);
        if (contact) people.set(userId, { ...contact, audience: 'follower' });
      }
    return this.notice(topic, idea, people, {
      organizations: topic === 'waiting' ? [] : this.organizationsOf(idea),
      webhookData: { idea: this.webhookIdea(idea), ...extra },
      text: topic === 'declined' ? idea.declineReason : topic === 'closed' ? idea.result : null,
      who: null,
    });
  }

  private async message(messageId: string): Promise<Notice<IdeaAudience> | null> {
    const message = await this.conversation.messageForNotification(messageId);
    if (!message) return null;
    const idea = await this.ideas.forNotification(message.ideaId);
    if (!idea) return null;
    const people = await this.people(idea, [message.side === 'submitter' ? 'managers' : 'submitter']);
    if (message.authorUserId) people.delete(message.authorUserId);
    const author = message.authorUserId ? await this.members.contactOfUser(message.authorUserId) : null;
    return this.notice('message', idea, people, {
      organizations: [],
      webhookData: {},
      text: message.body,
      who: author?.name ?? null,
    });
  }

  private async answer(topic: 'answered' | 'answer-accepted', answerId: string) {
    const answer = await this.conversation.answerForNotification(answerId);
    if (!answer) return null;
    const idea = await this.ideas.forNotification(answer.ideaId);
    if (!idea) return null;
    const people =
      topic === 'answered'
        ? await this.people(idea, ['managers', 'submitter'])
        : this.recipients(await this.members.contactsOf(answer.organizationId), 'company');
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
  private async people(idea: IdeaRow, audiences: IdeaAudience[]): Promise<Map<string, Recipient<IdeaAudience>>> {
    const people = new Map<string, Recipient<IdeaAudience>>();
    if (audiences.includes('managers'))
      for (const [id, person] of this.recipients(
        await this.members.contactsOf(idea.sluiceOrganizationId, ['admin', 'manager']),
        'managers',
      ))
        people.set(id, person);
    if (audiences.includes('submitter')) {
      const submitter = idea.submittedByUserId ? await this.members.contactOfUser(idea.submittedByUserId) : null;
      if (submitter) people.set(submitter.userId, { ...submitter, audience: 'submitter' });
      else if (idea.submitterOrganizationId)
        for (const [id, person] of this.recipients(
          await this.members.contactsOf(idea.submitterOrganizationId),
          'submitter',
        ))
          people.set(id, person);
    }
    return people;
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
