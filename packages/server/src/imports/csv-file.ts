import type { CsvDelimiter, CsvTable } from '@sunlog/core/exchange/csv/table';
import { detectDelimiter } from '@sunlog/core/exchange/csv/table';
import { CsvError, parse } from 'csv-parse/sync';
import { invalidFile } from './file-content.ts';

/**
 * A CSV file's text as a table, parsed by csv-parse (quotes, doubled quotes and line breaks inside
 * cells as RFC 4180 has them), with the delimiter the header line uses. Each row keeps the line of the
 * file it starts on. A file the parser cannot read (an unclosed quote, a line with more cells than the
 * header) is refused naming the line.
 */
export function parseCsvTable(text: string): { table: CsvTable; delimiter: CsvDelimiter } {
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it ends; the parser's types do not follow that option.
    records = parse(text, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw invalidFile(
        `The CSV file cannot be read${line === undefined ? '' : ` at line ${line}`}: ${describe(error)}`,
      );
    }
    throw error;
  }
  const [first, ...rest] = records;
  if (first === undefined) throw invalidFile('The CSV file has no header line.');
  const header = first.record.map((cell) => cell.trim());
  const rows = rest.map(({ record, info }) => {
    // csv-parse counts lines to the end of the record; a cell with line breaks started earlier.
    const breaks = record.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);
    return { line: info.lines - breaks, cells: record };
  });
  const long = rows.find((row) => row.cells.length > header.length);
  if (long !== undefined) {
    throw invalidFile(
      `Line ${long.line} has ${long.cells.length} cells but the header has ${header.length}: a value may hold an unquoted "${delimiter === '\t' ? 'tab' : delimiter}".`,
    );
  }
  return { table: { header, rows }, delimiter };
}

function describe(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted value is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote appears inside a value that is not quoted';
    default:
      return error.message;
  }
}
