/**
 * Writing CSV (RFC 4180) that opens cleanly in a spreadsheet:
 * - UTF-8 with a byte-order mark: Excel reads a CSV without one in the computer's legacy code page and
 *   garbles "µg" and accented names; with it Excel, LibreOffice, Numbers and Google Sheets all read
 *   UTF-8. (Programs reading it as data should expect the mark, e.g. Python's "utf-8-sig".)
 * - CRLF line ends, a header row, and quotes around any cell holding a comma, quote or line break.
 * - No formula injection: a text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return
 *   is prefixed with an apostrophe, so a spreadsheet shows it as text instead of running it.
 *   See: OWASP, "CSV Injection".
 */

export const CSV_BOM = '\uFEFF';

/** A cell: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would run as a formula, made inert with a leading apostrophe. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = neutralizeFormula(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV text of a header and rows, with the byte-order mark and a final line end. */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(cellText).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
