import { formatInstant, renderMail, type Language } from '@slussen/notifications';

export interface IdentityMailData {
  kind: 'invitation' | 'password-reset' | 'password-setup';
  recipientName: string;
  link: string;
  expiresAt: string;
  /** The zone the expiry is shown in. */
  timezone: string;
  organizationName: string | null;
  role: 'admin' | 'manager' | 'member' | null;
  invitedByName: string | null;
}

const ROLE_NAMES: Record<Language, Record<'admin' | 'manager' | 'member', string>> = {
  sv: { admin: 'administratör', manager: 'ansvarig', member: 'medlem' },
  en: { admin: 'admin', manager: 'manager', member: 'member' },
};

/** An invitation to an organization, a forgotten-password link, or the first-password link of a new member. */
export function renderIdentityMail(
  language: Language,
  data: IdentityMailData,
): { subject: string; text: string; html: string } {
  const until = `${formatInstant(data.expiresAt, data.timezone, language)} (${data.timezone})`;
  const organization = data.organizationName ?? 'Slussen';
  const sv = language === 'sv';
  const texts = {
    invitation: {
      subject: sv ? `Inbjudan till ${organization} i Slussen` : `Invitation to ${organization} in Slussen`,
      line: sv
        ? `${data.invitedByName ?? 'En administratör'} bjuder in dig att bli ${ROLE_NAMES.sv[data.role ?? 'member']} i ${organization}. Logga in och tacka ja via länken; inget ändras förrän du gör det.`
        : `${data.invitedByName ?? 'An admin'} invites you to join ${organization} as ${ROLE_NAMES.en[data.role ?? 'member']}. Sign in and accept through the link; nothing changes until you do.`,
      rows: [sv ? `Inbjudan gäller till ${until}.` : `The invitation is open until ${until}.`],
    },
    'password-reset': {
      subject: sv ? 'Välj ett nytt lösenord i Slussen' : 'Choose a new password for Slussen',
      line: sv
        ? 'Någon bad om ett nytt lösenord för ditt konto. Välj ett via länken. Var det inte du kan du bortse från det här meddelandet; ditt lösenord är oförändrat.'
        : 'Someone asked for a new password for your account. Choose one through the link. If it was not you, ignore this message; your password is unchanged.',
      rows: [sv ? `Länken fungerar en gång, till ${until}.` : `The link works once, until ${until}.`],
    },
    'password-setup': {
      subject: sv ? `Välkommen till ${organization} i Slussen` : `Welcome to ${organization} in Slussen`,
      line: sv
        ? `Du har lagts till i ${organization} i Slussen. Välj ditt lösenord via länken för att logga in.`
        : `You have been added to ${organization} in Slussen. Choose your password through the link to sign in.`,
      rows: [
        sv
          ? `Länken fungerar en gång, till ${until}. Har den gått ut kan du begära en ny via "Glömt lösenord".`
          : `The link works once, until ${until}. If it has expired, ask for a new one with "Forgot password".`,
      ],
    },
  }[data.kind];
  return renderMail(language, {
    subject: texts.subject,
    recipientName: data.recipientName,
    line: texts.line,
    title: organization,
    rows: texts.rows,
    link: data.link,
  });
}
