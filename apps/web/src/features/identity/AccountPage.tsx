import { useTranslation } from 'react-i18next';
import { RequireSignIn } from '../../app/RequireSignIn';
import { useSession } from '../../app/session';
import { Page } from '../../ui/Page';
import { CalendarFeeds } from './CalendarFeeds';
import { PasswordForm } from './PasswordForm';
import { ProfileForm } from './ProfileForm';
import { SignOutEverywhere } from './SignOutEverywhere';

export function AccountPage() {
  return (
    <RequireSignIn>
      <Account />
    </RequireSignIn>
  );
}

/** The person's own account: name and language, password, calendar feeds, and signing out everywhere. */
function Account() {
  const { t } = useTranslation('identity');
  const { me } = useSession();
  if (!me) return null;

  return (
    <Page title={t('account.title')}>
      <dl className="facts">
        <dt>{t('fields.email')}</dt>
        <dd>{me.email}</dd>
        <dt>{t('account.organizations')}</dt>
        <dd>
          {me.memberships.length
            ? me.memberships.map((membership) => (
                <span key={membership.organizationId}>
                  {t('account.membership', {
                    organization: membership.organizationName,
                    role: t(`roles.${membership.role}`),
                  })}
                  <br />
                </span>
              ))
            : t('account.noOrganizations')}
        </dd>
      </dl>
      <ProfileForm me={me} />
      <PasswordForm />
      {/* Feed addresses are handed out by an organization's admins and managers. */}
      {me.memberships
        .filter((membership) => membership.role === 'admin' || membership.role === 'manager')
        .map((membership) => (
          <CalendarFeeds key={membership.organizationId} membership={membership} />
        ))}
      <SignOutEverywhere />
    </Page>
  );
}
