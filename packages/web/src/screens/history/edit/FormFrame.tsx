import { type FormEvent, type ReactNode, useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import { FormAlert } from '../../../components/LiveMessages.tsx';
import type { FieldErrors } from '../../../forms/field-errors.ts';
import { editStrings as t } from './strings.ts';

/** The shell of every edit form: fields, a form-level alert, Save and Cancel. */
export function FormFrame({
  saving: { errors, formError, isSaving },
  onSubmit,
  onCancel,
  children,
  confirm,
}: {
  /** "Is this right?" asked before an unusual number is saved (forms/UnusualConfirm.tsx). */
  confirm?: ReactNode;
  /** The state of the save, as `useSaveRecord` returns it. */
  saving: { errors: FieldErrors; formError: string | undefined; isSaving: boolean };
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  // Move to the first field that needs fixing, so the person lands where to act.
  useEffect(() => {
    if (Object.keys(errors).length === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  const hasFieldErrors = Object.keys(errors).length > 0;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit}>
      {children}
      {confirm}
      <FormAlert message={formError ?? (hasFieldErrors ? t.fixFields : undefined)} />
      <div className="button-row">
        <Button type="submit" className="button button--primary">
          {isSaving ? t.saving : t.save}
        </Button>
        <Button className="button" onPress={onCancel}>
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}
