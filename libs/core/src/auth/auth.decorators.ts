import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiExtension, ApiForbiddenResponse } from '@nestjs/swagger';
import type { Actor } from './actor.js';

export const PUBLIC_ROUTE = 'slussen:public';

/** Marks the route's OpenAPI operation public (the API's bootstrap turns it into an optional security requirement). */
export const PUBLIC_OPERATION = 'x-slussen-public';

/** The route answers anonymous callers too; a bearer credential, if sent, must still be valid. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_OPERATION, true));

export const PERSON_ONLY_ROUTE = 'slussen:person-only';

/**
 * Only a signed-in person may call the route; an API token gets 403. For every
 * route that changes who can act for an organization (members, roles, API
 * tokens, webhooks, feed tokens, settings), so a leaked token cannot entrench itself.
 */
export const PersonOnly = () =>
  applyDecorators(
    SetMetadata(PERSON_ONLY_ROUTE, true),
    ApiForbiddenResponse({
      description: 'Your role does not allow this, or you called with an API token: only a signed-in person may',
    }),
  );

export interface RequestWithActor {
  actor?: Actor | null;
}

/** The calling actor; `null` on a public route called anonymously. */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor | null =>
    context.switchToHttp().getRequest<RequestWithActor>().actor ?? null,
);
