import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { HistoryFormat } from '../format.ts';
import { historyStrings } from '../strings.ts';
import type { TimelineEntry } from '../timeline-entries.ts';
import { CheckInForm } from './CheckInForm.tsx';
import { FlareForm } from './FlareForm.tsx';
import { IntakeForm } from './IntakeForm.tsx';
import { LabResultForm } from './LabResultForm.tsx';
import { RegimenForm } from './RegimenForm.tsx';
import { SymptomCheckForm } from './SymptomCheckForm.tsx';
import { editStrings as t } from './strings.ts';

/** A modal dialog with the edit form for one timeline entry; Escape or Cancel closes it unchanged. */
export function EditDialog({
  entry,
  format,
  onClose,
  onSaved,
}: {
  entry: TimelineEntry | null;
  format: HistoryFormat;
  onClose: () => void;
  onSaved: (entry: TimelineEntry) => void;
}) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={entry !== null}
      isDismissable
      onOpenChange={(isOpen) => {
        if (!isOpen) onClose();
      }}
    >
      <Modal className="modal">
        <Dialog className="dialog">
          {entry === null ? null : (
            <>
              <Heading slot="title" className="dialog__title">
                {t.title(historyStrings.kindsInSentence[entry.kind])}
              </Heading>
              <EntryForm entry={entry} format={format} onSaved={() => onSaved(entry)} onCancel={onClose} />
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function EntryForm({
  entry,
  format,
  onSaved,
  onCancel,
}: {
  entry: TimelineEntry;
  format: HistoryFormat;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const common = { locale: format.locale, timeZone: format.timeZone, onSaved, onCancel };
  switch (entry.kind) {
    case 'intakes':
      return <IntakeForm record={entry.record} {...common} />;
    case 'symptom-checks':
      return <SymptomCheckForm record={entry.record} {...common} />;
    case 'lab-results':
      return <LabResultForm record={entry.record} {...common} />;
    case 'flares':
      return <FlareForm record={entry.record} {...common} />;
    case 'regimens':
      return <RegimenForm record={entry.record} {...common} />;
    case 'check-ins':
      return <CheckInForm record={entry.record} {...common} />;
    default: {
      const unknown: never = entry;
      return unknown;
    }
  }
}
