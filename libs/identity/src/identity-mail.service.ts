import { Injectable } from '@nestjs/common';
import { AppConfig, type Role } from '@slussen/core';
import { LinkTokens } from './link-tokens.js';
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

  /** The e-mails of pending invitations, by invitation id, in one read; one decided or expired has none. */
  async invitationMails(ids: readonly string[]): Promise<Map<string, IdentityMail>> {
    const invitations = await this.invitations.pendingForMail(ids);
    return new Map(
      invitations.map((invitation) => [
        invitation.id,
        {
          kind: 'invitation',
          recipient: {
            userId: invitation.userId,
            email: invitation.email,
            name: invitation.name,
            language: invitation.language,
          },
          link: this.config.publicUrl + WEB_LINKS.invitation(this.links.tokenOf('invitation', invitation.id)),
          expiresAt: new Date(invitation.expiresAt).toISOString(),
          organizationName: invitation.organizationName,
          role: invitation.role,
          invitedByName: invitation.invitedByName,
        },
      ]),
    );
  }

  /**
   * The e-mails of open password links, by link id, in one read; a link used
   * or expired has none. The organization a link's message names is read
   * apart (organizationNames): it comes with the message, not the link.
   */
  async passwordMails(ids: readonly string[]): Promise<Map<string, IdentityMail>> {
    const tokens = await this.passwordTokens.openForMail(ids);
    return new Map(
      tokens.map((token) => [
        token.id,
        {
          kind: token.purpose === 'setup' ? 'password-setup' : 'password-reset',
          recipient: { userId: token.userId, email: token.email, name: token.name, language: token.language },
          link: this.config.publicUrl + WEB_LINKS.password(this.links.tokenOf('password', token.id)),
          expiresAt: new Date(token.expiresAt).toISOString(),
          organizationName: null,
          role: null,
          invitedByName: null,
        },
      ]),
    );
  }

  /** Organizations' names, by id, in one read. */
  async organizationNames(ids: readonly string[]): Promise<Map<string, string>> {
    return new Map(
      (await this.organizations.findByIds([...ids])).map((organization) => [organization.id, organization.name]),
    );
  }
}
