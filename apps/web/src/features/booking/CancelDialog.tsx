import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ErrorSummary } from '../../ui/Form';
import { TextAreaField } from '../../ui/TextAreaField';
import { useFormProblems } from '../../ui/useFormProblems';
import { useSubmitOnce } from '../../ui/useSubmitOnce';
import { useCancelBooking } from './queries';

export function CancelDialog({
  bookingId,
  onClose,
  onDone,
}: {
  bookingId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('booking');
  const cancel = useCancelBooking(bookingId);
  const problems = useFormProblems('booking', { reason: t('cancel.reason') });
  const [reason, setReason] = useState('');
  const { sending, run } = useSubmitOnce();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => cancel.mutateAsync(reason.trim()).then(onDone, problems.show));
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
          <Heading slot="title">{t('cancel.title')}</Heading>
          <p>{t('cancel.body')}</p>
          <form onSubmit={submit} noValidate>
            <ErrorSummary errors={problems.errors} general={problems.general} />
            <TextAreaField
              name="reason"
              label={t('cancel.reason')}
              hint={t('cancel.reasonHint')}
              error={problems.errorFor('reason')}
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <div className="actions">
              <button type="submit" className="button button--warning" aria-disabled={sending}>
                {sending ? t('form.sending') : t('cancel.confirm')}
              </button>
              <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
                {t('cancel.keep')}
              </button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
