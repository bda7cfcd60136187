import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ErrorSummary } from '../../ui/Form';
import { useFormProblems } from '../../ui/useFormProblems';
import { useSubmitOnce } from '../../ui/useSubmitOnce';
import { useCancelBooking } from './queries';

export function CancelDialog({ bookingId, onClose, onDone }: { bookingId: string; onClose: () => void; onDone: () => void }) {
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
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => (open ? undefined : onClose())} className="modal-overlay">
      <Modal className="modal">
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title">{t('cancel.title')}</Heading>
          <p>{t('cancel.body')}</p>
          <form onSubmit={submit} noValidate>
            <ErrorSummary errors={problems.errors} general={problems.general} />
            <div className={problems.errorFor('reason') ? 'field field--error' : 'field'}>
              <label htmlFor="field-reason">{t('cancel.reason')}</label>
              <p className="hint" id="field-reason-hint">
                {t('cancel.reasonHint')}
              </p>
              {problems.errorFor('reason') ? <p className="field-error">{problems.errorFor('reason')}</p> : null}
              <textarea id="field-reason" name="reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby="field-reason-hint" />
            </div>
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
