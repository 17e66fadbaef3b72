import { Label, Radio, RadioGroup, Text } from 'react-aria-components';
import './controls.css';

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export interface ScoreScaleProps {
  label: string;
  /** Which way the scale runs, short, beside the label: "0 = none, 10 = worst". */
  direction: string;
  /** What the two ends mean in full, e.g. "0 = no fatigue … 10 = worst fatigue"; read with the label. */
  ends: string;
  name: string;
  value: number | undefined;
  onChange: (value: number) => void;
}

/**
 * A 0–10 rating as one radio group drawn as a single segmented row: Tab reaches the group, arrow keys
 * move within it (and choose). The eleven options share the row's width, so a phone shows the whole
 * scale on one line (about 30 px wide and a full 54 px tall each at 390 px; 45 px or more wide where
 * there is room). The direction stands beside the name, short enough to share its line; the full
 * meaning of the ends is read out with it by screen readers.
 */
export function ScoreScale({ label, direction, ends, name, value, onChange }: ScoreScaleProps) {
  return (
    <RadioGroup
      className="score-scale"
      name={name}
      orientation="horizontal"
      value={value === undefined ? null : String(value)}
      onChange={(next) => onChange(Number(next))}
    >
      <div className="score-scale__head">
        <Label className="score-scale__label">{label}</Label>
        <Text slot="description">
          <span className="score-scale__direction">{direction}</span>
          <span className="visually-hidden">. {ends}</span>
        </Text>
      </div>
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
