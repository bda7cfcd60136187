import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { ErrorMessage } from './Status';

/**
 * Asks before a step that is hard or impossible to undo, naming what it acts on;
 * the safe choice has the focus. A warning for what destroys, plain for a decision
 * (approving a request). Closing returns the focus to what opened it (React Aria).
 */
export function ConfirmDialog({
  title,
  body,
  confirm,
  keep,
  tone = 'warning',
  pending,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  body: ReactNode;
  confirm: string;
  keep?: string;
  tone?: 'warning' | 'plain';
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('common');
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
          {typeof body === 'string' ? <p>{body}</p> : body}
          {error ? <ErrorMessage error={error} /> : null}
          <div className="actions">
            <button
              type="button"
              className={tone === 'warning' ? 'button button--warning' : 'button'}
              aria-disabled={pending}
              onClick={() => (pending ? undefined : onConfirm())}
            >
              {pending ? t('sending') : confirm}
            </button>
            <button type="button" className="button button--secondary" onClick={onClose} autoFocus>
              {keep ?? t('cancel')}
            </button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
