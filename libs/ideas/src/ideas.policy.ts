import { Injectable } from '@nestjs/common';
import { hasRole, isPlatformAdmin, PolicyService, type Actor, type OrganizationKind } from '@slussen/core';
import type { IdeaKind } from './idea-status.js';

/** An idea as the policy sees it: who submitted it, for which organization, to whose sluice, and whether it is public. */
export interface IdeaSubject {
  kind: IdeaKind;
  public: boolean;
  submittedByUserId: string | null;
  submitterOrganizationId: string | null;
  sluiceOrganizationId: string;
}

declare module '@slussen/core' {
  interface PolicySubjects {
    'sluice.create': { id: string; kind: OrganizationKind };
    'idea.read': IdeaSubject;
    'idea.decide': IdeaSubject;
    'idea.converse': IdeaSubject;
    'idea.answer': IdeaSubject;
  }
}

/** The sluice's managers: admins and managers of the organization that runs it (and platform admins). */
export const managesSluice = (actor: Actor | null, organizationId: string) =>
  hasRole(actor, organizationId, 'admin', 'manager');

/** The submitter's side: the person who submitted it, and for a company's submission, that company's members. */
export function isSubmitterSide(actor: Actor | null, idea: IdeaSubject): boolean {
  if (!actor) return false;
  if (actor.userId !== null && actor.userId === idea.submittedByUserId) return true;
  return (
    idea.submitterOrganizationId !== null &&
    actor.memberships.some(
      (membership) =>
        membership.organizationId === idea.submitterOrganizationId && membership.organizationKind === 'company',
    )
  );
}

/** Public needs for everyone signed in; otherwise the submitter's side and the sluice's managers. */
export function canSeeIdea(actor: Actor | null, idea: IdeaSubject): boolean {
  if (!actor) return false;
  return (
    (idea.public && idea.kind === 'need') ||
    isPlatformAdmin(actor) ||
    isSubmitterSide(actor, idea) ||
    managesSluice(actor, idea.sluiceOrganizationId)
  );
}

/** The companies the actor acts for. */
export const companiesOf = (actor: Actor | null) =>
  (actor?.memberships ?? []).filter((membership) => membership.organizationKind === 'company');

@Injectable()
export class IdeasPolicy {
  constructor(policy: PolicyService) {
    policy.define('sluice.create', {
      visible: () => true,
      allowed: (actor, organization) =>
        (organization.kind === 'region' || organization.kind === 'municipality') &&
        managesSluice(actor, organization.id),
    });
    policy.define('idea.read', { visible: canSeeIdea, allowed: (actor) => actor !== null });
    policy.define('idea.decide', {
      visible: canSeeIdea,
      allowed: (actor, idea) => managesSluice(actor, idea.sluiceOrganizationId),
    });
    // The conversation is between the submitter's side and the sluice's managers; a public need's other readers only read it.
    policy.define('idea.converse', {
      visible: canSeeIdea,
      allowed: (actor, idea) => isSubmitterSide(actor, idea) || managesSluice(actor, idea.sluiceOrganizationId),
    });
    policy.define('idea.answer', {
      visible: canSeeIdea,
      allowed: (actor, idea) => idea.public && idea.kind === 'need' && companiesOf(actor).length > 0,
    });
  }
}
