import type { IntakeUnit } from '@sunlog/core/records/profile';
import type { FieldErrors } from '../../../forms/field-errors.ts';
import { InputField, SelectField, TextAreaField } from './fields.tsx';
import { editStrings as t } from './strings.ts';

const INTAKE_UNITS: readonly { value: IntakeUnit; label: string }[] = [
  { value: 'IU', label: t.units.IU },
  { value: 'ug', label: t.units.ug },
];

/** A field whose label, name and kind are fixed: only its text and error vary. */
interface FixedFieldProps {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** The day a record is filed under (`localDate`). */
export function DayField({ value, onChange, error }: FixedFieldProps) {
  return (
    <InputField label={t.date} name="localDate" type="date" value={value} onChange={onChange} error={error} />
  );
}

/** A first day and an optional last day ("still going" when empty), with their errors by path. */
export function StartEndFields({
  endLabel,
  start,
  onStartChange,
  end,
  onEndChange,
  errors,
}: {
  endLabel: string;
  start: string;
  onStartChange: (value: string) => void;
  end: string;
  onEndChange: (value: string) => void;
  errors: FieldErrors;
}) {
  return (
    <>
      <InputField
        label={t.startDate}
        name="startDate"
        type="date"
        value={start}
        onChange={onStartChange}
        error={errors.startDate}
      />
      <InputField
        label={endLabel}
        name="endDate"
        type="date"
        isOptional
        hint={t.endHint}
        value={end}
        onChange={onEndChange}
        error={errors.endDate}
      />
    </>
  );
}

interface AmountProps<Unit extends string> {
  /** The number's label; the unit's is always "Unit". */
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  unit: Unit;
  onUnitChange: (unit: Unit) => void;
}

/** A number typed as text and the unit it was written in, side by side. */
export function QuantityFields<Unit extends string>({
  label,
  name,
  value,
  onChange,
  error,
  unit,
  onUnitChange,
  units,
  unitError,
}: AmountProps<Unit> & {
  units: readonly { value: Unit; label: string }[];
  unitError?: string | undefined;
}) {
  return (
    <div className="form-pair">
      <InputField
        label={label}
        name={name}
        inputMode="decimal"
        value={value}
        onChange={onChange}
        error={error}
      />
      <SelectField
        label={t.unit}
        name="unit"
        value={unit}
        onChange={onUnitChange}
        options={units}
        error={unitError}
      />
    </div>
  );
}

/** A vitamin D amount in IU or µg, as the person entered it. */
export function IntakeAmountFields(props: AmountProps<IntakeUnit>) {
  return <QuantityFields {...props} units={INTAKE_UNITS} />;
}

/** The optional free-text note every record kind but the check-in carries. */
export function NoteTextArea({ value, onChange, error }: FixedFieldProps) {
  return (
    <TextAreaField label={t.note} name="note" isOptional value={value} onChange={onChange} error={error} />
  );
}
