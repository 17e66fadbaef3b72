/** A CSV file as rows of text cells, each with the line of the file it starts on (for error messages). */
export interface CsvRow {
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  rows: CsvRow[];
}

export type CsvDelimiter = ',' | ';' | '\t';

/**
 * The delimiter of a CSV file, read from its first line: spreadsheets in countries that write decimals
 * with a comma (much of Europe) save CSV with semicolons, and some programs save tab-separated text.
 * Delimiters inside quotes do not count; a tie goes to the comma.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}
