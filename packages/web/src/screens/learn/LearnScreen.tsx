import './learn.css';
import { Page } from '../../components/Page.tsx';
import { LEARN_SECTIONS, type LearnSection, type LearnTable, learnStrings as t } from './strings.ts';

/** What the research says, how sure it is, what to expect when, and safety; readable signed in or out. */
export function LearnScreen() {
  return (
    <Page title={t.title} className="learn">
      <p className="learn__kicker">{t.heading}</p>
      <p className="lead">{t.lead}</p>
      <p className="note learn__confidence">
        <strong>{t.confidence}</strong>
      </p>
      <nav aria-labelledby="learn-contents" className="learn__contents">
        <h2 id="learn-contents" className="learn__contents-heading">
          {t.contentsLabel}
        </h2>
        <ul className="list-plain">
          {LEARN_SECTIONS.map((section) => (
            <li key={section.id}>
              <a className="text-link" href={`#${section.id}`}>
                {section.heading}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {LEARN_SECTIONS.map((section) => (
        <Section key={section.id} section={section} />
      ))}
      <aside className="note" aria-labelledby="learn-disclaimer">
        <h2 id="learn-disclaimer">{t.disclaimerHeading}</h2>
        <p>{t.disclaimer}</p>
        <p>{t.patternsDisclaimer}</p>
        <p>{t.flareDisclaimer}</p>
      </aside>
    </Page>
  );
}

function Section({ section }: { section: LearnSection }) {
  const headingId = `${section.id}-heading`;
  // The safety section reads best as: paragraphs, signs (list), what to do, then the interactions table.
  const tableFirst = section.points === undefined || section.id !== 'safety';
  return (
    <section id={section.id} className="card learn__section" aria-labelledby={headingId}>
      <h2 id={headingId}>{section.heading}</h2>
      {section.paragraphs.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      {tableFirst && section.table !== undefined ? <Table table={section.table} /> : null}
      {section.points === undefined ? null : (
        <>
          {section.pointsHeading === undefined ? null : <h3>{section.pointsHeading}</h3>}
          <ul className="learn__points">
            {section.points.map((point) => (
              <li key={point}>{point}</li>
            ))}
          </ul>
        </>
      )}
      {section.after?.map((paragraph) => (
        <p key={paragraph} className={section.id === 'safety' ? 'learn__warning' : undefined}>
          {paragraph}
        </p>
      ))}
      {!tableFirst && section.table !== undefined ? <Table table={section.table} /> : null}
      <div className="learn__sources">
        <h3>{t.sourcesHeading}</h3>
        <ul>
          {section.sources.map((source) => (
            <li key={source}>{source}</li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** A table that becomes labelled blocks on narrow screens (or at high zoom), so nothing scrolls sideways. */
function Table({ table }: { table: LearnTable }) {
  return (
    <table className="learn-table">
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          {table.columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row[0]}>
            {row.map((cell, index) =>
              index === 0 ? (
                <th key={table.columns[index]} scope="row" data-label={table.columns[index]}>
                  {cell}
                </th>
              ) : (
                <td key={table.columns[index]} data-label={table.columns[index]}>
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
