import { fileURLToPath } from 'node:url';
import type { ReportModel } from '@sunlog/core/report/report-model';
import PDFDocument from 'pdfkit';

/**
 * The clinician report as a PDF, laid out from core's report model (packages/core/src/report/report-model.ts)
 * with pdfkit: page one is the summary with vector charts, then the detail tables. DejaVu Sans is embedded
 * (assets/fonts, with its licence), and the document is tagged (a structure tree with headings,
 * paragraphs, tables and figures with alternative text; page furniture marked as artifacts) so text can be
 * selected and read aloud. Nothing is computed here: every figure and sentence comes from the model.
 */

export const PAPER_SIZES = ['a4', 'letter'] as const;
export type Paper = (typeof PAPER_SIZES)[number];

const FONT_REGULAR = fileURLToPath(new URL('../../assets/fonts/DejaVuSans.ttf', import.meta.url));
const FONT_BOLD = fileURLToPath(new URL('../../assets/fonts/DejaVuSans-Bold.ttf', import.meta.url));

const MARGIN = 48;
const INK = '#1a1a1a';
const MUTED = '#555555';
const LINE = '#999999';
/** Fills for guideline bands, light enough that black text and marks stay readable on top. */
const BAND_FILLS = ['#f3d9d9', '#f7ead2', '#e3f0dc', '#d9e8f5', '#ece3f5', '#f5e0ec'];
const SERIES_COLOURS = ['#0b5394', '#b45f06', '#38761d', '#741b47', '#134f5c', '#7f6000', '#990000'];

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** Renders the report; resolves with the PDF bytes. */
export function renderReportPdf(model: ReportModel, paper: Paper): Promise<Buffer> {
  const doc = new PDFDocument({
    size: paper === 'a4' ? 'A4' : 'LETTER',
    margin: MARGIN,
    tagged: true,
    lang: 'en-GB',
    pdfVersion: '1.7',
    displayTitle: true,
    bufferPages: true,
    info: {
      Title: `${model.title}: ${model.displayName}, ${model.range.from} to ${model.range.to}`,
      Author: model.displayName,
      Creator: 'Sunlog',
      Subject: 'Vitamin D intake, 25-hydroxyvitamin D results, symptoms and flare-ups recorded by the person',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONT_REGULAR);
  doc.registerFont('bold', FONT_BOLD);
  doc.font('regular').fillColor(INK);

  const root = doc.struct('Document');
  doc.addStructure(root);
  const layout = new Layout(doc, root);
  summaryPage(layout, model);
  doc.addPage();
  detailPages(layout, model);
  root.end();
  pageFooters(doc, model);
  doc.end();
  return done;
}

/** Text and structure helpers over one document. */
class Layout {
  constructor(
    readonly doc: Doc,
    readonly root: Struct,
  ) {}

  get width(): number {
    return this.doc.page.width - 2 * MARGIN;
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN;
  }

  /** Starts a new page when less than `height` points are left. */
  need(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  heading(level: 1 | 2, text: string): void {
    const size = level === 1 ? 15 : 11.5;
    this.need(size * 3);
    if (level === 2) this.doc.moveDown(0.5);
    this.doc
      .font('bold')
      .fontSize(size)
      .fillColor(INK)
      .text(text, MARGIN, this.doc.y, {
        width: this.width,
        structParent: this.root,
        structType: `H${level}`,
      });
    this.doc.moveDown(0.2);
  }

  paragraph(text: string, options: { size?: number; colour?: string; bold?: boolean } = {}): void {
    this.doc
      .font(options.bold === true ? 'bold' : 'regular')
      .fontSize(options.size ?? 9.5)
      .fillColor(options.colour ?? INK)
      .text(text, MARGIN, this.doc.y, { width: this.width, structParent: this.root, structType: 'P' });
  }

  list(items: string[]): void {
    if (items.length === 0) return;
    this.doc.font('regular').fontSize(9.5).fillColor(INK).list(items, MARGIN, this.doc.y, {
      width: this.width,
      bulletRadius: 1.6,
      textIndent: 10,
      structParent: this.root,
    });
  }

  /** A figure: its drawing is tagged as one Figure element with the alternative text given. */
  figure(
    alt: string,
    height: number,
    draw: (box: { x: number; y: number; width: number; height: number }) => void,
  ) {
    this.need(height + 8);
    const box = { x: MARGIN, y: this.doc.y, width: this.width, height };
    this.root.add(
      this.doc.struct('Figure', { alt }, () => {
        this.doc.save();
        draw(box);
        this.doc.restore();
      }),
    );
    this.doc.x = MARGIN;
    this.doc.y = box.y + height + 6;
  }

  /** A table with a header row (tagged TH, scope column) and data rows (TD); it breaks across pages. */
  table(header: string[], rows: string[][], widths: number[]): void {
    if (rows.length === 0) return;
    this.need(40);
    const total = widths.reduce((sum, width) => sum + width, 0);
    const columnStyles = widths.map((width) => (width / total) * this.width);
    this.doc.font('regular').fontSize(8.5).fillColor(INK);
    this.doc.table({
      position: { x: MARGIN, y: this.doc.y },
      maxWidth: this.width,
      columnStyles,
      defaultStyle: { border: 0.5, borderColor: LINE, padding: 3 },
      data: [
        header.map((text) => ({
          text,
          type: 'TH' as const,
          font: { src: 'bold' },
          backgroundColor: '#eeeeee',
        })),
        ...rows,
      ],
      structParent: this.root,
    } as PDFKit.Mixins.TableOptionsWithData);
    this.doc.x = MARGIN;
    this.doc.moveDown(0.4);
  }
}

function monthName(month: string): string {
  const [year, number] = month.split('-');
  const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${names[Number(number) - 1] ?? number} ${year}`;
}

function flareLine(flare: ReportModel['flares'][number]): string {
  const dates =
    flare.endDate === null
      ? `${flare.startDate}, still going at the end of the range`
      : `${flare.startDate} to ${flare.endDate} (${flare.durationDays} ${flare.durationDays === 1 ? 'day' : 'days'})`;
  return `${dates}: ${flare.severity}; ${flare.symptoms}${flare.steroids ? '; treated with steroids' : ''}; suspected trigger: ${flare.trigger}`;
}

function summaryPage(layout: Layout, model: ReportModel): void {
  const { doc } = layout;
  layout.heading(1, model.title);
  layout.paragraph(
    `${model.displayName} · records from ${model.range.from} to ${model.range.to} · made on ${model.generatedOn}`,
    { colour: MUTED },
  );
  layout.paragraph(model.disclaimers[0] ?? '', { size: 8, colour: MUTED });

  layout.heading(2, 'Vitamin D regimen');
  const current = model.regimens.filter((regimen) => regimen.current);
  if (model.regimens.length === 0) layout.paragraph('No regimen was recorded in this range.');
  layout.list(
    model.regimens.map(
      (regimen) =>
        `${regimen.current ? 'Current' : 'Earlier'}: ${regimen.productName} (${regimen.form}), ${regimen.dose} ${regimen.schedule}, from ${regimen.startDate}${regimen.endDate === null ? '' : ` to ${regimen.endDate}`}`,
    ),
  );
  const taken = model.doses.filter((dose) => dose.status === 'taken').length;
  const skipped = model.doses.length - taken;
  layout.paragraph(
    `Doses logged in the range: ${taken} taken, ${skipped} skipped${current.length === 0 ? '' : ''}.`,
  );
  if (model.adherence.length > 0) {
    layout.paragraph(
      `Scheduled doses marked as taken, by month: ${model.adherence
        .map((month) =>
          month.percent === null
            ? `${monthName(month.month)}: none scheduled`
            : `${monthName(month.month)}: ${month.taken} of ${month.scheduled} (${month.percent}%)`,
        )
        .join('; ')}.`,
    );
  }

  layout.heading(2, '25-hydroxyvitamin D');
  const vd = model.vitaminD;
  if (vd.results.length === 0) layout.paragraph('No 25(OH)D result was recorded in this range.');
  else {
    const latest = vd.latest;
    if (latest !== null)
      layout.paragraph(
        `Latest: ${latest.entered} on ${latest.date}${latest.entered === latest.shown ? '' : ` (${latest.shown})`}; ${latest.bands.join('; ')}.`,
      );
    layout.paragraph(
      vd.target === null
        ? 'Personal target: none recorded.'
        : `Personal target: ${vd.target}. Results within it: ${vd.results.filter((r) => r.target === 'within').length} of ${vd.results.length}.`,
    );
    layout.paragraph(`Trend (Sunlog insights): ${vd.trend}`);
    vitaminDChart(layout, model);
    layout.paragraph(
      `Shaded bands: ${vd.guideline.name} (${vd.guideline.citation}). Also classified per: ${vd.otherGuidelines.join('; ')}.`,
      { size: 7.5, colour: MUTED },
    );
  }

  layout.heading(2, model.flareLabel.replace(/^S/, 'Flare-ups: s'));
  if (model.flares.length === 0) layout.paragraph('No flare-up was recorded in this range.');
  layout.list(model.flares.map(flareLine));

  layout.heading(2, 'Symptom ratings by month (0–10, the person’s own scales)');
  const rated = model.symptoms.filter((month) => month.mean !== null);
  if (rated.length === 0) layout.paragraph('Too few symptom checks in this range for monthly averages.');
  else symptomChart(layout, model);

  layout.heading(2, 'Questions the person wrote for this appointment');
  if (model.questions.length === 0) layout.paragraph('None were written in monthly check-ins in this range.');
  layout.list(
    model.questions.flatMap((entry) => entry.questions.map((q) => `${q} (${monthName(entry.month)})`)),
  );

  doc.moveDown(0.5);
  for (const disclaimer of model.disclaimers.slice(1))
    layout.paragraph(disclaimer, { size: 7.5, colour: MUTED });
}

/** 25(OH)D results (ng/mL) over the range, on the named guideline's bands, with the personal target. */
function vitaminDChart(layout: Layout, model: ReportModel): void {
  const { doc } = layout;
  const vd = model.vitaminD;
  const highest = Math.max(60, ...vd.results.map((r) => r.ngPerMl), vd.targetNgPerMl?.high ?? 0);
  const top = Math.ceil((highest * 1.1) / 10) * 10;
  const alt = `Chart of ${vd.results.length} 25-hydroxyvitamin D results in ng/mL from ${model.range.from} to ${model.range.to}: ${vd.results
    .map((r) => `${r.date} ${r.shown}`)
    .join(
      ', ',
    )}; shaded by ${vd.guideline.name} bands${vd.target === null ? '' : `; personal target ${vd.target}`}.`;
  layout.figure(alt, 150, (box) => {
    const plot = { x: box.x + 34, y: box.y + 12, width: box.width - 150, height: box.height - 30 };
    const start = Date.parse(model.range.from);
    const span = Math.max(1, Date.parse(model.range.to) - start);
    const xOf = (date: string) => plot.x + ((Date.parse(date) - start) / span) * plot.width;
    const yOf = (value: number) => plot.y + plot.height - (Math.min(value, top) / top) * plot.height;

    vd.guideline.bands.forEach((band, index) => {
      const low = band.fromNgPerMl ?? 0;
      const high = Math.min(band.toNgPerMl ?? top, top);
      if (low >= top) return;
      doc
        .rect(plot.x, yOf(high), plot.width, yOf(low) - yOf(high))
        .fill(BAND_FILLS[index % BAND_FILLS.length] ?? '#eeeeee');
      doc
        .font('regular')
        .fontSize(6.5)
        .fillColor(MUTED)
        .text(
          `${band.label} (${vd.guideline.name})`,
          plot.x + plot.width + 4,
          (yOf(high) + yOf(low)) / 2 - 4,
          {
            width: box.width - plot.width - 38,
            lineBreak: false,
            ellipsis: true,
          },
        );
    });
    const target = vd.targetNgPerMl;
    if (target !== null) {
      doc.lineWidth(1).dash(4, { space: 3 }).strokeColor('#0b5394');
      for (const edge of [target.low, target.high]) {
        if (edge === undefined || edge > top) continue;
        doc
          .moveTo(plot.x, yOf(edge))
          .lineTo(plot.x + plot.width, yOf(edge))
          .stroke();
      }
      doc.undash();
    }
    // Axes and labels.
    doc.lineWidth(0.6).strokeColor(LINE).rect(plot.x, plot.y, plot.width, plot.height).stroke();
    doc.font('regular').fontSize(6.5).fillColor(MUTED);
    for (let value = 0; value <= top; value += top > 100 ? 25 : 10) {
      doc.text(String(value), box.x, yOf(value) - 3, { width: 30, align: 'right', lineBreak: false });
    }
    doc.text('ng/mL', box.x, plot.y - 11, { width: 30, align: 'right', lineBreak: false });
    doc.text(model.range.from, plot.x, plot.y + plot.height + 3, { lineBreak: false });
    doc.text(model.range.to, plot.x + plot.width - 50, plot.y + plot.height + 3, {
      width: 50,
      align: 'right',
      lineBreak: false,
    });
    // The results, joined in date order.
    doc.lineWidth(1.4).strokeColor(INK);
    vd.results.forEach((result, index) => {
      const x = xOf(result.date);
      const y = yOf(result.ngPerMl);
      if (index === 0) doc.moveTo(x, y);
      else doc.lineTo(x, y);
    });
    if (vd.results.length > 1) doc.stroke();
    for (const result of vd.results) {
      doc.circle(xOf(result.date), yOf(result.ngPerMl), 2.8).fill(INK);
    }
  });
}

/** Monthly mean ratings per scale, with their 95% intervals, on one 0–10 axis. */
function symptomChart(layout: Layout, model: ReportModel): void {
  const { doc } = layout;
  const months = [...new Set(model.symptoms.map((m) => m.month))].sort();
  const scales = [...new Set(model.symptoms.filter((m) => m.mean !== null).map((m) => m.scale))];
  const alt = `Chart of monthly average symptom ratings, 0 to 10: ${scales
    .map(
      (scale) =>
        `${scale} ${model.symptoms
          .filter((m) => m.scale === scale && m.mean !== null)
          .map((m) => `${monthName(m.month)} ${m.mean?.toFixed(1)}`)
          .join(', ')}`,
    )
    .join('; ')}.`;
  layout.figure(alt, 120, (box) => {
    const plot = { x: box.x + 34, y: box.y + 4, width: box.width - 150, height: box.height - 22 };
    const step = plot.width / Math.max(1, months.length);
    const xOf = (month: string) => plot.x + step * (months.indexOf(month) + 0.5);
    const yOf = (value: number) => plot.y + plot.height - (value / 10) * plot.height;
    doc.lineWidth(0.6).strokeColor(LINE).rect(plot.x, plot.y, plot.width, plot.height).stroke();
    doc.font('regular').fontSize(6.5).fillColor(MUTED);
    for (const value of [0, 5, 10])
      doc.text(String(value), box.x, yOf(value) - 3, { width: 30, align: 'right', lineBreak: false });
    for (const month of months) {
      doc.text(monthName(month), xOf(month) - 25, plot.y + plot.height + 3, {
        width: 50,
        align: 'center',
        lineBreak: false,
      });
    }
    scales.forEach((scale, index) => {
      const colour = SERIES_COLOURS[index % SERIES_COLOURS.length] ?? INK;
      const points = model.symptoms.filter((m) => m.scale === scale && m.mean !== null);
      const offset = (index - (scales.length - 1) / 2) * 2.5;
      doc.lineWidth(1.2).strokeColor(colour);
      points.forEach((m, i) => {
        const x = xOf(m.month) + offset;
        const y = yOf(m.mean ?? 0);
        if (i === 0) doc.moveTo(x, y);
        else doc.lineTo(x, y);
      });
      if (points.length > 1) doc.stroke();
      for (const m of points) {
        const x = xOf(m.month) + offset;
        if (m.low !== null && m.high !== null) {
          doc.lineWidth(0.7).strokeColor(colour).moveTo(x, yOf(m.low)).lineTo(x, yOf(m.high)).stroke();
        }
        doc.circle(x, yOf(m.mean ?? 0), 2).fill(colour);
      }
      doc
        .font('regular')
        .fontSize(7)
        .fillColor(colour)
        .text(`● ${scale}`, plot.x + plot.width + 6, plot.y + index * 10, { lineBreak: false });
    });
    doc
      .fontSize(6.5)
      .fillColor(MUTED)
      .text('Bars: 95% intervals', plot.x + plot.width + 6, plot.y + scales.length * 10 + 4, {
        lineBreak: false,
      });
  });
}

function detailPages(layout: Layout, model: ReportModel): void {
  layout.heading(1, 'Details');
  layout.heading(2, '25-hydroxyvitamin D results');
  if (model.vitaminD.results.length === 0) layout.paragraph('None in this range.');
  const targetWords = { below: 'below', within: 'within', above: 'above' } as const;
  layout.table(
    ['Date', 'As reported', `In ${model.bloodUnit}`, 'Lab range', 'Guideline bands', 'Personal target'],
    model.vitaminD.results.map((r) => [
      r.date,
      r.entered,
      r.shown,
      r.labRange ?? '—',
      r.bands.join('\n'),
      r.target === null ? 'none set' : targetWords[r.target],
    ]),
    [11, 11, 11, 13, 38, 10],
  );
  if (model.calcium.length > 0) {
    layout.heading(2, 'Calcium results');
    layout.table(
      ['Date', 'Result'],
      model.calcium.map((c) => [c.date, c.value]),
      [1, 3],
    );
  }

  layout.heading(2, 'Regimens');
  if (model.regimens.length === 0) layout.paragraph('None in this range.');
  layout.table(
    ['Product', 'Form', 'Dose', 'Schedule', 'From', 'To'],
    model.regimens.map((r) => [
      r.productName,
      r.form,
      r.dose,
      r.schedule,
      r.startDate,
      r.endDate ?? 'ongoing',
    ]),
    [24, 6, 18, 20, 11, 11],
  );

  layout.heading(2, 'Scheduled doses by month');
  if (model.adherence.length === 0) layout.paragraph('No doses were scheduled in this range.');
  layout.table(
    ['Month', 'Scheduled', 'Marked taken', 'Share'],
    model.adherence.map((m) => [
      monthName(m.month),
      String(m.scheduled),
      String(m.taken),
      m.percent === null ? '—' : `${m.percent}%`,
    ]),
    [1, 1, 1, 1],
  );

  layout.heading(2, 'Flare-ups (suspected relapses reported by the person)');
  if (model.flares.length === 0) layout.paragraph('None in this range.');
  layout.table(
    ['Start', 'End', 'Days', 'Severity', 'Symptoms', 'Steroids', 'Suspected trigger'],
    model.flares.map((f) => [
      f.startDate,
      f.endDate ?? 'ongoing',
      f.durationDays === null ? '—' : String(f.durationDays),
      f.severity,
      f.symptoms,
      f.steroids ? 'yes' : 'no',
      f.trigger,
    ]),
    [11, 11, 6, 10, 30, 10, 14],
  );

  layout.heading(2, 'Symptom ratings by month');
  if (model.symptoms.length === 0) layout.paragraph('No symptom checks in this range.');
  layout.table(
    ['Rating', 'Month', 'Days', 'Average', '95% interval'],
    model.symptoms.map((s) => [
      s.scale,
      monthName(s.month),
      String(s.days),
      s.mean === null ? 'too few' : s.mean.toFixed(1),
      s.low === null || s.high === null ? '—' : `${s.low.toFixed(1)} to ${s.high.toFixed(1)}`,
    ]),
    [2, 1.5, 1, 1, 1.5],
  );

  layout.heading(2, 'Doses logged');
  if (model.doses.length === 0) layout.paragraph('None in this range.');
  layout.table(
    ['Date', 'Time', 'Amount', 'Status'],
    model.doses.map((d) => [d.date, d.time, d.amount, d.status]),
    [1, 0.7, 1.6, 0.8],
  );
}

/** "page N of M" and the person's name at the foot of each page, marked as a pagination artifact. */
function pageFooters(doc: Doc, model: ReportModel): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
    doc
      .font('regular')
      .fontSize(7)
      .fillColor(MUTED)
      .text(
        `Sunlog report · ${model.displayName} · ${model.range.from} to ${model.range.to} · page ${index + 1} of ${count}`,
        MARGIN,
        doc.page.height - MARGIN + 14,
        { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false },
      );
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
}
