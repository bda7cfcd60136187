import { describe, expect, it } from '@jest/globals';
import { renderIdentityMail, type IdentityMailData } from './identity-mail.js';

const base: IdentityMailData = {
  kind: 'invitation',
  recipientName: 'Anna Berg',
  link: 'https://slussen.test/invitations/sli_abc',
  expiresAt: '2027-03-02T07:00:00.000Z',
  timezone: 'Europe/Stockholm',
  organizationName: 'Region Skåne',
  role: 'manager',
  invitedByName: 'Johan Ek',
};

describe('identity e-mail', () => {
  it('invites in Swedish and English, with who invites, the role, the link and its expiry on the wall clock', () => {
    const sv = renderIdentityMail('sv', base);
    expect(sv.subject).toBe('Inbjudan till Region Skåne i Slussen');
    expect(sv.text).toContain('Johan Ek bjuder in dig att bli ansvarig i Region Skåne');
    expect(sv.text).toContain('2 mars 2027 08:00 (Europe/Stockholm)');
    expect(sv.text).toContain(base.link);
    const en = renderIdentityMail('en', base);
    expect(en.subject).toBe('Invitation to Region Skåne in Slussen');
    expect(en.text).toContain('Johan Ek invites you to join Region Skåne as manager');
    expect(en.html).toContain(`href="${base.link}"`);
  });

  it('sends the reset and first-password links in both languages', () => {
    const link = 'https://slussen.test/reset-password?token=slp_abc';
    const reset = {
      ...base,
      kind: 'password-reset' as const,
      link,
      organizationName: null,
      role: null,
      invitedByName: null,
    };
    expect(renderIdentityMail('sv', reset).subject).toBe('Välj ett nytt lösenord i Slussen');
    expect(renderIdentityMail('en', reset).text).toContain('If it was not you, ignore this message');
    expect(renderIdentityMail('en', reset).html).toContain('reset-password?token=slp_abc');
    const setup = { ...reset, kind: 'password-setup' as const, organizationName: 'Vårdbolaget AB' };
    expect(renderIdentityMail('sv', setup).subject).toBe('Välkommen till Vårdbolaget AB i Slussen');
    expect(renderIdentityMail('en', setup).text).toContain('Choose your password through the link');
  });
});
