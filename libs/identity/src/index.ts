// The identity context's public surface for other contexts and the apps.
export { AccountsService } from './accounts.service.js';
export { AuditService, type AuditRecord } from './audit.service.js';
export { MembersService } from './members.service.js';
export { IdentityMailService, WEB_LINKS, type IdentityMail } from './identity-mail.service.js';
export { IDENTITY_ENTITIES } from './identity.entities.js';
export { IdentityActorResolver, type PassHolder } from './identity-actor.resolver.js';
export { SessionService } from './session.service.js';
export { canSeeOrganization, type OrganizationSubject } from './identity.policy.js';
export { IdentityModule } from './identity.module.js';
export { IdentityHttpModule } from './http/identity-http.module.js';
export { SESSION_COOKIE, SESSION_COOKIE_SCHEME } from './http/session.controller.js';
export { OrganizationsService } from './organizations.service.js';
export type { OrganizationView, UserView, MemberView, TokenPair } from './views.js';
export { IDENTITY_PROBLEMS } from './identity.errors.js';
export { IDENTITY_CONFIG, IdentityConfig } from './identity.config.js';
