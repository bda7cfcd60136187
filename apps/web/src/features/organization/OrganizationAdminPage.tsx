import '../../ui/admin.css';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { NotFoundPage } from '../../app/NotFoundPage';
import { RequireSignIn } from '../../app/RequireSignIn';
import { useSession } from '../../app/session';
import { Page } from '../../ui/Page';
import { ErrorMessage, Loading } from '../../ui/Status';
import { ApiTokensSection } from './ApiTokensSection';
import { AuditSection } from './AuditSection';
import { FeedTokensSection } from './FeedTokensSection';
import { MembersSection } from './MembersSection';
import { useOrganization } from './queries';
import { WebhooksSection } from './WebhooksSection';

const TABS = ['members', 'api-tokens', 'webhooks', 'calendar-feeds', 'audit'] as const;

/** `/organization`: the first organization the person administers. */
export function OrganizationIndexPage() {
  return (
    <RequireSignIn>
      <FirstOrganization />
    </RequireSignIn>
  );
}

function FirstOrganization() {
  const { me } = useSession();
  const first = me?.memberships.find((membership) => membership.role === 'admin');
  if (first) return <Navigate to={`/organization/${first.organizationId}`} replace />;
  if (me?.platformAdmin) return <Navigate to="/platform" replace />;
  return <NotFoundPage />;
}

export function OrganizationAdminPage() {
  return (
    <RequireSignIn>
      <OrganizationAdmin />
    </RequireSignIn>
  );
}

function OrganizationAdmin() {
  const { id = '' } = useParams();
  const { me } = useSession();
  const adminOf = me?.memberships.filter((membership) => membership.role === 'admin') ?? [];
  // Platform admins act as admins of every organization; others see only their own here.
  if (!me?.platformAdmin && !adminOf.some((membership) => membership.organizationId === id)) return <NotFoundPage />;
  return <Administration id={id} others={adminOf.filter((membership) => membership.organizationId !== id)} />;
}

function Administration({
  id,
  others,
}: {
  id: string;
  others: Array<{ organizationId: string; organizationName: string }>;
}) {
  const { t } = useTranslation('organization');
  const organization = useOrganization(id);
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as (typeof TABS)[number])
    : 'members';
  const choose = (key: Key) => setParams(key === 'members' ? {} : { tab: String(key) }, { replace: true });

  if (organization.isPending) return <Loading />;
  if (organization.isError) {
    return (
      <Page title={t('title')}>
        <ErrorMessage error={organization.error} retry={() => void organization.refetch()} />
      </Page>
    );
  }
  const name = organization.data.name;
  return (
    <Page title={t('titleOf', { name })} lead={t('lead', { kind: t(`kinds.${organization.data.kind}`) })}>
      {others.length ? (
        <nav aria-label={t('otherOrganizations')}>
          <ul className="org-switch">
            {others.map((other) => (
              <li key={other.organizationId}>
                <Link to={`/organization/${other.organizationId}`}>
                  {t('administer', { name: other.organizationName })}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <Tabs selectedKey={tab} onSelectionChange={choose}>
        <TabList aria-label={t('sections')} className="tabs__list">
          {TABS.map((key) => (
            <Tab key={key} id={key} className="tabs__tab">
              {t(`tabs.${key}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="members" className="tabs__panel">
          <MembersSection organizationId={id} />
        </TabPanel>
        <TabPanel id="api-tokens" className="tabs__panel">
          <ApiTokensSection organizationId={id} />
        </TabPanel>
        <TabPanel id="webhooks" className="tabs__panel">
          <WebhooksSection organizationId={id} />
        </TabPanel>
        <TabPanel id="calendar-feeds" className="tabs__panel">
          <FeedTokensSection organizationId={id} organizationName={name} />
        </TabPanel>
        <TabPanel id="audit" className="tabs__panel">
          <AuditSection organizationId={id} />
        </TabPanel>
      </Tabs>
    </Page>
  );
}
