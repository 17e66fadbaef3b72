import { type Ref, useState } from 'react';
import { Button, FieldError, Group, Input, Label, Text, TextField } from 'react-aria-components';

export interface PasswordInputProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  hint?: string;
  error?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * A password field with a "Show password" button: typing with a tremor or blurred vision is easier
 * when you can see what you typed. Paste is allowed (password managers).
 */
export function PasswordInput({
  label,
  name,
  value,
  onChange,
  autoComplete,
  hint,
  error,
  inputRef,
}: PasswordInputProps) {
  const [isShown, setShown] = useState(false);
  return (
    <TextField
      className="field"
      name={name}
      type={isShown ? 'text' : 'password'}
      value={value}
      onChange={onChange}
      autoComplete={autoComplete}
      isRequired
      isInvalid={error !== undefined}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      {hint === undefined ? null : (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      )}
      <Group className="password-row">
        <Input
          className="input"
          ref={inputRef ?? null}
          spellCheck={false}
          autoCapitalize="none"
          autoCorrect="off"
        />
        <Button className="button" onPress={() => setShown((shown) => !shown)}>
          {isShown ? 'Hide password' : 'Show password'}
        </Button>
      </Group>
      <FieldError className="field__error">{error}</FieldError>
    </TextField>
  );
}
