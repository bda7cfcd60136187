import { Injectable } from '@nestjs/common';
import { DomainError, NotFoundError } from '../errors/domain-error.js';
import type { Actor } from './actor.js';

/**
 * The subject each action is decided on. Contexts add their actions by
 * declaration merging (`declare module '@slussen/core' { interface PolicySubjects { ... } }`),
 * so `authorize('testbed.update', testbed)` is checked by the compiler.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PolicySubjects {}
export type PolicyAction = keyof PolicySubjects;

export interface PolicyRule<Subject> {
  /** May the actor know this object exists? If not, the answer is 404. */
  visible(actor: Actor | null, subject: Subject): boolean;
  /** May the actor do the action? If it may see the object but not this, the answer is 403 (401 when anonymous). */
  allowed(actor: Actor | null, subject: Subject): boolean;
}

/** One place that answers "may this actor do this action on this object", for every context. */
@Injectable()
export class PolicyService {
  // Keyed by action; define() ties each rule to its action's subject type.
  private readonly rules = new Map<string, PolicyRule<unknown>>();

  define<A extends PolicyAction>(action: A, rule: PolicyRule<PolicySubjects[A]>): void {
    if (this.rules.has(action)) throw new Error(`policy rule ${action} is defined twice`);
    this.rules.set(action, rule as unknown as PolicyRule<unknown>);
  }

  can<A extends PolicyAction>(actor: Actor | null, action: A, subject: PolicySubjects[A]): boolean {
    const rule = this.rule(action);
    return rule.visible(actor, subject) && rule.allowed(actor, subject);
  }

  /** Throws not-found (cannot see it), unauthenticated (anonymous) or forbidden (can see, may not act). */
  authorize<A extends PolicyAction>(actor: Actor | null, action: A, subject: PolicySubjects[A], what: string): void {
    const rule = this.rule(action);
    if (!rule.visible(actor, subject)) throw new NotFoundError(what);
    if (rule.allowed(actor, subject)) return;
    if (actor === null) throw new DomainError('unauthenticated', 'Sign in to do this');
    throw new DomainError('forbidden', `Your role does not allow this (${action})`);
  }

  private rule(action: string): PolicyRule<unknown> {
    const rule = this.rules.get(action);
    if (!rule) throw new Error(`no policy rule for ${action}`);
    return rule;
  }
}
