import type { Actor } from './actor.js';

/**
 * Turns a bearer credential into an actor. The identity context provides it;
 * `null` means the credential is not valid (expired, revoked, unknown).
 */
export abstract class ActorResolver {
  abstract resolve(credential: string): Promise<Actor | null>;
}
