import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ErrorMessage } from '../../ui/Status';

/** Asks before something that cannot be undone; the safe choice has the focus. */
export function ConfirmDialog({
  title,
  body,
  confirm,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  body: string;
  confirm: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('organization');
  return (
    <ModalOverlay
      isOpen
      isDismissable
      onOpenChange={(open) => (open ? undefined : onClose())}
      className="modal-overlay"
    >
      <Modal className="modal">
        <Dialog className="dialog" role="alertdialog">
          <Heading slot="title">{title}</Heading>
          <p>{body}</p>
          {error ? <ErrorMessage error={error} /> : null}
          <div className="actions">
            <button
              type="button"
              className="button button--warning"
              aria-disabled={pending}
              onClick={() => (pending ? undefined : onConfirm())}
            >
              {pending ? t('sending') : confirm}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
              {t('cancel')}
            </button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
