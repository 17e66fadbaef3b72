import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { FormAlert } from '../../components/LiveMessages.tsx';
import { historyStrings as t } from './strings.ts';

/** Asks before deleting (an alert dialog; Cancel has focus first). Undo is offered afterwards too. */
export function DeleteDialog({
  kindName,
  description,
  isOpen,
  isDeleting,
  error,
  onConfirm,
  onCancel,
}: {
  kindName: string;
  description: string;
  isOpen: boolean;
  isDeleting: boolean;
  error: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      isDismissable
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
    >
      <Modal className="modal modal--small">
        <Dialog role="alertdialog" className="dialog">
          <Heading slot="title" className="dialog__title">
            {t.confirmTitle(kindName)}
          </Heading>
          <p>{t.confirmBody(description)}</p>
          <FormAlert message={error} />
          <div className="button-row dialog__actions">
            <Button className="button" onPress={onCancel} autoFocus>
              {t.cancel}
            </Button>
            <Button className="button button--danger" onPress={onConfirm}>
              {isDeleting ? t.deleting : t.confirmDelete}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
