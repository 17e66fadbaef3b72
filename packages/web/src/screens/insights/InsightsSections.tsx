import type { FlareRateInsight } from '@sunlog/core/insights/flare-rate';
import type { Profile } from '@sunlog/core/records/profile';
import { AdherenceSection } from './AdherenceSection.tsx';
import { formatNumber } from './format.ts';
import { InsightDetails } from './InsightDetails.tsx';
import { InsightSection } from './InsightSection.tsx';
import { LevelSection } from './LevelSection.tsx';
import { AssociationsSection, BeforeAfterSection } from './PatternsSection.tsx';
import type { ComputedInsights } from './person-records.ts';
import { SymptomSection } from './SymptomSection.tsx';
import { insightsStrings as t } from './strings.ts';

/** The insights, one section each, below the summary; loaded on demand with their charts. */
export function InsightsSections({
  computed,
  profile,
  today,
  locale,
}: {
  computed: ComputedInsights;
  profile: Profile;
  today: string;
  locale: string;
}) {
  return (
    <>
      <AdherenceSection months={computed.insights.adherenceByMonth} locale={locale} />
      <LevelSection
        labs={computed.input.labs}
        trend={computed.insights.levelTrend}
        steady={computed.insights.steadyState}
        seasons={computed.insights.season}
        today={today}
        units={{ blood: profile.bloodUnit, intake: profile.intakeUnit, locale }}
      />
      <SymptomSection trends={computed.insights.symptomTrends} locale={locale} />
      <BeforeAfterSection comparisons={computed.insights.beforeAfter} locale={locale} />
      <AssociationsSection associations={computed.insights.associations} locale={locale} />
      <FlareSection rate={computed.insights.flareRate} locale={locale} />
    </>
  );
}

function FlareSection({ rate, locale }: { rate: FlareRateInsight; locale: string }) {
  return (
    <InsightSection id="insights-flares" heading={t.flaresHeading}>
      <p className="muted">{t.flaresLead}</p>
      <InsightDetails
        insight={rate}
        title={t.flareRateTitle}
        format={(value) => `${formatNumber(value, locale, 2)} a year`}
        locale={locale}
      />
      <aside className="note" aria-label="About flare-ups">
        <p>{t.flaresDisclaimer}</p>
      </aside>
    </InsightSection>
  );
}
