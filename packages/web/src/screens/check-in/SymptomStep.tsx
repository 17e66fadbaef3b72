import { SYMPTOM_LABELS, SYMPTOMS } from '@sunlog/core/insights/input';
import type { SymptomMonthInsight } from '@sunlog/core/insights/symptom-trends';
import { SCALE_DIRECTION } from '@sunlog/core/records/symptom-scales';
import { displayLocale } from '../../format/locale-format.ts';
import { formatBasis, formatMonth, formatNumber, onRatingScale } from '../insights/format.ts';
import { capitalise } from '../insights/LevelSection.tsx';
import type { CheckInContext } from './check-in-context.ts';
import { compareSymptom, type SymptomComparison } from './check-in-month.ts';
import { checkInStrings as t } from './strings.ts';

/** Step 2: each rating's monthly average against the three months before, with its uncertainty. */
export function SymptomStep({ context }: { context: CheckInContext }) {
  const comparisons = SYMPTOMS.map((symptom) =>
    compareSymptom(context.insights.symptomTrends, symptom, context.month),
  ).filter((comparison) => comparison.current !== undefined || comparison.previous.length > 0);
  return (
    <>
      <p>{t.symptomsLead}</p>
      {comparisons.length === 0 ? (
        <p className="insight insight--waiting">{t.symptomsNone(context.monthLabel)}</p>
      ) : null}
      {comparisons.map((comparison) => (
        <SymptomChange key={comparison.symptom} comparison={comparison} locale={displayLocale()} />
      ))}
    </>
  );
}

function mean(insight: SymptomMonthInsight, locale: string): string {
  if (insight.estimate === null) return '—';
  const interval =
    insight.uncertainty === null
      ? ''
      : ` (95% confidence interval ${formatNumber(onRatingScale(insight.uncertainty.low), locale)} to ${formatNumber(onRatingScale(insight.uncertainty.high), locale)})`;
  return `${formatNumber(insight.estimate, locale)} out of 10${interval}`;
}

function verdictText(comparison: SymptomComparison, label: string): string {
  const { verdict } = comparison;
  switch (verdict.kind) {
    case 'too-few-this-month':
      return t.tooFewThisMonth(verdict.missing);
    case 'no-earlier':
      return t.noEarlier;
    case 'about-the-same':
      return t.aboutTheSame;
    case 'changed':
      return t.changed(label, verdict.higher, verdict.better);
    default: {
      const unknown: never = verdict;
      return unknown;
    }
  }
}

function SymptomChange({ comparison, locale }: { comparison: SymptomComparison; locale: string }) {
  const label = SYMPTOM_LABELS[comparison.symptom];
  const { current, previous, previousMean } = comparison;
  return (
    <div className="insight">
      <h3 className="insight__title">{capitalise(label)}</h3>
      <dl className="insight__facts">
        <div>
          <dt>{t.thisMonth}</dt>
          <dd>
            {current === undefined || current.status !== 'ok' ? '—' : mean(current, locale)}
            {current === undefined ? null : (
              <span className="muted"> · {formatBasis(current.kind, current.basis, locale)}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t.previousMonths}</dt>
          <dd>
            {previousMean === null ? (
              '—'
            ) : (
              <>
                {formatNumber(previousMean, locale)} out of 10 on average
                <ul className="compact-list">
                  {previous.map((month) => (
                    <li key={month.detail.month}>
                      {formatMonth(month.detail.month, locale)}: {mean(month, locale)}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t.change}</dt>
          <dd>
            <strong>{verdictText(comparison, label)}</strong>{' '}
            {t.betterDirection(label, SCALE_DIRECTION[comparison.symptom] === 'higher-is-better')}
          </dd>
        </div>
      </dl>
    </div>
  );
}
