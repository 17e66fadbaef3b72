import { Suspense, useEffect } from 'react';
import type { Me } from '../../api/accounts.ts';
import { Page } from '../../components/Page.tsx';
import {
  adherenceHeadline,
  associationsHeadline,
  beforeAfterHeadline,
  flareHeadline,
  levelHeadline,
  symptomsHeadline,
} from './headlines.ts';
import { InsightsSummary } from './InsightSection.tsx';
import { todayFor, useInsights, usePersonRecords } from './person-records.ts';
import { RecordsLoadStatus } from './RecordsLoadStatus.tsx';
import { insightsStrings as t } from './strings.ts';
import './insights.css';
import { displayLocale } from '../../format/locale-format.ts';
import { lazyRetrying } from '../../lazy-retrying.tsx';
import { loadOnce } from '../../load-once.ts';

/**
 * The sections with their charts (Observable Plot and d3, about 85 KiB gzip) start loading once the
 * screen has first painted, beside the records, instead of holding up that paint.
 */
const loadSections = loadOnce(() => import('./InsightsSections.tsx'));
const InsightsSections = lazyRetrying(() =>
  loadSections().then((module) => ({ default: module.InsightsSections })),
);

/** What the insights engine finds in the person's own records, computed in the browser. */
export function InsightsScreen({ me }: { me: Me }) {
  const { profile } = me;
  const state = usePersonRecords();
  const today = todayFor(profile);
  const computed = useInsights(profile, state.status === 'ready' ? state.records : undefined, today);
  const locale = displayLocale();
  // A failure (offline before the service worker had it) shows where the sections render.
  useEffect(() => void loadSections().catch(() => undefined), []);

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
        // Nothing stands below the sections, so their arriving later moves nothing on the screen.
        <Suspense fallback={null}>
          <InsightsSections computed={computed} profile={profile} today={today} locale={locale} />
        </Suspense>
      )}
    </Page>
  );
}
