import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { api } from '../../api/client';
import { call, isProblem } from '../../api/problem';
import { useSession } from '../../app/session';
import { Page } from '../../ui/Page';
import { ErrorMessage, Loading, Notice } from '../../ui/Status';
import { dateFormat } from '../../ui/format';

interface Joined {
  organizationId: string;
  role: 'admin' | 'manager' | 'member';
}

/**
 * Where an invitation e-mail's link leads (`/invitations/<token>`): the person
 * signs in (or gets a password first) as the invited account, then accepts.
 */
export function InvitationPage() {
  const { t, i18n } = useTranslation('invitations');
  const { token = '' } = useParams();
  const session = useSession();
  const location = useLocation();
  const queryClient = useQueryClient();
  const accept = useMutation({
    mutationFn: () => call<Joined>(api.POST('/api/v1/invitations/accept', { body: { token } as never })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
  const here = encodeURIComponent(location.pathname);
  const signedIn = session.status === 'signedIn' && Boolean(session.me);
  // What the link offers, read before answering (nothing changes).
  const offer = useQuery({
    queryKey: ['invitation', token],
    enabled: signedIn && !accept.isSuccess,
    retry: false,
    queryFn: () => call(api.POST('/api/v1/invitations/preview', { body: { token } })),
  });

  if (session.loading) return <Loading />;

  if (!signedIn || !session.me) {
    return (
      <Page title={t('title')} lead={t('signedOut.lead')}>
        <p>{t('signedOut.body')}</p>
        <p>
          <Link className="button" to={`/sign-in?next=${here}`}>
            {t('signedOut.signIn')}
          </Link>
        </p>
        <h2>{t('signedOut.noPasswordTitle')}</h2>
        <p>{t('signedOut.noPassword')}</p>
      </Page>
    );
  }

  if (accept.isSuccess) {
    const organization = session.me.memberships.find(
      (membership) => membership.organizationId === accept.data.organizationId,
    );
    const name = organization?.organizationName ?? t('theOrganization');
    return (
      <Page title={t('accepted.title')}>
        <Notice tone="success">
          <p>{t('accepted.body', { organization: name, role: t(`roles.${accept.data.role}`) })}</p>
        </Notice>
        <ul>
          {accept.data.role === 'admin' ? (
            <li>
              <Link to={`/organization/${accept.data.organizationId}`}>
                {t('accepted.administer', { organization: name })}
              </Link>
            </li>
          ) : null}
          <li>
            <Link to="/account">{t('accepted.account')}</Link>
          </li>
          <li>
            <Link to="/search">{t('accepted.search')}</Link>
          </li>
        </ul>
      </Page>
    );
  }

  if (offer.isPending) return <Loading />;
  const gone = (problem: unknown) => isProblem(problem) && problem.status === 404;
  if (offer.isError && !gone(offer.error)) {
    return (
      <Page title={t('title')}>
        <ErrorMessage error={offer.error} retry={() => void offer.refetch()} />
      </Page>
    );
  }
  const wrongAccount = (
    <p>
      {t('signedIn.wrongAccount')}{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => {
          void session.signOut().then(() => window.location.assign(`/sign-in?next=${here}`));
        }}
      >
        {t('signedIn.signOut')}
      </button>
    </p>
  );
  if (offer.isError || gone(accept.error)) {
    return (
      <Page title={t('gone.title')} lead={t('signedIn.lead', { email: session.me.email })}>
        <div className="notice notice--error" role="alert">
          <p>{t('gone.body', { email: session.me.email })}</p>
          <p>{t('gone.help')}</p>
        </div>
        {wrongAccount}
      </Page>
    );
  }
  const offered = offer.data!;
  const until = dateFormat(i18n.language, { dateStyle: 'long' }).format(new Date(offered.expiresAt));
  return (
    <Page
      title={t('offer.title', { organization: offered.organizationName })}
      lead={t('signedIn.lead', { email: session.me.email })}
    >
      {accept.isError ? <ErrorMessage error={accept.error} /> : null}
      <dl className="facts">
        <dt>{t('offer.organization')}</dt>
        <dd>{`${offered.organizationName} (${t(`kinds.${offered.organizationKind}`)})`}</dd>
        <dt>{t('offer.role')}</dt>
        <dd>{t(`roles.${offered.role}`)}</dd>
        {offered.invitedByName ? (
          <>
            <dt>{t('offer.invitedBy')}</dt>
            <dd>{offered.invitedByName}</dd>
          </>
        ) : null}
        <dt>{t('offer.until')}</dt>
        <dd>{until}</dd>
      </dl>
      <p>{t('signedIn.body')}</p>
      <div className="actions">
        <button
          type="button"
          className="button"
          aria-disabled={accept.isPending}
          onClick={() => (accept.isPending ? undefined : accept.mutate())}
        >
          {accept.isPending ? t('signedIn.accepting') : t('signedIn.accept')}
        </button>
        <Link className="button button--secondary" to="/">
          {t('signedIn.notNow')}
        </Link>
      </div>
      {wrongAccount}
    </Page>
  );
}
