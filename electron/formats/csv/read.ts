// Reading a CSV file: papaparse with our own delimiter detection, a BOM dropped, formula escapes
// undone, rows numbered as a spreadsheet shows them.
import Papa from 'papaparse';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface CsvFile {
  delimiter: Delimiter;
  /** True when the person chose the delimiter rather than the file's shape deciding it. */
  delimiterChosen: boolean;
  headers: string[];
  /** Data rows with the row number a spreadsheet shows (header = 1). */
  records: Array<{ row: number; cells: string[] }>;
  fileErrors: string[];
}

export interface ReadOptions {
  /** The person's choice in the preview; detection is skipped. */
  delimiter?: Delimiter;
  /** A header row we wrote ourselves (our export's): a file that starts with it is comma-separated, whatever its cells hold. */
  knownHeaders?: readonly string[];
}

export const DELIMITER_NAMES: Record<Delimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar' };

/**
 * Undo the apostrophe our export (and other formula-safe writers) put before = + - @ tab CR. The
 * writer also adds one before a cell that already starts with apostrophes and then such a character
 * ("'=x" is written "''=x"), so taking exactly one off gives back every cell as it was.
 */
const unescapeCell = (s: string) => (/^'+[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/** Records for detection: enough to see the shape, cheap on a 20 MB file. */
const SAMPLE_ROWS = 200;

const nonEmpty = (cells: string[]) => cells.some((c) => c.trim() !== '');
/** Width without the empty cells spreadsheets pad rows with. */
const width = (cells: string[]) => {
  let w = cells.length;
  while (w > 0 && !cells[w - 1]?.trim()) w--;
  return w;
};

/**
 * The delimiter that reads the file as a table: the header splits into more than one column and the
 * most rows have the header's width, all parsed with proper quoting (a comma file whose notes hold
 * semicolons and line breaks parses into ragged rows when read with ";", because its quotes then sit
 * mid-cell). Ties go to the wider header, then to the order comma, semicolon, tab, bar.
 */
/** Lexicographic: the first place the scores differ decides. */
function greater(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
}

export function detectDelimiter(text: string, knownHeaders?: readonly string[]): Delimiter {
  const sample = (d: Delimiter) => Papa.parse<string[]>(text, { header: false, delimiter: d, preview: SAMPLE_ROWS, skipEmptyLines: false });
  if (knownHeaders?.length) {
    const first = sample(',').data.find(nonEmpty);
    if (first && knownHeaders.every((h, i) => first[i] === h)) return ',';
  }
  let best: { d: Delimiter; score: [number, number, number, number] } | null = null;
  for (const d of DELIMITERS) {
    const parsed = sample(d);
    const rows = parsed.data.filter(nonEmpty);
    if (rows.length === 0) continue;
    const [head, ...data] = rows;
    const headWidth = width(head);
    // A row fits when it has the header's cells, or fewer but more than one (some writers drop empty trailing cells).
    const fit = (r: string[]) => r.length === head.length || (width(r) <= headWidth && width(r) > 1);
    const fits = data.length === 0 ? 1 : data.filter(fit).length / data.length;
    const quoteErrors = parsed.errors.filter((e) => e.type === 'Quotes').length;
    const score: [number, number, number, number] = [headWidth > 1 ? 1 : 0, fits, -quoteErrors, headWidth];
    if (!best || greater(score, best.score)) best = { d, score };
  }
  return best?.d ?? ',';
}

export function readCsv(text: string, opts: ReadOptions = {}): CsvFile {
  const clean = text.replace(/^\uFEFF/, '');
  // Only separators and blanks: empty, whichever character would have separated nothing.
  if (/^[\s,;|]*$/.test(clean)) return { delimiter: opts.delimiter ?? ',', delimiterChosen: opts.delimiter !== undefined, headers: [], records: [], fileErrors: ['The file is empty.'] };
  const delimiter = opts.delimiter ?? detectDelimiter(clean, opts.knownHeaders);
  // Blank lines are kept (and skipped below) so row numbers match what a spreadsheet shows.
  const parsed = Papa.parse<string[]>(clean, { header: false, skipEmptyLines: false, delimiter });
  const fileErrors = parsed.errors
    .filter((e) => e.type === 'Quotes')
    .slice(0, 5)
    .map((e) => `Row ${(e.row ?? 0) + 1}: ${e.message} (a quote that is opened and never closed swallows the rows after it).`);
  const all = parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => unescapeCell(c ?? '')) }));
  const kept = all.filter((r) => nonEmpty(r.cells));
  const base = { delimiter, delimiterChosen: opts.delimiter !== undefined };
  if (kept.length === 0) return { ...base, headers: [], records: [], fileErrors: ['The file is empty.'] };
  const [head, ...records] = kept;
  let w = Math.max(head.cells.length, ...records.map((r) => r.cells.length));
  // Spreadsheets pad rows with empty trailing columns; drop columns with neither header nor data.
  while (w > 0 && !head.cells[w - 1]?.trim() && records.every((r) => !r.cells[w - 1]?.trim())) w--;
  const headers = Array.from({ length: w }, (_, i) => head.cells[i]?.trim() ?? '');
  return { ...base, headers, records, fileErrors };
}
