import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useDomains } from '../catalogue/queries';
import { zoneName } from '../../ui/format';
import { Page } from '../../ui/Page';
import { Notice } from '../../ui/Status';
import { RequireManager } from './access';
import type { Testbed } from './types';
import { WithTestbed } from './WithTestbed';

/** The test bed as the public catalogue will show it, before (or after) it is published. */
export function PreviewPage() {
  const { id } = useParams();
  return (
    <RequireManager>
      <WithTestbed id={id!}>{(testbed) => <Preview tb={testbed} />}</WithTestbed>
    </RequireManager>
  );
}

function Preview({ tb }: { tb: Testbed }) {
  const { t, i18n } = useTranslation('manage');
  const domains = useDomains();
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const label = (key: string) => domains.data?.items.find((domain) => domain.key === key)?.labels[language] ?? key;
  return (
    <Page title={tb.name} lead={tb.summary}>
      <Notice>
        <p>{t('preview.notice', { status: t(`testbedStatus.${tb.status}`) })}</p>
        <p>
          <Link to={`/manage/testbeds/${tb.id}`}>{t('preview.back')}</Link>
        </p>
      </Notice>
      <div className="two-columns">
        <div>
          <h2>{t('preview.about')}</h2>
          {tb.description ? (
            tb.description.split(/\n{2,}/).map((paragraph, index) => <p key={index}>{paragraph}</p>)
          ) : (
            <p className="empty">{t('preview.noDescription')}</p>
          )}
          <ul className="tags" aria-label={t('form.domains')}>
            {tb.domains.map((domain) => (
              <li key={domain} className="tag">
                {label(domain)}
              </li>
            ))}
          </ul>
        </div>
        <dl className="facts">
          <dt>{t('form.environmentType')}</dt>
          <dd>{t(`catalogue:environment.${tb.environmentType}`, { defaultValue: tb.environmentType })}</dd>
          <dt>{t('preview.trl')}</dt>
          <dd>
            {tb.trl.min}–{tb.trl.max}
          </dd>
          <dt>{t('preview.where')}</dt>
          <dd>{[tb.location.address, tb.location.municipality].filter(Boolean).join(', ')}</dd>
          <dt>{t('form.timezone')}</dt>
          <dd>{zoneName(tb.timezone, i18n.language)}</dd>
          <dt>{t('form.capacity')}</dt>
          <dd>{tb.capacity}</dd>
          <dt>{t('preview.approval')}</dt>
          <dd>
            {tb.rules.requiresApproval
              ? t('preview.approvalYes', { days: tb.rules.decisionDays })
              : t('preview.approvalNo')}
          </dd>
          <dt>{t('preview.window')}</dt>
          <dd>{t('preview.windowValue', { min: tb.rules.minLeadDays, max: tb.rules.maxAdvanceDays })}</dd>
          <dt>{t('form.contactEmail')}</dt>
          <dd>{tb.contactEmail ?? '—'}</dd>
        </dl>
      </div>
    </Page>
  );
}
