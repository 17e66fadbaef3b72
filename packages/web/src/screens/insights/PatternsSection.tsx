import type { BeforeAfterInsight } from '@sunlog/core/insights/before-after';
import { SYMPTOM_LABELS, type SymptomKey } from '@sunlog/core/insights/input';
import type { AssociationInsight } from '@sunlog/core/insights/lagged-association';
import { nounFor } from '../../plural.ts';
import { formatNumber } from './format.ts';
import { InsightDetails } from './InsightDetails.tsx';
import { InsightSection } from './InsightSection.tsx';
import { capitalise } from './LevelSection.tsx';
import { insightsStrings as t } from './strings.ts';

/** The size of a difference as written (one decimal), so "1.04" reads "1 point", not "1 points". */
function shown(value: number): number {
  return Math.round(Math.abs(value) * 10) / 10;
}

function labelOf(subject: string): string {
  return capitalise(SYMPTOM_LABELS[subject as SymptomKey] ?? subject);
}

/** Each rating before and after the regimen start. */
export function BeforeAfterSection({
  comparisons,
  locale,
}: {
  comparisons: readonly BeforeAfterInsight[];
  locale: string;
}) {
  const points = (value: number) =>
    `${value >= 0 ? '+' : ''}${formatNumber(value, locale)} ${nounFor(shown(value), ['point', 'points'], locale)}`;
  return (
    <InsightSection id="insights-before-after" heading={t.beforeAfterHeading}>
      <p className="muted">{t.beforeAfterLead}</p>
      <div className="insight-list insight-list--compact">
        {comparisons.map((comparison) => (
          <InsightDetails
            key={comparison.subject}
            insight={comparison}
            title={labelOf(comparison.subject)}
            format={points}
            locale={locale}
          />
        ))}
      </div>
    </InsightSection>
  );
}

/**
 * Associations between dose-taking and ratings. Only patterns that pass the false-discovery control
 * (the engine's `claimed`) are written as findings; otherwise the honest answer is that none stood out.
 */
export function AssociationsSection({
  associations,
  locale,
}: {
  associations: readonly AssociationInsight[];
  locale: string;
}) {
  const claims = associations.filter(
    (a) => a.status === 'ok' && a.estimate !== null && a.detail.bestLagDays !== null,
  );
  const waiting = associations.filter((a) => a.status === 'not-enough-data');
  const tested = associations.filter((a) => a.status === 'ok');
  const points = (value: number) =>
    `${formatNumber(value, locale)} ${nounFor(shown(value), ['point', 'points'], locale)} after your best third of weeks for dose-taking, against your worst third`;
  return (
    <InsightSection id="insights-associations" heading={t.associationsHeading}>
      <p className="muted">{t.associationsLead}</p>
      <aside className="note" aria-label="About patterns">
        <p>{t.patternsDisclaimer}</p>
      </aside>
      {claims.length > 0 ? (
        <div className="insight-list">
          {claims.map((claim) => (
            <InsightDetails
              key={claim.subject}
              insight={claim}
              title={labelOf(claim.subject)}
              format={points}
              locale={locale}
            />
          ))}
        </div>
      ) : (
        <div className="insight">
          <h3 className="insight__title">{t.noPattern}</h3>
          {tested.length > 0 ? (
            <>
              <p>{t.noPatternDetail}</p>
              <p className="muted">
                {t.checked(
                  tested.map((a) => SYMPTOM_LABELS[a.subject as SymptomKey] ?? a.subject).join(', '),
                  Math.max(...tested.map((a) => a.basis.days ?? 0)),
                )}
              </p>
            </>
          ) : (
            <p>{t.noPatternYet}</p>
          )}
        </div>
      )}
      {waiting.length > 0 ? (
        <>
          <h3>{t.associationsWaiting}</h3>
          <div className="insight-list insight-list--compact">
            {waiting.map((item) => (
              <InsightDetails
                key={item.subject}
                insight={item}
                title={labelOf(item.subject)}
                format={points}
                locale={locale}
                headingLevel={4}
              />
            ))}
          </div>
        </>
      ) : null}
    </InsightSection>
  );
}
