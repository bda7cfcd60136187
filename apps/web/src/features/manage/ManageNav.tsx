import { useTranslation } from 'react-i18next';
import { NavLink, useSearchParams } from 'react-router';
import { useCurrentOrganization, useManagedOrganizations } from './access';
import './manage.css';

/** The workspace's own navigation, and the organization it shows when the person runs several. */
export function ManageNav() {
  const { t } = useTranslation('manage');
  const managed = useManagedOrganizations();
  const current = useCurrentOrganization();
  const [params, setParams] = useSearchParams();
  const org = params.get('org');
  const suffix = org ? `?org=${encodeURIComponent(org)}` : '';
  return (
    <div className="manage-nav">
      <nav aria-label={t('nav.label')}>
        <ul>
          <li>
            <NavLink to={`/manage${suffix}`} end>
              {t('nav.testbeds')}
            </NavLink>
          </li>
          <li>
            <NavLink to={`/manage/calendar${suffix}`}>{t('nav.calendar')}</NavLink>
          </li>
          <li>
            <NavLink to={`/manage/requests${suffix}`}>{t('nav.requests')}</NavLink>
          </li>
        </ul>
      </nav>
      {managed.length > 1 ? (
        <div className="field manage-nav__org">
          <label htmlFor="field-org">{t('nav.organization')}</label>
          <select
            id="field-org"
            value={current?.organizationId}
            onChange={(event) => {
              const next = new URLSearchParams(params);
              next.set('org', event.target.value);
              setParams(next);
            }}
          >
            {managed.map((m) => (
              <option key={m.organizationId} value={m.organizationId}>
                {m.organizationName}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="manage-nav__org">{t('nav.for', { name: current?.organizationName })}</p>
      )}
    </div>
  );
}
