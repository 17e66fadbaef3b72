import { Label, Text, TextArea, TextField } from 'react-aria-components';

/** A labelled, multi-line free-text answer. */
export function NoteField({
  label,
  hint,
  value,
  onChange,
  name,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  name: string;
}) {
  return (
    <TextField className="field" name={name} value={value} onChange={onChange} maxLength={2000}>
      <Label className="field__label">{label}</Label>
      {hint === undefined ? null : (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      )}
      <TextArea className="input textarea" rows={3} />
    </TextField>
  );
}
