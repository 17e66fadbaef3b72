import { Button } from 'react-aria-components';
import { FormAlert } from '../../components/LiveMessages.tsx';
import { todayStrings as t } from './strings.ts';

/** The end of a Today card's add form: its alert, Save (reading "Saving…" while it runs) and Cancel. */
export function CardFormActions({
  formError,
  isSaving,
  saveLabel,
  onCancel,
}: {
  formError: string | undefined;
  isSaving: boolean;
  saveLabel: string;
  onCancel: () => void;
}) {
  return (
    <>
      <FormAlert message={formError} />
      <div className="button-row">
        <Button type="submit" className="button button--primary">
          {isSaving ? t.saving : saveLabel}
        </Button>
        <Button className="button" onPress={onCancel}>
          {t.cancel}
        </Button>
      </div>
    </>
  );
}
