import { useState } from 'react';
import { failureMessage } from '../../api/api-error.ts';
import type { FieldErrors } from '../../forms/field-errors.ts';
import { type FieldRefs, useFieldErrors } from '../../forms/use-field-errors.ts';

/**
 * A Today card's form that adds a record: the problems found in the browser (focus on the first), the
 * save in flight, and a failed save's message for the form alert. The caller closes the form once saved.
 */
export function useCardForm(fields: readonly string[], refs: FieldRefs) {
  const { errors, showErrors, clearError } = useFieldErrors(fields, refs);
  const [formError, setFormError] = useState<string>();
  const [isSaving, setSaving] = useState(false);

  /** Shows the problems found in place of every earlier message; true when there are none. */
  const check = (found: FieldErrors): boolean => {
    setFormError(undefined);
    showErrors(found);
    return Object.keys(found).length === 0;
  };

  /** Runs the save; when it fails, its message shows and the form can be sent again. */
  const save = async (write: () => Promise<void>) => {
    setSaving(true);
    try {
      await write();
    } catch (caught) {
      setFormError(failureMessage(caught));
      setSaving(false);
    }
  };

  return { errors, formError, isSaving, check, save, clearError };
}
