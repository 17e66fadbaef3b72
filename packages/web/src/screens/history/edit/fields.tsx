import { type ReactNode, useId } from 'react';
import { parseNumberOrUndefined } from '../../../forms/parse-number.ts';

interface FieldShell {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  isOptional?: boolean;
}

function useDescribedBy(hint: ReactNode | undefined, error: string | undefined) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint === undefined ? null : hintId, error === undefined ? null : errorId]
    .filter((part) => part !== null)
    .join(' ');
  return { id, hintId, errorId, describedBy: describedBy === '' ? undefined : describedBy };
}

function Shell({
  id,
  hintId,
  errorId,
  label,
  hint,
  error,
  isOptional,
  children,
}: FieldShell & { id: string; hintId: string; errorId: string; children: ReactNode }) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
        {isOptional === true ? <span className="field__optional"> (optional)</span> : null}
      </label>
      {hint === undefined ? null : (
        <div className="field__hint" id={hintId}>
          {hint}
        </div>
      )}
      {children}
      {error === undefined ? null : (
        <div className="field__error" id={errorId}>
          {error}
        </div>
      )}
    </div>
  );
}

/** A labelled native input (text, date, time, or a forgiving decimal number typed as text). */
export function InputField({
  type = 'text',
  value,
  onChange,
  name,
  inputMode,
  ...shell
}: FieldShell & {
  type?: 'text' | 'date' | 'time' | 'month';
  value: string;
  onChange: (value: string) => void;
  name: string;
  inputMode?: 'decimal' | 'numeric';
}) {
  const { id, hintId, errorId, describedBy } = useDescribedBy(shell.hint, shell.error);
  return (
    <Shell id={id} hintId={hintId} errorId={errorId} {...shell}>
      <input
        id={id}
        name={name}
        className="input"
        type={type}
        value={value}
        inputMode={inputMode}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={shell.error === undefined ? undefined : true}
        aria-describedby={describedBy}
        autoComplete="off"
      />
    </Shell>
  );
}

/** A labelled multi-line text box. */
export function TextAreaField({
  value,
  onChange,
  name,
  rows = 3,
  ...shell
}: FieldShell & { value: string; onChange: (value: string) => void; name: string; rows?: number }) {
  const { id, hintId, errorId, describedBy } = useDescribedBy(shell.hint, shell.error);
  return (
    <Shell id={id} hintId={hintId} errorId={errorId} {...shell}>
      <textarea
        id={id}
        name={name}
        className="input textarea"
        rows={rows}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={shell.error === undefined ? undefined : true}
        aria-describedby={describedBy}
      />
    </Shell>
  );
}

/** A labelled native select over a fixed list of options. */
export function SelectField<Value extends string>({
  value,
  onChange,
  name,
  options,
  ...shell
}: FieldShell & {
  value: Value;
  onChange: (value: Value) => void;
  name: string;
  options: readonly { value: Value; label: string }[];
}) {
  const { id, hintId, errorId, describedBy } = useDescribedBy(shell.hint, shell.error);
  return (
    <Shell id={id} hintId={hintId} errorId={errorId} {...shell}>
      <select
        id={id}
        name={name}
        className="select"
        value={value}
        onChange={(event) => {
          const next = options.find((option) => option.value === event.target.value);
          if (next !== undefined) onChange(next.value);
        }}
        aria-invalid={shell.error === undefined ? undefined : true}
        aria-describedby={describedBy}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Shell>
  );
}

/** A large checkbox whose whole row is the target. */
export function CheckboxField({
  label,
  checked,
  onChange,
  name,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  name: string;
}) {
  return (
    <label className="checkbox-row">
      <input
        type="checkbox"
        name={name}
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span>{label}</span>
    </label>
  );
}

/**
 * A typed number for a record field, read by the app's one parser (forms/parse-number.ts); NaN when it
 * is empty, not a number or ambiguous, so the record's schema reports the field (see numberMessage).
 */
export function parseDecimal(text: string): number {
  return parseNumberOrUndefined(text) ?? Number.NaN;
}

/** A number as the person would type it back, without group separators ("1000", "2.5"). */
export function numberForInput(value: number): string {
  // Always with a point and no grouping, so the parser reads it back exactly ("1234.5", never "1,234").
  return new Intl.NumberFormat('en', { useGrouping: false, maximumFractionDigits: 6 }).format(value);
}

/** The entries of a one-per-line text box: each line trimmed, empty lines dropped. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
