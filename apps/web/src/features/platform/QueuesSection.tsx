import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../ui/Status';
import { useOpenQueueDashboard } from './queries';

const DASHBOARD = '/admin/queues';

export function QueuesSection() {
  const { t } = useTranslation('platform');
  const open = useOpenQueueDashboard();
  return (
    <section aria-labelledby="queues-heading">
      <h2 id="queues-heading">{t('queues.title')}</h2>
      <p>{t('queues.lead')}</p>
      {open.isError ? <ErrorMessage error={open.error} /> : null}
      <button
        type="button"
        className="button"
        aria-disabled={open.isPending}
        onClick={() =>
          open.isPending ? undefined : open.mutate(undefined, { onSuccess: () => window.location.assign(DASHBOARD) })
        }
      >
        {open.isPending ? t('queues.opening') : t('queues.open')}
      </button>
      <p className="hint">{t('queues.hint')}</p>
    </section>
  );
}
