import { useTranslation } from 'react-i18next';
import { Button, Heading } from 'react-aria-components';

/** A React Aria calendar's month heading between its previous and next buttons. */
export function CalendarHeader({ level }: { level?: number }) {
  const { t } = useTranslation('common');
  return (
    <header>
      <Button slot="previous" className="icon-button" aria-label={t('datePicker.previous')}>
        <span aria-hidden="true">‹</span>
      </Button>
      <Heading level={level} />
      <Button slot="next" className="icon-button" aria-label={t('datePicker.next')}>
        <span aria-hidden="true">›</span>
      </Button>
    </header>
  );
}
