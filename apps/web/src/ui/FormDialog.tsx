import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

/**
 * A modal dialog around a step's form: its title first, then what the feature puts in it.
 * React Aria keeps the focus inside and hands it back to what opened the dialog when it closes.
 */
export function FormDialog({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  return (
    <ModalOverlay
      isOpen
      isDismissable
      onOpenChange={(isOpen) => (isOpen ? undefined : onClose())}
      className="modal-overlay"
    >
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title">{title}</Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

/** A dialog form's answer: do it (saying so while it is sent), or go back. */
export function DialogActions({
  pending,
  confirm,
  sending,
  keep,
  onClose,
  warning = false,
}: {
  pending: boolean;
  confirm: string;
  sending: string;
  keep: string;
  onClose: () => void;
  warning?: boolean;
}) {
  return (
    <div className="actions">
      <button type="submit" className={warning ? 'button button--warning' : 'button'} aria-disabled={pending}>
        {pending ? sending : confirm}
      </button>
      <button type="button" className="button button--secondary" onClick={onClose}>
        {keep}
      </button>
    </div>
  );
}
