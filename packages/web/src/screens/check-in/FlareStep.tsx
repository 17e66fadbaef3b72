import { FLARE_LABEL, pseudoRelapsePrompt } from '@sunlog/core/records/flare-wording';
import { displayLocale } from '../../format/locale-format.ts';
import { formatDate } from '../insights/format.ts';
import type { CheckInContext } from './check-in-context.ts';
import { flaresInMonth } from './check-in-month.ts';
import { checkInStrings as t } from './strings.ts';

/** Step 4: the flare-ups that touch the month, as the person reported them. */
export function FlareStep({ context }: { context: CheckInContext }) {
  const locale = displayLocale();
  const flares = flaresInMonth(context.records.flares, context.month, context.today);
  return (
    <>
      {flares.length === 0 ? <p>{t.flaresNone(context.monthLabel)}</p> : null}
      {flares.map((flare) => {
        const prompt = pseudoRelapsePrompt(flare);
        return (
          <div key={flare.id} className="insight">
            <h3 className="insight__title">
              {t.flareDates(
                formatDate(flare.startDate, locale),
                flare.endDate === undefined ? null : formatDate(flare.endDate, locale),
              )}
            </h3>
            <p className="muted">{FLARE_LABEL}</p>
            <p>
              {t.flareSeverity(flare.severity)} {t.flareSymptoms(flare.symptoms.join(', '))}
              {flare.steroidTreatment ? ` ${t.flareSteroids}` : ''}
            </p>
            {prompt === null ? null : <p>{prompt}</p>}
          </div>
        );
      })}
      <aside className="note" aria-label="About flare-ups">
        <p>{t.flaresDisclaimer}</p>
      </aside>
    </>
  );
}
