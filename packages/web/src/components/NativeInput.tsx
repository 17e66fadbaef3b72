import { type ReactNode, type Ref, useId } from 'react';
import './controls.css';

export interface NativeInputProps {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  /** The platform's own pickers for dates and times; `decimal` is a text field with a number keypad. */
  type: 'date' | 'time' | 'decimal' | 'whole-number' | 'text';
  hint?: string | undefined;
  error?: string | undefined;
  /** Shows "(optional)" after the label. */
  isOptional?: boolean;
  min?: string;
  max?: string;
  autoComplete?: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Extra ids that describe the field, such as the item it belongs to. */
  describedBy?: string;
  /** Shown right after the input on the same line, such as the amount in another unit. */
  after?: ReactNode;
}

/**
 * A labelled native input. Date and time use the browser's own picker, which every screen reader and
 * keyboard knows; numbers are typed as text with a numeric keypad, so "1,000" or "2.5" never vanish
 * the way a number input can swallow a half-typed value.
 */
export function NativeInput({
  label,
  name,
  value,
  onChange,
  type,
  hint,
  error,
  isOptional = false,
  min,
  max,
  autoComplete,
  inputRef,
  describedBy,
  after,
}: NativeInputProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [
    describedBy,
    hint === undefined ? undefined : hintId,
    error === undefined ? undefined : errorId,
  ]
    .filter((part) => part !== undefined)
    .join(' ');
  const isNumber = type === 'decimal' || type === 'whole-number';
  const input = (
    <input
      id={id}
      ref={inputRef}
      name={name}
      className={`input${isNumber ? ' input--number' : ''}${type === 'date' || type === 'time' ? ' input--picker' : ''}`}
      type={isNumber ? 'text' : type}
      inputMode={type === 'decimal' ? 'decimal' : type === 'whole-number' ? 'numeric' : undefined}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      min={min}
      max={max}
      autoComplete={autoComplete ?? 'off'}
      aria-invalid={error === undefined ? undefined : true}
      aria-describedby={described === '' ? undefined : described}
    />
  );
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
        {isOptional ? <span className="field__optional"> (optional)</span> : null}
      </label>
      {hint === undefined ? null : (
        <div className="field__hint" id={hintId}>
          {hint}
        </div>
      )}
      {after === undefined ? (
        input
      ) : (
        <div className="field__row">
          {input}
          {after}
        </div>
      )}
      {error === undefined ? null : (
        <div className="field__error" id={errorId}>
          {error}
        </div>
      )}
    </div>
  );
}
