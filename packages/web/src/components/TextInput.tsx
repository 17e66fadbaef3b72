import type { Ref } from 'react';
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';

export interface TextInputProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email';
  autoComplete?: string;
  hint?: string;
  /** Shown beside the field and linked to it (aria-describedby) while present. */
  error?: string | undefined;
  isRequired?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled text field whose hint and error are announced with it. */
export function TextInput({
  label,
  name,
  value,
  onChange,
  type = 'text',
  autoComplete,
  hint,
  error,
  isRequired = false,
  inputRef,
}: TextInputProps) {
  return (
    <TextField
      className="field"
      name={name}
      type={type}
      value={value}
      onChange={onChange}
      isRequired={isRequired}
      isInvalid={error !== undefined}
      validationBehavior="aria"
      {...(autoComplete === undefined ? {} : { autoComplete })}
    >
      <Label className="field__label">{label}</Label>
      {hint === undefined ? null : (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      )}
      <Input
        className="input"
        ref={inputRef ?? null}
        spellCheck={type === 'email' ? false : undefined}
        autoCapitalize={type === 'email' ? 'none' : undefined}
      />
      <FieldError className="field__error">{error}</FieldError>
    </TextField>
  );
}
