import type { FlareRateInsight } from '@sunlog/core/insights/flare-rate';
import type { Me } from '../../api/accounts.ts';
import { Page } from '../../components/Page.tsx';
import { AdherenceSection } from './AdherenceSection.tsx';
import { formatNumber } from './format.ts';
import {
  adherenceHeadline,
  associationsHeadline,
  beforeAfterHeadline,
  flareHeadline,
  levelHeadline,
  symptomsHeadline,
} from './headlines.ts';
import { InsightDetails } from './InsightDetails.tsx';
import { InsightSection, InsightsSummary } from './InsightSection.tsx';
import { LevelSection } from './LevelSection.tsx';
import { AssociationsSection, BeforeAfterSection } from './PatternsSection.tsx';
import { todayFor, useInsights, usePersonRecords } from './person-records.ts';
import { RecordsLoadStatus } from './RecordsLoadStatus.tsx';
import { SymptomSection } from './SymptomSection.tsx';
import { insightsStrings as t } from './strings.ts';
import './insights.css';
import { displayLocale } from '../../format/locale-format.ts';

/** What the insights engine finds in the person's own records, computed in the browser. */
export function InsightsScreen({ me }: { me: Me }) {
  const { profile } = me;
  const state = usePersonRecords();
  const today = todayFor(profile);
  const computed = useInsights(profile, state.status === 'ready' ? state.records : undefined, today);
  const locale = displayLocale();

  return (
    <Page title={t.title}>
      <p className="lead">{t.lead}</p>
      <RecordsLoadStatus state={state} strings={t} />
      {computed === undefined ? null : (
        <InsightsSummary
          headlines={[
            adherenceHeadline(computed.insights.adherenceByMonth, locale),
            levelHeadline(computed.input.labs, computed.insights.levelTrend, profile.bloodUnit, locale),
            symptomsHeadline(computed.insights.symptomTrends, locale),
            beforeAfterHeadline(computed.insights.beforeAfter, locale),
            associationsHeadline(computed.insights.associations),
            flareHeadline(computed.insights.flareRate, locale),
          ]}
        />
      )}
      {/* Shown once the records are in, with the summary above it: drawn while they load, it would be
          pushed down when the summary arrives (a layout shift). */}
      {state.status === 'pending' ? null : (
        <aside className="note" aria-labelledby="insights-disclaimer">
          <h2 id="insights-disclaimer">{t.disclaimerHeading}</h2>
          <p>{t.disclaimer}</p>
        </aside>
      )}
      {computed === undefined ? null : (
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
      )}
    </Page>
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
