import type { LocalDate } from '@sunlog/core/calendar';
import { type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { iomGuidelineBands } from '../../charts/guideline-bands.ts';
import { type TimePoint, TimeSeriesChart } from '../../charts/TimeSeriesChart.tsx';
import type { BundleView } from '../../shl/bundle-view.ts';

const locale = typeof navigator === 'undefined' ? 'en' : navigator.language;
const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const monthFormat = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });

const formatDate = (date: LocalDate) => dateFormat.format(new Date(`${date}T00:00:00Z`));
const formatMonth = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`));
const formatNumber = (value: number) =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);

/** A download of bytes made in this page (never fetched again from a server). */
function useObjectUrl(make: () => Blob | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: made once per opened Bundle
  useEffect(() => {
    const blob = make();
    if (blob === null) return;
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, []);
  return url;
}

function pdfBlob(base64: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'application/pdf' });
}

/** The decrypted records: summary first, then charts and tables; downloads of the PDF and the Bundle. */
export function SharedRecords({
  view,
  bundleJson,
  label,
}: {
  view: BundleView;
  bundleJson: string;
  label: string | undefined;
}) {
  const pdfUrl = useObjectUrl(() => (view.pdf === null ? null : pdfBlob(view.pdf.base64)));
  const bundleUrl = useObjectUrl(() => new Blob([bundleJson], { type: 'application/fhir+json' }));
  const range = view.range;
  const fileStem = `sunlog-${range === null ? 'shared' : `${range.from}-to-${range.to}`}`;
  const current = view.regimens.filter((regimen) => regimen.active);
  const taken = view.doses.filter((dose) => dose.taken).length;

  return (
    <div className="view view--records">
      <h1 tabIndex={-1}>{view.patientName === '' ? 'Shared records' : `Records of ${view.patientName}`}</h1>
      <p className="lead">
        {range === null ? 'No dated entries.' : `${formatDate(range.from)} to ${formatDate(range.to)}.`}
        {label === undefined ? null : ` Shared as “${label}”.`} Everything here was entered by the person in
        Sunlog, not measured or checked by a clinician.
      </p>
      <div className="button-row">
        {pdfUrl === null ? null : (
          <a className="button button--primary" href={pdfUrl} download={`${fileStem}.pdf`}>
            Download PDF
          </a>
        )}
        {bundleUrl === null ? null : (
          <a className="button" href={bundleUrl} download={`${fileStem}.json`}>
            Download FHIR Bundle
          </a>
        )}
      </div>

      <Section title="Vitamin D plan">
        {current.length === 0 ? <p>No plan running at the end of the period.</p> : null}
        <Table
          caption="Vitamin D plans in the period"
          columns={['Product', 'Dose and schedule', 'From', 'To']}
          rows={view.regimens.map((regimen) => [
            regimen.medication,
            regimen.dosage,
            regimen.start === null ? '' : formatDate(regimen.start),
            regimen.end === null ? (regimen.active ? 'ongoing' : '') : formatDate(regimen.end),
          ])}
          empty="No vitamin D plan in the period."
        />
      </Section>

      <Section title="Blood results">
        <VitaminDChart view={view} />
        <Table
          caption="Every blood result in the period"
          columns={['Date', 'Test', 'Result', 'Lab’s range', 'Guideline bands (for context, not a target)']}
          rows={view.labResults.map((result) => [
            formatDate(result.date),
            result.name,
            `${formatNumber(result.value)} ${result.unit}`,
            result.labRange === null
              ? '—'
              : `${result.labRange}${result.interpretation === null ? '' : ` (${result.interpretation})`}`,
            result.bands.length === 0 ? '—' : result.bands.join('; '),
          ])}
          empty="No blood results in the period."
        />
      </Section>

      <Section title="Doses">
        <p>
          {view.doses.length === 0
            ? 'No doses logged in the period.'
            : `${view.doses.length} doses logged: ${taken} taken, ${view.doses.length - taken} skipped.`}
        </p>
        {view.doses.length === 0 ? null : (
          <details className="view__details">
            <summary>Show every dose</summary>
            <Table
              caption="Every dose logged"
              columns={['When', 'Amount', 'Taken']}
              rows={view.doses.map((dose) => [
                timeFormat.format(new Date(dose.at)),
                dose.amount,
                dose.taken ? 'Taken' : 'Skipped',
              ])}
              empty=""
            />
          </details>
        )}
      </Section>

      <Section title="Flare-ups (suspected relapses, as the person recorded them)">
        <Table
          caption="Flare-ups in the period"
          columns={['Start', 'End', 'Days', 'Symptoms', 'Severity', 'Steroids', 'Suspected trigger']}
          rows={view.flares.map((flare) => [
            formatDate(flare.start),
            flare.end === null ? 'continuing' : formatDate(flare.end),
            flare.durationDays === null ? '—' : String(flare.durationDays),
            flare.symptoms,
            flare.severity,
            flare.steroids === null ? '—' : flare.steroids ? 'Yes' : 'No',
            flare.trigger,
          ])}
          empty="No flare-ups recorded in the period."
        />
      </Section>

      <Section title="Symptoms by month">
        <SymptomChart view={view} />
        <Table
          caption="Self-ratings from 0 to 10 by month (not a validated instrument)"
          columns={['Rating', 'Month', 'Average', 'Lowest–highest', 'Days rated']}
          rows={view.symptomMonths.map((month) => [
            month.scale,
            formatMonth(month.month),
            formatNumber(month.mean),
            `${month.low}–${month.high}`,
            String(month.days),
          ])}
          empty="No symptom ratings in the period."
        />
      </Section>

      <Section title="Questions from check-ins">
        {view.questions.length === 0 ? (
          <p>No questions in this file. The PDF report lists the questions written in check-ins.</p>
        ) : (
          <ul>
            {view.questions.map((question) => (
              <li key={`${question.date}-${question.text}`}>
                {formatDate(question.date)}: {question.text}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <p className="note">
        Sunlog records what the person entered. It does not diagnose or give medical advice. Guideline bands
        are shown for context with their source; no MS guideline sets a vitamin D target.
      </p>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function Table({
  caption,
  columns,
  rows,
  empty,
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly string[])[];
  empty: string;
}) {
  if (rows.length === 0) return empty === '' ? null : <p>{empty}</p>;
  return (
    // A wide table scrolls inside its own box on a phone; the box takes focus so keyboards can scroll it.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="view__table" aria-label={caption} tabIndex={0}>
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their order
            <tr key={index}>
              {row.map((cell, column) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <td key={column}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** 25(OH)D over the period in ng/mL, over IOM 2011's categories as labelled context (docs/medical-reference.md §2.1, §2.2). */
function VitaminDChart({ view }: { view: BundleView }) {
  const points: TimePoint[] = view.labResults.flatMap((result) =>
    result.vitaminDNgPerMl === null ? [] : [{ date: result.date, value: result.vitaminDNgPerMl }],
  );
  const bands = useMemo(() => iomGuidelineBands('ng/mL'), []);
  if (points.length === 0 || view.range === null) return null;
  const latest = points[points.length - 1];
  const top = Math.max(60, ...points.map((point) => point.value * 1.15));
  return (
    <TimeSeriesChart
      caption="Vitamin D in the blood, 25(OH)D, ng/mL"
      summary={`${points.length} result${points.length === 1 ? '' : 's'}; the latest ${formatNumber(latest?.value ?? 0)} ng/mL on ${formatDate(latest?.date ?? view.range.to)}.`}
      start={view.range.from}
      end={view.range.to}
      points={points}
      valueLabel="25(OH)D, ng/mL"
      formatValue={formatNumber}
      formatDate={formatDate}
      locale={locale}
      yDomain={[0, top]}
      bands={bands}
      bandsHeading="Shaded: IOM 2011 categories, shown for context. They are not a target."
      formatBandRange={(band) =>
        band.from !== undefined && band.to !== undefined
          ? `${band.from} to ${band.to}`
          : band.from !== undefined
            ? `above ${band.from}`
            : `below ${band.to ?? ''}`
      }
    />
  );
}

/** One self-rating at a time over the period, 0–10. */
function SymptomChart({ view }: { view: BundleView }) {
  const selectId = useId();
  const scales = [...new Set(view.symptomScores.map((score) => score.scale))];
  const [scale, setScale] = useState(scales[0] ?? '');
  if (scales.length === 0 || view.range === null) return null;
  const points: TimePoint[] = view.symptomScores
    .filter((score) => score.scale === scale)
    .map((score) => ({ date: score.date, value: score.score }));
  const values = points.map((point) => point.value);
  return (
    <div className="view__symptom">
      <div className="field">
        <label className="field__label" htmlFor={selectId}>
          Rating to show
        </label>
        <select
          id={selectId}
          className="select"
          value={scale}
          onChange={(event) => setScale(event.target.value)}
        >
          {scales.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <TimeSeriesChart
        caption={`${scale}, self-rated 0 to 10`}
        summary={`${values.length} rating${values.length === 1 ? '' : 's'} from ${Math.min(...values)} to ${Math.max(...values)}.`}
        start={view.range.from}
        end={view.range.to}
        points={points}
        valueLabel={scale}
        formatValue={(value) => String(value)}
        formatDate={formatDate}
        locale={locale}
        yDomain={[0, 10]}
      />
    </div>
  );
}
