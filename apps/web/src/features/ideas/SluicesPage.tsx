import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryFailure } from '../../app/QueryFailure';
import { useSession } from '../../app/session';
import { Page } from '../../ui/Page';
import { Empty, Loading } from '../../ui/Status';
import { managesSluice } from './access';
import { DomainTags, useSubmittersText } from './parts';
import { useSluices } from './queries';
import './ideas.css';

/** Every innovation sluice: who runs it, what it takes in, who may submit, and how soon it answers. */
export function SluicesPage() {
  const { t } = useTranslation('ideas');
  const session = useSession();
  const sluices = useSluices();
  const submitters = useSubmittersText();
  if (sluices.isError)
    return <QueryFailure error={sluices.error} title={t('sluices.title')} retry={() => void sluices.refetch()} />;
  if (!sluices.data) return <Loading />;
  const items = sluices.data.items;
  return (
    <Page title={t('sluices.title')} lead={t('sluices.lead')}>
      {session.status === 'signedIn' ? (
        <p>
          <Link to="/ideas">{t('sluices.toMine')}</Link>
        </p>
      ) : null}
      {items.length === 0 ? <Empty>{t('sluices.none')}</Empty> : null}
      <ul className="booking-list sluice-list">
        {items.map((sluice) => (
          <li key={sluice.id} className="booking-card">
            <h2>
              <Link to={`/sluices/${sluice.id}`}>{sluice.name}</Link>
            </h2>
            {sluice.organizationName ? <p className="meta">{sluice.organizationName}</p> : null}
            <p>{sluice.description}</p>
            <DomainTags domains={sluice.domains} />
            <dl className="facts">
              <dt>{t('sluice.submitters')}</dt>
              <dd>{submitters(sluice)}</dd>
              <dt>{t('sluice.promise')}</dt>
              <dd>{t('sluice.promiseDays', { count: sluice.answerWithinDays })}</dd>
            </dl>
            {managesSluice(session.me, sluice) ? (
              <p>
                <Link to={`/sluices/${sluice.id}/screening`}>{t('sluice.toScreening', { name: sluice.name })}</Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </Page>
  );
}
