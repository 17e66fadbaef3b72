import type { ReactNode } from 'react';
import type { Headline } from './headlines.ts';
import { insightsStrings as t } from './strings.ts';

/**
 * One Insights card: its heading, then everything else (the explanation, charts and each finding with
 * its figures) folded under a native <details>, which opens with a tap, Enter or Space and tells screen
 * readers whether it is open. The one-sentence summary of the card leads the screen (InsightsSummary).
 */
export function InsightSection({
  id,
  heading,
  children,
}: {
  id: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <section className="card insights-section" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      <details className="insights-fold">
        <summary className="insights-fold__toggle">
          {t.showDetails}
          <span className="visually-hidden">: {heading}</span>
        </summary>
        <div className="insights-fold__body">{children}</div>
      </details>
    </section>
  );
}

/** What the records show so far, in a few sentences: the findings, then what needs more data. */
export function InsightsSummary({ headlines }: { headlines: readonly Headline[] }) {
  const findings = headlines.filter((headline) => headline.kind === 'finding');
  const waiting = headlines.filter((headline) => headline.kind === 'waiting');
  return (
    <section className="card insights-summary" aria-labelledby="insights-summary">
      <h2 id="insights-summary">{t.summaryHeading}</h2>
      {findings.length === 0 ? (
        <p>{t.summaryNoFindings}</p>
      ) : (
        <ul className="insights-summary__list">
          {findings.map((headline) => (
            <li key={headline.section}>{headline.text}</li>
          ))}
        </ul>
      )}
      {waiting.length === 0 ? null : (
        <>
          <h3 className="insights-summary__waiting">{t.notEnoughData}</h3>
          <ul className="insights-summary__list">
            {waiting.map((headline) => (
              <li key={headline.section}>{headline.text}</li>
            ))}
          </ul>
        </>
      )}
      <p className="muted">{t.summaryMore}</p>
    </section>
  );
}
