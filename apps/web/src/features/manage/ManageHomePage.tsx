import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../ui/Page';
import { Empty, ErrorMessage, Loading } from '../../ui/Status';
import { RequireManager, useCurrentOrganization } from './access';
import { ManageNav } from './ManageNav';
import { useOrganizationTestbeds } from './queries';
import type { Testbed } from './types';

export function ManageHomePage() {
  return (
    <RequireManager>
      <MyTestbeds />
    </RequireManager>
  );
}

function MyTestbeds() {
  const { t } = useTranslation('manage');
  const organization = useCurrentOrganization();
  const testbeds = useOrganizationTestbeds(organization?.organizationId);
  const retired = useOrganizationTestbeds(organization?.organizationId, 'retired');
  const ownOf = (items: Testbed[] | undefined) =>
    (items ?? []).filter((testbed) => testbed.organizationId === organization?.organizationId);
  // Drafts and published ones first; retired ones in their own group below.
  const own = ownOf(testbeds.data?.items).filter((testbed) => testbed.status !== 'retired');
  const ownRetired = ownOf(retired.data?.items);
  return (
    <Page title={t('home.title')} lead={t('home.lead')}>
      <ManageNav />
      <p>
        <Link className="button" to={`/manage/testbeds/new?org=${organization?.organizationId ?? ''}`}>
          {t('home.create')}
        </Link>
      </p>
      {testbeds.isPending ? <Loading /> : null}
      {testbeds.isError ? <ErrorMessage error={testbeds.error} retry={() => void testbeds.refetch()} /> : null}
      {testbeds.data && own.length === 0 && ownRetired.length === 0 ? <Empty>{t('home.none')}</Empty> : null}
      {own.length ? (
        <TestbedTable testbeds={own} caption={t('home.caption', { name: organization?.organizationName })} />
      ) : null}
      {retired.isError ? <ErrorMessage error={retired.error} retry={() => void retired.refetch()} /> : null}
      {ownRetired.length ? (
        <section aria-labelledby="retired-heading">
          <h2 id="retired-heading">{t('home.retired')}</h2>
          <TestbedTable
            testbeds={ownRetired}
            caption={t('home.retiredCaption', { name: organization?.organizationName })}
          />
        </section>
      ) : null}
    </Page>
  );
}

function TestbedTable({ testbeds, caption }: { testbeds: Testbed[]; caption: string }) {
  const { t } = useTranslation('manage');
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('home.name')}</th>
            <th scope="col">{t('home.status')}</th>
            <th scope="col">{t('home.municipality')}</th>
            <th scope="col">{t('home.capacity')}</th>
          </tr>
        </thead>
        <tbody>
          {testbeds.map((testbed) => (
            <tr key={testbed.id}>
              <td>
                <Link to={`/manage/testbeds/${testbed.id}`}>{testbed.name}</Link>
              </td>
              <td>
                <span className={`tag tag--status tag--tb-${testbed.status}`}>
                  {t(`testbedStatus.${testbed.status}`)}
                </span>
              </td>
              <td>{testbed.location.municipality}</td>
              <td>{testbed.capacity}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
