import { SYMPTOM_LABELS } from '@sunlog/core/insights/input';
import { convertBlood, formatQuantity } from '@sunlog/core/units';
import { displayLocale } from '../../format/locale-format.ts';
import { formatDate, formatNumber, formatPercent } from '../insights/format.ts';
import type { CheckInContext } from './check-in-context.ts';
import { type MonthSummary, summariseMonth } from './month-summary.ts';
import { checkInStrings as t } from './strings.ts';

function changeText(verdict: MonthSummary['symptoms'][number]['verdict']): string {
  return verdict.kind === 'changed'
    ? t.computedChanged(verdict.higher, verdict.better)
    : t.computedChange[verdict.kind];
}

/** The review step's figures, worked out from the month's records: doses, ratings, blood results, flare-ups. */
export function ComputedSummary({ context }: { context: CheckInContext }) {
  const locale = displayLocale();
  const summary = summariseMonth(
    context.records,
    context.insights.symptomTrends,
    context.month,
    context.today,
  );
  const unit = context.profile.bloodUnit;
  return (
    <section className="check-in-summary check-in-computed" aria-labelledby="check-in-computed">
      <h3 id="check-in-computed">{t.computedHeading(context.monthLabel)}</h3>
      <p className="muted">{t.computedLead}</p>
      <h4>{t.reviewIntake}</h4>
      <ul className="compact-list">
        {summary.intake.length === 0 ? <li>{t.computedIntakeNone}</li> : null}
        {summary.intake.map((line) => (
          <li key={line.productName}>
            {line.proportion === null
              ? t.intakeNothingDue(line.productName)
              : t.computedIntake(
                  line.productName,
                  line.taken,
                  line.scheduled,
                  formatPercent(line.proportion, locale),
                )}
          </li>
        ))}
      </ul>
      <h4>{t.reviewSymptoms}</h4>
      <ul className="compact-list">
        <li>{t.computedDaysRated(summary.daysRated)}</li>
        {summary.symptoms.map((line) => (
          <li key={line.symptom}>
            {t.computedSymptom(
              SYMPTOM_LABELS[line.symptom],
              formatNumber(line.estimate, locale),
              changeText(line.verdict),
            )}
          </li>
        ))}
      </ul>
      <h4>{t.reviewBlood}</h4>
      <ul className="compact-list">
        {summary.bloodResults.length === 0 ? <li>{t.computedBloodNone}</li> : null}
        {summary.bloodResults.map((result) => (
          <li key={result.id}>
            {t.computedBlood(
              formatQuantity(convertBlood(result.level, unit), locale),
              formatDate(result.sampleDate, locale),
            )}
          </li>
        ))}
      </ul>
      <h4>{t.reviewFlares}</h4>
      <p>{t.computedFlares(summary.flareCount)}</p>
    </section>
  );
}
