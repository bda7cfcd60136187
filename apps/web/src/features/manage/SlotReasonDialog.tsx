import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { useCancelSlot, useSlotOpening } from './queries';

/**
 * Closes a slot to new bookings (its bookings stay and read the reason in their history,
 * which is optional), or cancels it with its bookings (the reason reaches every company
 * whose booking it ends, and is required when there are any).
 */
export function SlotReasonDialog({
  kind,
  slotId,
  period,
  booked,
  onDone,
  onClose,
}: {
  kind: 'close' | 'cancel';
  slotId: string;
  period: string;
  booked: number;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('manage');
  const closing = useSlotOpening(slotId);
  const cancel = useCancelSlot(slotId);
  const words = kind === 'close' ? 'closeSlot' : 'cancelSlot';
  return (
    <ReasonDialog
      ns="manage"
      title={t(`${words}.title`)}
      label={t(`${words}.reason`)}
      hint={t(`${words}.reasonHint`)}
      missing={kind === 'cancel' && booked > 0 ? t('cancelSlot.reasonNeeded') : undefined}
      confirm={t(`${words}.confirm`)}
      keep={t(`${words}.keep`)}
      warning={kind === 'cancel'}
      pending={closing.isPending || cancel.isPending}
      onConfirm={(reason, onError) =>
        kind === 'close'
          ? closing.mutate({ close: true, reason }, { onSuccess: onDone, onError })
          : cancel.mutate(reason, { onSuccess: onDone, onError })
      }
      onClose={onClose}
    >
      <p>{period}</p>
      <p>{booked > 0 ? t(`${words}.bodyBooked`, { count: booked }) : t(`${words}.body`)}</p>
    </ReasonDialog>
  );
}
