import { useTranslation } from 'react-i18next';
import { Page } from '../../ui/Page';

/** Tillgänglighetsredogörelse: what the law on accessible digital public service (DOS-lagen) asks every public site to publish. */
export function StatementPage() {
  const { t } = useTranslation('statement');
  const sections = ['status', 'known', 'tested', 'report', 'enforcement'] as const;
  return (
    <Page title={t('title')} lead={t('lead')}>
      <div className="statement">
        {sections.map((section) => (
          <section key={section} aria-labelledby={`statement-${section}`}>
            <h2 id={`statement-${section}`}>{t(`${section}.title`)}</h2>
            {(t(`${section}.paragraphs`, { returnObjects: true }) as string[]).map((paragraph) => (
              <p key={paragraph}>{paragraph}</p>
            ))}
            {section === 'tested' ? (
              <ul>
                {(t('tested.items', { returnObjects: true }) as string[]).map((item) => (
                  <li key={item}>{item}</li>
                ))}
              </ul>
            ) : null}
            {section === 'report' ? (
              <p>
                <a href={`mailto:${t('report.email')}`}>{t('report.email')}</a>
              </p>
            ) : null}
            {section === 'enforcement' ? (
              <p>
                <a href={t('enforcement.link')}>{t('enforcement.linkText')}</a>
              </p>
            ) : null}
          </section>
        ))}
        <p className="meta">{t('updated')}</p>
      </div>
    </Page>
  );
}
