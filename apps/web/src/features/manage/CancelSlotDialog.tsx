import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ErrorSummary } from '../../ui/Form';
import { TextAreaField } from '../../ui/TextAreaField';
import { useFormProblems } from '../../ui/useFormProblems';
import { useCancelSlot } from './queries';

/** Cancels a slot and its bookings; the reason reaches every company whose booking it ends. */
export function CancelSlotDialog({
  slotId,
  period,
  booked,
  onClose,
}: {
  slotId: string;
  period: string;
  booked: number;
  onClose: () => void;
}) {
  const { t } = useTranslation('manage');
  const cancel = useCancelSlot(slotId);
  const problems = useFormProblems('manage', { reason: t('cancelSlot.reason') });
  const [reason, setReason] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (cancel.isPending) return;
    if (booked > 0 && !reason.trim()) {
      problems.setFieldErrors([
        { field: 'reason', label: t('cancelSlot.reason'), message: t('cancelSlot.reasonNeeded') },
      ]);
      return;
    }
    cancel.mutate(reason.trim(), { onSuccess: onClose, onError: problems.show });
  };

  return (
    <ModalOverlay
      isOpen
      isDismissable
      onOpenChange={(open) => (open ? undefined : onClose())}
      className="modal-overlay"
    >
      <Modal className="modal">
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title">{t('cancelSlot.title')}</Heading>
          <p>{period}</p>
          <p>{booked > 0 ? t('cancelSlot.bodyBooked', { count: booked }) : t('cancelSlot.body')}</p>
          <form onSubmit={submit} noValidate>
            <ErrorSummary errors={problems.errors} general={problems.general} />
            <TextAreaField
              name="reason"
              label={t('cancelSlot.reason')}
              hint={t('cancelSlot.reasonHint')}
              error={problems.errorFor('reason')}
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <div className="actions">
              <button type="submit" className="button button--warning" aria-disabled={cancel.isPending}>
                {cancel.isPending ? t('form.saving') : t('cancelSlot.confirm')}
              </button>
              <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
                {t('cancelSlot.keep')}
              </button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
