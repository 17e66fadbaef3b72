import type { Ref } from 'react';
import { FieldError, Label, Radio, RadioGroup, Text } from 'react-aria-components';

export interface Choice<Value extends string> {
  value: Value;
  name: string;
  detail?: string;
}

export interface ChoiceGroupProps<Value extends string> {
  label: string;
  name: string;
  choices: readonly Choice<Value>[];
  /** null: nothing chosen yet (a required choice the person must make). */
  value: Value | null;
  onChange: (value: Value) => void;
  hint?: string;
  error?: string | undefined;
  isRequired?: boolean;
  groupRef?: Ref<HTMLDivElement>;
}

/** A set of large radio cards: easier to hit than a small dropdown, and every option is visible. */
export function ChoiceGroup<Value extends string>({
  label,
  name,
  choices,
  value,
  onChange,
  hint,
  error,
  isRequired = false,
  groupRef,
}: ChoiceGroupProps<Value>) {
  const handleChange = (next: string) => {
    const choice = choices.find((candidate) => candidate.value === next);
    if (choice !== undefined) onChange(choice.value);
  };
  return (
    <RadioGroup
      ref={groupRef}
      className="choice-group"
      name={name}
      value={value}
      isRequired={isRequired}
      onChange={handleChange}
      isInvalid={error !== undefined}
      validationBehavior="aria"
    >
      <Label className="choice-group__label">{label}</Label>
      {hint === undefined ? null : (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      )}
      <div className="choice-group__options">
        {choices.map((choice) => (
          <Radio key={choice.value} value={choice.value} className="choice">
            <span className="choice__text">
              <span className="choice__name">{choice.name}</span>
              {choice.detail === undefined ? null : <span className="choice__detail">{choice.detail}</span>}
            </span>
          </Radio>
        ))}
      </div>
      <FieldError className="field__error">{error}</FieldError>
    </RadioGroup>
  );
}
