// Reading a CSV file: papaparse with delimiter detection, a BOM dropped, formula escapes undone,
// rows numbered as a spreadsheet shows them.
import Papa from 'papaparse';

export interface CsvFile {
  delimiter: string;
  headers: string[];
  /** Data rows with the row number a spreadsheet shows (header = 1). */
  records: Array<{ row: number; cells: string[] }>;
  fileErrors: string[];
}

export const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar' };

/** Undo the apostrophe our export (and other formula-safe writers) put before = + - @. */
const unescapeCell = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

export function readCsv(text: string): CsvFile {
  const clean = text.replace(/^\uFEFF/, '');
  // Blank lines are kept (and skipped below) so row numbers match what a spreadsheet shows.
  const parsed = Papa.parse<string[]>(clean, { header: false, skipEmptyLines: false, delimitersToGuess: [',', ';', '\t', '|'] });
  const fileErrors = parsed.errors
    .filter((e) => e.type === 'Quotes')
    .slice(0, 5)
    .map((e) => `Row ${(e.row ?? 0) + 1}: ${e.message} (a quote that is opened and never closed swallows the rows after it).`);
  const all = parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => unescapeCell(c ?? '')) }));
  const nonEmpty = all.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) return { delimiter: parsed.meta.delimiter, headers: [], records: [], fileErrors: ['The file is empty.'] };
  const [head, ...records] = nonEmpty;
  let width = Math.max(head.cells.length, ...records.map((r) => r.cells.length));
  // Spreadsheets pad rows with empty trailing columns; drop columns with neither header nor data.
  while (width > 0 && !head.cells[width - 1]?.trim() && records.every((r) => !r.cells[width - 1]?.trim())) width--;
  const headers = Array.from({ length: width }, (_, i) => head.cells[i]?.trim() ?? '');
  return { delimiter: parsed.meta.delimiter, headers, records, fileErrors };
}
