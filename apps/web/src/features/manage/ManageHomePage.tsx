import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../../ui/Page';
import { Empty, ErrorMessage, Loading } from '../../ui/Status';
import { RequireManager, useCurrentOrganization } from './access';
import { ManageNav } from './ManageNav';
import { useOrganizationTestbeds } from './queries';

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
  const own = (testbeds.data?.items ?? []).filter((testbed) => testbed.organizationId === organization?.organizationId);
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
      {testbeds.data && own.length === 0 ? <Empty>{t('home.none')}</Empty> : null}
      {own.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('home.caption', { name: organization?.organizationName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('home.name')}</th>
                <th scope="col">{t('home.status')}</th>
                <th scope="col">{t('home.municipality')}</th>
                <th scope="col">{t('home.capacity')}</th>
              </tr>
            </thead>
            <tbody>
              {own.map((testbed) => (
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
      ) : null}
    </Page>
  );
}
