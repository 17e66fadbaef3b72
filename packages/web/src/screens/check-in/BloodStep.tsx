import { bloodLevelCautions } from '@sunlog/core/cautions';
import { classifyVitaminDAll, compareWithTarget } from '@sunlog/core/ranges';
import type { BloodTarget } from '@sunlog/core/records/profile';
import { convertBlood, formatQuantity, UNIT_LABELS } from '@sunlog/core/units';
import { displayLocale } from '../../format/locale-format.ts';
import { formatDate, formatLevel } from '../insights/format.ts';
import type { CheckInContext } from './check-in-context.ts';
import { latestVitaminDResult } from './check-in-month.ts';
import { checkInStrings as t } from './strings.ts';

function rangeText(low: number | undefined, high: number | undefined, unit: string, locale: string): string {
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  if (low !== undefined && high !== undefined) return `${number(low)} to ${number(high)} ${unit}`;
  if (low !== undefined) return `${number(low)} ${unit} or more`;
  if (high !== undefined) return `up to ${number(high)} ${unit}`;
  return '—';
}

function targetText(target: BloodTarget, locale: string): string {
  return rangeText(target.low, target.high, UNIT_LABELS[target.unit], locale);
}

/**
 * Step 3: the latest 25(OH)D result against the personal target (if any), each guideline and the
 * lab's own range, every comparison labelled with its source; and the steady-state range if known.
 */
export function BloodStep({ context }: { context: CheckInContext }) {
  const { profile } = context;
  const locale = displayLocale();
  const result = latestVitaminDResult(context.records.labResults, context.month);
  const steady = context.insights.steadyState;
  const steadyRange =
    steady.status === 'ok' && steady.uncertainty !== null
      ? `${formatLevel(steady.uncertainty.low, profile.bloodUnit, locale)} to ${formatLevel(steady.uncertainty.high, profile.bloodUnit, locale)}`
      : null;
  if (result === null) {
    return <p className="insight insight--waiting">{t.bloodNone}</p>;
  }
  const shown = convertBlood(result.level, profile.bloodUnit);
  const entered = formatQuantity(result.level, locale);
  const value =
    result.level.unit === profile.bloodUnit
      ? entered
      : `${formatQuantity(shown, locale)} (${entered} as reported)`;
  const target = profile.bloodTarget ?? null;
  const position = compareWithTarget(result.level, target);
  const cautions = bloodLevelCautions(result.level);
  const range = result.referenceRange;
  return (
    <>
      <p className="lead-figure">{t.bloodLatest(value, formatDate(result.sampleDate, locale))}</p>
      {result.sampleDate < `${context.month}-01` ? <p className="muted">{t.bloodFromEarlier}</p> : null}
      {result.labName === undefined ? null : <p className="muted">{t.bloodLab(result.labName)}</p>}
      {cautions.map((caution) => (
        <div key={caution.code} className="alert" role="note">
          <p>{caution.message}</p>
          <p className="muted">Source: {caution.source.name}.</p>
        </div>
      ))}
      <div className="insight">
        <h3 className="insight__title">{t.targetHeading}</h3>
        {target === null || position === null ? (
          <p>{t.targetNone}</p>
        ) : (
          <>
            <p>
              <strong>{t.targetPosition[position]}.</strong> {t.targetRange(targetText(target, locale))}
            </p>
            <p className="muted">{t.targetSource}</p>
          </>
        )}
      </div>
      <div className="insight">
        <h3 className="insight__title">{t.guidelinesHeading}</h3>
        <ul className="compact-list">
          {classifyVitaminDAll(result.level).map(({ guideline, category }) => (
            <li key={guideline.id}>
              <strong>{t.guidelineLine(guideline.name, category.label)}</strong> {category.description}
              {guideline.context === undefined ? null : <span className="muted"> {guideline.context}</span>}
            </li>
          ))}
          {range === undefined ? null : (
            <li>
              <strong>
                {t.labRangeLine(
                  result.labName === undefined ? '' : ` (${result.labName})`,
                  rangeText(range.low, range.high, UNIT_LABELS[range.unit], locale),
                )}
              </strong>
            </li>
          )}
        </ul>
      </div>
      <div className="insight">
        <h3 className="insight__title">{t.steadyHeading}</h3>
        {steadyRange === null ? (
          <p>{t.steadyMissing(steady.missing ?? steady.sentence)}</p>
        ) : (
          <>
            <p>{t.steadyLine(steadyRange)}</p>
            <p className="muted">{t.steadySource(steady.detail.source)}</p>
          </>
        )}
      </div>
    </>
  );
}
