import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/api-error.ts';
import {
  type FieldErrors,
  fieldErrorsFromApi,
  fieldErrorsFromIssues,
  messagesOutside,
} from './field-errors.ts';
import { type FieldRefs, useFieldErrors } from './use-field-errors.ts';

/** A screen's own reading of a server error: messages beside fields, or one for the whole form. */
export type ErrorReading = { fields: FieldErrors } | { form: string };

export interface CheckedFormOptions<Schema extends z.ZodType, Result> {
  /** The core schema that checks the values in the browser before anything is sent. */
  schema: Schema;
  /** Plainer words for a field than zod's own, by path. */
  messages?: Partial<Record<string, string>>;
  /** The paths the form shows a field for, in form order; messages for any other path go to the alert. */
  fields: readonly string[];
  /** The elements to focus for the fields that can take focus; the first field with an error wins. */
  refs: FieldRefs;
  send: (input: z.output<Schema>) => Promise<Result>;
  onSuccess: (result: Result) => void;
  /** Reads the error codes this form knows (say, 'email-taken'); undefined leaves the shared handling. */
  readError?: (error: ApiError) => ErrorReading | undefined;
}

/**
 * The submit of a form checked by a core schema: checks in the browser, sends, and puts every error
 * beside its field (focusing the first one to fix) or in the form-level alert.
 */
export function useCheckedForm<Schema extends z.ZodType, Result>({
  schema,
  messages = {},
  fields,
  refs,
  send,
  onSuccess,
  readError,
}: CheckedFormOptions<Schema, Result>) {
  const { errors, showErrors } = useFieldErrors(fields, refs);
  const [formError, setFormError] = useState<string>();

  const mutation = useMutation({
    mutationFn: send,
    onSuccess,
    onError: (error) => {
      const reading = error instanceof ApiError ? readError?.(error) : undefined;
      if (reading !== undefined && 'fields' in reading) {
        showErrors(reading.fields);
      } else if (reading !== undefined) {
        setFormError(reading.form);
      } else if (error instanceof ApiError && error.code === 'invalid-input' && error.fields.length > 0) {
        const fieldErrors = fieldErrorsFromApi(error);
        showErrors(fieldErrors);
        setFormError(messagesOutside(fieldErrors, fields));
      } else {
        setFormError(error.message);
      }
    },
  });

  const submit = (event: FormEvent<HTMLFormElement>, values: z.input<Schema>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    setFormError(undefined);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      showErrors(fieldErrorsFromIssues(parsed.error.issues, messages));
      return;
    }
    showErrors({});
    mutation.mutate(parsed.data);
  };

  return { errors, formError, isPending: mutation.isPending, submit };
}
