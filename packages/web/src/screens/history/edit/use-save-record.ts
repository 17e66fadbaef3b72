import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../../api/api-error.ts';
import { RECORD_SCHEMAS } from '../../../api/record-checks.ts';
import {
  type CreateOf,
  type RecordKind,
  type RecordOf,
  recordsQueryKey,
  updateRecord,
} from '../../../api/records.ts';
import { type FieldErrors, fieldErrorsFromApi, fieldErrorsFromIssues } from '../../../forms/field-errors.ts';

/**
 * Checks an edited record with its core create schema in the browser, then PUTs the whole record and
 * refreshes every cached list of its kind. Field messages are keyed by dotted path ("amount.value").
 */
export function useSaveRecord<K extends RecordKind>(kind: K, onSaved: (record: RecordOf<K>) => void) {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const mutation = useMutation({
    mutationFn: (body: CreateOf<K>) => updateRecord(kind, body),
    onSuccess: async (record) => {
      await queryClient.invalidateQueries({ queryKey: recordsQueryKey(kind) });
      onSaved(record);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'invalid-input' && error.fields.length > 0) {
        setErrors(fieldErrorsFromApi(error));
      }
      setFormError(error.message);
    },
  });

  /** `messages` gives plainer words for a field than zod's own. */
  const save = (candidate: unknown, messages: Partial<Record<string, string>> = {}) => {
    if (mutation.isPending) return;
    setFormError(undefined);
    const parsed = RECORD_SCHEMAS[kind].createSchema.safeParse(candidate);
    if (!parsed.success) {
      setErrors(fieldErrorsFromIssues(parsed.error.issues, messages));
      return;
    }
    setErrors({});
    mutation.mutate(parsed.data as CreateOf<K>);
  };

  /** Drops one field's message (dotted path) as soon as the person changes that field. */
  const clearError = (path: string) => {
    setErrors((old) => {
      if (old[path] === undefined) return old;
      const { [path]: _dropped, ...rest } = old;
      return rest;
    });
  };

  return { save, errors, formError, isSaving: mutation.isPending, clearError };
}
