import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ErrorSummary } from '../../ui/Form';
import { TextAreaField } from '../../ui/TextAreaField';
import { useFormProblems } from '../../ui/useFormProblems';
import { useSlotOpening } from './queries';

/** Closes a slot to new bookings and waiting-list entries; its bookings stay, and they read the reason in their history. */
export function CloseSlotDialog({
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
  const closing = useSlotOpening(slotId);
  const problems = useFormProblems('manage', { reason: t('closeSlot.reason') });
  const [reason, setReason] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (closing.isPending) return;
    closing.mutate({ close: true, reason: reason.trim() }, { onSuccess: onClose, onError: problems.show });
  };

  return (
    <ModalOverlay
      isOpen
      isDismissable
      onOpenChange={(open) => (open ? undefined : onClose())}
      className="modal-overlay"
    >
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title">{t('closeSlot.title')}</Heading>
          <p>{period}</p>
          <p>{booked > 0 ? t('closeSlot.bodyBooked', { count: booked }) : t('closeSlot.body')}</p>
          <form onSubmit={submit} noValidate>
            <ErrorSummary errors={problems.errors} general={problems.general} />
            <TextAreaField
              name="reason"
              label={t('closeSlot.reason')}
              hint={t('closeSlot.reasonHint')}
              error={problems.errorFor('reason')}
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              autoFocus
            />
            <div className="actions">
              <button type="submit" className="button" aria-disabled={closing.isPending}>
                {closing.isPending ? t('form.saving') : t('closeSlot.confirm')}
              </button>
              <button type="button" className="button button--secondary" onClick={onClose}>
                {t('closeSlot.keep')}
              </button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
