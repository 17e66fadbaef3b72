import { onboardingStrings as t } from './strings.ts';

/** "Step 2 of 4", with a bar drawn for sighted readers (the text says the same). */
export function StepProgress({ step, total }: { step: number; total: number }) {
  return (
    <div className="steps-progress">
      <span>{t.step(step, total)}</span>
      <span className="steps-progress__bar" aria-hidden="true">
        {Array.from({ length: total }, (_, index) => (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: the dots are positions, never reordered
            key={index}
            className={index < step ? 'steps-progress__dot steps-progress__dot--done' : 'steps-progress__dot'}
          />
        ))}
      </span>
    </div>
  );
}
