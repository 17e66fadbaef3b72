import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import './controls.css';

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export interface ScoreScaleProps {
  label: string;
  /** What the two ends mean, e.g. "0 = no fatigue … 10 = worst fatigue"; read with the label. */
  ends: string;
  name: string;
  value: number | undefined;
  onChange: (value: number) => void;
}

/**
 * A 0–10 rating as one radio group: Tab reaches the group, arrow keys move within it (and choose),
 * and each option is a target of at least 44 px that wraps onto a second row on a phone.
 */
export function ScoreScale({ label, ends, name, value, onChange }: ScoreScaleProps) {
  return (
    <RadioGroup
      className="score-scale"
      name={name}
      orientation="horizontal"
      value={value === undefined ? null : String(value)}
      onChange={(next) => onChange(Number(next))}
    >
      <Label className="score-scale__label">{label}</Label>
      <Text slot="description" className="score-scale__ends">
        {ends}
      </Text>
      <div className="score-scale__options">
        {SCORES.map((score) => (
          <Radio key={score} value={String(score)} className="score">
            {score}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
