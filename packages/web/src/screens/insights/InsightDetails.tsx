import type { Insight } from '@sunlog/core/insights/insight';
import {
  formatBasis,
  formatExactUncertainty,
  formatUncertainty,
  readableSentence,
  type ValueFormatter,
} from './format.ts';
import { insightsStrings as t } from './strings.ts';

/**
 * "Still needed: 3 more fatigue checks in November 2026" from the engine's "needs 3 more … in 2026-11".
 */
export function missingLine(missing: string, locale: string): string {
  const readable = readableSentence(missing, locale);
  return readable.startsWith('needs ')
    ? `${t.stillNeeded} ${readable.slice('needs '.length)}.`
    : `${t.why} ${readable}.`;
}

/**
 * One insight the same way everywhere: the plain sentence, then its estimate, how sure it is and
 * what it rests on; or, when there is not enough data, what is missing.
 */
export function InsightDetails({
  insight,
  title,
  format,
  locale,
  sentence,
  headingLevel = 3,
}: {
  insight: Insight;
  title: string;
  format: ValueFormatter;
  locale: string;
  /** Replaces the engine's sentence (for example to write a blood level in the person's unit). */
  sentence?: string;
  headingLevel?: 3 | 4;
}) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const enough = insight.status === 'ok';
  const exact =
    enough && insight.estimate !== null && insight.uncertainty !== null
      ? formatExactUncertainty(insight.uncertainty, format)
      : null;
  return (
    <article className={`insight${enough ? '' : ' insight--waiting'}`}>
      <Heading className="insight__title">{title}</Heading>
      {enough ? null : <p className="insight__badge">{t.notEnoughData}</p>}
      <p>{readableSentence(sentence ?? insight.sentence, locale)}</p>
      {!enough && insight.missing !== undefined ? (
        <p className="insight__missing">{missingLine(insight.missing, locale)}</p>
      ) : null}
      <dl className="insight__facts">
        {insight.estimate === null ? null : (
          <div>
            <dt>{t.estimate}</dt>
            <dd>{format(insight.estimate)}</dd>
          </div>
        )}
        {enough && insight.estimate !== null ? (
          <div>
            <dt>{t.howSure}</dt>
            <dd>{formatUncertainty(insight.uncertainty, format)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t.basedOn}</dt>
          <dd>{formatBasis(insight.kind, insight.basis, locale)}</dd>
        </div>
      </dl>
      {exact === null ? null : (
        <details className="insight__exact">
          <summary className="insight__exact-toggle">{t.exactFigures}</summary>
          <p>{exact}</p>
        </details>
      )}
    </article>
  );
}
