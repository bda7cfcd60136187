import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Actor } from './actor.js';

export const PUBLIC_ROUTE = 'slussen:public';

/** The route answers anonymous callers too; a bearer credential, if sent, must still be valid. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

export interface RequestWithActor {
  actor?: Actor | null;
}

/** The calling actor; `null` on a public route called anonymously. */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor | null => context.switchToHttp().getRequest<RequestWithActor>().actor ?? null,
);
