import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ActorResolver, AppConfig, AuthGuard, RateLimitModule } from '@slussen/core';
import { AccountsService } from '../accounts.service.js';
import { IdentityActorResolver } from '../identity-actor.resolver.js';
import { IdentityModule } from '../identity.module.js';
import { AuthController } from './auth.controller.js';
import { InvitationsController } from './invitations.controller.js';
import { MeController } from './me.controller.js';
import { OrganizationsController } from './organizations.controller.js';
import { BrowserClientGuard, SessionController } from './session.controller.js';
import { UsersController } from './users.controller.js';

/**
 * The identity routes, and the guard that authenticates every route of the API
 * (routes answer anonymous callers only when marked @Public()).
 */
@Module({
  imports: [IdentityModule, RateLimitModule],
  controllers: [
    AuthController,
    MeController,
    InvitationsController,
    OrganizationsController,
    SessionController,
    UsersController,
  ],
  providers: [
    BrowserClientGuard,
    { provide: ActorResolver, useExisting: IdentityActorResolver },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class IdentityHttpModule implements OnApplicationBootstrap {
  constructor(
    private readonly accounts: AccountsService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.accounts.bootstrapPlatformAdmin(this.config);
  }
}
