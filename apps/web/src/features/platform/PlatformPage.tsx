import '../../ui/admin.css';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Tab, TabList, TabPanel, Tabs, type Key } from 'react-aria-components';
import { NotFoundPage } from '../../app/NotFoundPage';
import { RequireSignIn } from '../../app/RequireSignIn';
import { useSession } from '../../app/session';
import { Page } from '../../ui/Page';
import { OrganizationsSection } from './OrganizationsSection';
import { PeopleSection } from './PeopleSection';
import { QueuesSection } from './QueuesSection';

const TABS = ['organizations', 'people', 'queues'] as const;

export function PlatformPage() {
  return (
    <RequireSignIn>
      <PlatformOnly />
    </RequireSignIn>
  );
}

/** Nothing here for anyone but platform admins: to others the address does not exist. */
function PlatformOnly() {
  const { me } = useSession();
  return me?.platformAdmin ? <Platform /> : <NotFoundPage />;
}

function Platform() {
  const { t } = useTranslation('platform');
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as (typeof TABS)[number])
    : 'organizations';
  const choose = (key: Key) => setParams(key === 'organizations' ? {} : { tab: String(key) }, { replace: true });
  return (
    <Page title={t('title')} lead={t('lead')}>
      <Tabs selectedKey={tab} onSelectionChange={choose}>
        <TabList aria-label={t('sections')} className="tabs__list">
          {TABS.map((key) => (
            <Tab key={key} id={key} className="tabs__tab">
              {t(`tabs.${key}`)}
            </Tab>
          ))}
        </TabList>
        <TabPanel id="organizations" className="tabs__panel">
          <OrganizationsSection />
        </TabPanel>
        <TabPanel id="people" className="tabs__panel">
          <PeopleSection />
        </TabPanel>
        <TabPanel id="queues" className="tabs__panel">
          <QueuesSection />
        </TabPanel>
      </Tabs>
    </Page>
  );
}
