import { type ReactNode, type Ref, useId } from 'react';

export interface SelectInputProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  hint?: ReactNode;
  error?: string | undefined;
  selectRef?: Ref<HTMLSelectElement>;
}

/**
 * A native select: for long lists (hundreds of time zones) the platform's own picker is the most
 * familiar, supports type-to-find, and works with every screen reader and at any zoom.
 */
export function SelectInput({
  label,
  name,
  value,
  onChange,
  options,
  hint,
  error,
  selectRef,
}: SelectInputProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint === undefined ? null : hintId, error === undefined ? null : errorId]
    .filter((part) => part !== null)
    .join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint === undefined ? null : (
        <div className="field__hint" id={hintId}>
          {hint}
        </div>
      )}
      <select
        id={id}
        ref={selectRef}
        name={name}
        className="select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy === '' ? undefined : describedBy}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error === undefined ? null : (
        <div className="field__error" id={errorId}>
          {error}
        </div>
      )}
    </div>
  );
}
