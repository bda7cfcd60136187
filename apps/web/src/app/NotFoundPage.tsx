import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '../ui/Page';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.body')}</p>
      <ul>
        <li>
          <Link to="/search">{t('notFound.search')}</Link>
        </li>
        <li>
          <Link to="/">{t('notFound.home')}</Link>
        </li>
      </ul>
    </Page>
  );
}
