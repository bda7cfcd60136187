import { Injectable } from '@nestjs/common';
import { AppConfig, type Role } from '@slussen/core';
import { LinkTokens } from './link-tokens.js';
import type { IdentityTopics } from './messages/identity.topics.js';
import { InvitationsRepository } from './repositories/invitations.repository.js';
import { OrganizationsRepository } from './repositories/organizations.repository.js';
import { PasswordTokensRepository } from './repositories/password-tokens.repository.js';

/** The web app's pages that the e-mailed links open (the web app is served on PUBLIC_URL). */
export const WEB_LINKS = {
  invitation: (token: string) => `/invitations/${token}`,
  password: (token: string) => `/reset-password?token=${token}`,
};

/** What one identity e-mail says, to whom; rendered by the notifications context. */
export interface IdentityMail {
  kind: 'invitation' | 'password-reset' | 'password-setup';
  recipient: { userId: string; email: string; name: string; language: 'sv' | 'en' };
  link: string;
  expiresAt: string;
  organizationName: string | null;
  role: Role | null;
  invitedByName: string | null;
}

/**
 * Re-reads an identity outbox message at sending time: nothing goes out for a
 * link already used, replaced or expired, or an invitation already decided.
 */
@Injectable()
export class IdentityMailService {
  constructor(
    private readonly passwordTokens: PasswordTokensRepository,
    private readonly invitations: InvitationsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly links: LinkTokens,
    private readonly config: AppConfig,
  ) {}

  async forNotification(topic: keyof IdentityTopics, payload: Record<string, unknown>): Promise<IdentityMail | null> {
    if (topic === 'identity.invitation') {
      const id = String(payload.invitationId);
      const invitation = await this.invitations.pendingForMail(id);
      if (!invitation) return null;
      return {
        kind: 'invitation',
        recipient: {
          userId: invitation.userId,
          email: invitation.email,
          name: invitation.name,
          language: invitation.language,
        },
        link: this.config.publicUrl + WEB_LINKS.invitation(this.links.tokenOf('invitation', id)),
        expiresAt: new Date(invitation.expiresAt).toISOString(),
        organizationName: invitation.organizationName,
        role: invitation.role,
        invitedByName: invitation.invitedByName,
      };
    }
    const id = String(payload.passwordTokenId);
    const token = await this.passwordTokens.openForMail(id);
    if (!token) return null;
    const organizationId = typeof payload.organizationId === 'string' ? payload.organizationId : null;
    const organization = organizationId ? (await this.organizations.findByIds([organizationId]))[0] : undefined;
    return {
      kind: token.purpose === 'setup' ? 'password-setup' : 'password-reset',
      recipient: { userId: token.userId, email: token.email, name: token.name, language: token.language },
      link: this.config.publicUrl + WEB_LINKS.password(this.links.tokenOf('password', id)),
      expiresAt: new Date(token.expiresAt).toISOString(),
      organizationName: organization?.name ?? null,
      role: null,
      invitedByName: null,
    };
  }
}
