import type { Ref } from 'react';
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import './code-input.css';

export interface CodeInputProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** 'numeric' for the 6 digits of an authenticator app; 'text' for a recovery code. */
  kind: 'numeric' | 'text';
  hint?: string;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A large field for a one-time code: big digits that are easy to read and to hit, the number keyboard
 * on phones, and `autocomplete="one-time-code"` so a phone can offer the code itself.
 */
export function CodeInput({ label, name, value, onChange, kind, hint, error, inputRef }: CodeInputProps) {
  return (
    <TextField
      className="field"
      name={name}
      value={value}
      onChange={onChange}
      isRequired
      isInvalid={error !== undefined}
      validationBehavior="aria"
      autoComplete={kind === 'numeric' ? 'one-time-code' : 'off'}
    >
      <Label className="field__label">{label}</Label>
      {hint === undefined ? null : (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      )}
      <Input
        className="input input--code"
        ref={inputRef ?? null}
        inputMode={kind === 'numeric' ? 'numeric' : 'text'}
        spellCheck={false}
        autoCapitalize={kind === 'numeric' ? 'off' : 'characters'}
        autoCorrect="off"
        maxLength={kind === 'numeric' ? 7 : 24}
      />
      <FieldError className="field__error">{error}</FieldError>
    </TextField>
  );
}
