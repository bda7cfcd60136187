import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainError } from '../errors/domain-error.js';
import { ActorResolver } from './actor-resolver.js';
import { PERSON_ONLY_ROUTE, PUBLIC_ROUTE, type RequestWithActor } from './auth.decorators.js';

/** Every route needs a valid bearer credential unless marked `@Public()`; `@PersonOnly()` routes refuse API tokens (403). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly resolver: ActorResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & RequestWithActor>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const header = request.headers.authorization;

    if (header === undefined) {
      if (isPublic) {
        request.actor = null;
        return true;
      }
      throw new DomainError('unauthenticated', 'Sign in: send Authorization: Bearer <access token or API token>');
    }
    const match = /^Bearer\s+(\S{1,4096})$/i.exec(header);
    const actor = match ? await this.resolver.resolve(match[1]!) : null;
    if (!actor)
      throw new DomainError('unauthenticated', 'The bearer credential is not valid, or has expired or been revoked');
    if (
      actor.type !== 'user' &&
      this.reflector.getAllAndOverride<boolean>(PERSON_ONLY_ROUTE, [context.getHandler(), context.getClass()])
    ) {
      throw new DomainError('forbidden', 'Only a signed-in person may do this; an API token may not');
    }
    request.actor = actor;
    return true;
  }
}
