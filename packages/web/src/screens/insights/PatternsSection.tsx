import type { BeforeAfterInsight } from '@sunlog/core/insights/before-after';
import { SYMPTOM_LABELS, type SymptomKey } from '@sunlog/core/insights/input';
import type { AssociationInsight } from '@sunlog/core/insights/lagged-association';
import { formatNumber } from './format.ts';
import { InsightDetails } from './InsightDetails.tsx';
import { capitalise } from './LevelSection.tsx';
import { insightsStrings as t } from './strings.ts';

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
  const points = (value: number) => `${value >= 0 ? '+' : ''}${formatNumber(value, locale)} points`;
  return (
    <section className="card insights-section" aria-labelledby="insights-before-after">
      <h2 id="insights-before-after">{t.beforeAfterHeading}</h2>
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
    </section>
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
    `${formatNumber(value, locale)} points with every dose of the week taken, against none`;
  return (
    <section className="card insights-section" aria-labelledby="insights-associations">
      <h2 id="insights-associations">{t.associationsHeading}</h2>
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
    </section>
  );
}
