import type { Key } from 'react-aria-components';
import { Button, ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { PERIOD_KINDS, type Period, type PeriodKind } from './period.ts';
import { historyStrings as t } from './strings.ts';

/** Week / Month / Year as a segmented control, with previous and next, and the period's name. */
export function PeriodSwitcher({
  period,
  label,
  isCurrent,
  onKindChange,
  onStep,
  onToday,
}: {
  period: Period;
  label: string;
  isCurrent: boolean;
  onKindChange: (kind: PeriodKind) => void;
  onStep: (step: -1 | 1) => void;
  onToday: () => void;
}) {
  const choose = (keys: Set<Key>) => {
    const [key] = [...keys];
    const kind = PERIOD_KINDS.find((candidate) => candidate === key);
    if (kind !== undefined) onKindChange(kind);
  };
  return (
    <div className="period">
      <ToggleButtonGroup
        className="segmented"
        aria-label={t.periodLabel}
        selectionMode="single"
        disallowEmptySelection
        selectedKeys={[period.kind]}
        onSelectionChange={choose}
      >
        {PERIOD_KINDS.map((kind) => (
          <ToggleButton key={kind} id={kind} className="segmented__option">
            {t.periodNames[kind]}
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <div className="period__nav">
        <Button className="button period__step" onPress={() => onStep(-1)}>
          <span aria-hidden="true">‹</span> {t.previous(period.kind)}
        </Button>
        <p className="period__label" aria-live="polite">
          {label}
        </p>
        <Button className="button period__step" onPress={() => onStep(1)}>
          {t.next(period.kind)} <span aria-hidden="true">›</span>
        </Button>
      </div>
      {isCurrent ? null : (
        <Button className="button period__today" onPress={onToday}>
          {t.thisPeriod(period.kind)}
        </Button>
      )}
    </div>
  );
}
