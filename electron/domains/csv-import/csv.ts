// CSV import and export of applications. Papaparse reads and writes the CSV; this module maps
// spreadsheet columns and words (stages, salary ranges, dates) onto the same fields and the same
// zod schema as applications.create, and inserts through the same code.
import { DateTime } from 'luxon';
import Papa from 'papaparse';
import type { z } from 'zod';
import type { Ctx, Handlers } from '../../db/context';
import { stmt, tx } from '../../db/sql';
import type { MethodOutput, ParsedInput } from '../../api/contract';
import { ApplicationCreate } from '../../api/contract/applications';
import { CSV_TARGETS, type CsvPreviewRow } from '../../api/contract/csv';
import { invalid } from '../../shared/errors';
import { STAGES, STAGE_LABELS, type Priority, type Stage } from '../../shared/domain';
import { insertApplication, listApplications } from '../applications/applications';
import { getSettings } from '../settings/settings';

export type Target = (typeof CSV_TARGETS)[number];
type DateOrder = 'mdy' | 'dmy';
type Values = z.infer<typeof CsvPreviewRow>['values'];
type Preview = MethodOutput<'csv.previewApplications'>;

export const TARGET_LABELS: Record<Target, string> = {
  ignore: 'Ignore this column',
  company: 'Company',
  role: 'Role',
  stage: 'Stage',
  priority: 'Priority',
  location: 'Location',
  source: 'Source',
  postingUrl: 'Posting URL',
  salary: 'Salary (range)',
  salaryMin: 'Salary min',
  salaryMax: 'Salary max',
  salaryCurrency: 'Salary currency',
  appliedAt: 'Date applied',
  deadlineAt: 'Deadline',
  stageChangedAt: 'Stage changed (date)',
  notes: 'Notes',
  appendToNotes: 'Add to notes',
};

// ---------------------------------------------------------------------------------------------
// Headers

/** Words of a header: accents, emoji, punctuation and "(USD)"-style remarks dropped. */
function headerWords(header: string): string[] {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const SYNONYMS: Partial<Record<Target, string[]>> = {
  // Columns our own export writes that are facts, not fields: never guessed as something else.
  ignore: ['notes sent', 'interviews', 'created', 'created time', 'created at', 'last edited time', 'archived', 'id', 'company website', 'website'],
  company: ['company', 'company name', 'employer', 'organization', 'organisation', 'org', 'firm', 'business'],
  role: ['role', 'title', 'position', 'job title', 'job', 'job role', 'position title', 'role title', 'job position', 'opening'],
  stage: ['stage', 'status', 'application status', 'pipeline stage', 'current status', 'current stage'],
  priority: ['priority', 'importance'],
  location: ['location', 'city', 'job location', 'office', 'office location'],
  source: ['source', 'found via', 'found on', 'found through', 'where found', 'channel', 'job board', 'platform', 'via'],
  postingUrl: ['url', 'link', 'job posting', 'posting', 'posting url', 'job url', 'job link', 'listing', 'job listing', 'posting link', 'job posting url', 'application link'],
  salary: ['salary', 'salary range', 'compensation', 'pay', 'pay range', 'comp', 'expected salary', 'base salary', 'salary band'],
  salaryMin: ['salary min', 'min salary', 'minimum salary', 'salary from', 'salary minimum', 'salary low'],
  salaryMax: ['salary max', 'max salary', 'maximum salary', 'salary to', 'salary maximum', 'salary high'],
  salaryCurrency: ['currency', 'salary currency'],
  appliedAt: ['date applied', 'applied', 'applied on', 'applied date', 'application date', 'date of application', 'applied at', 'date submitted', 'submitted on'],
  deadlineAt: ['deadline', 'apply by', 'closing date', 'application deadline', 'due date', 'closes', 'closes on'],
  stageChangedAt: ['stage changed', 'status changed', 'stage changed at', 'status changed at', 'status date', 'last status change'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'description', 'details'],
};
const SYNONYM_WORDS = Object.entries(SYNONYMS).flatMap(([target, list]) => list!.map((s) => ({ target: target as Target, words: s.split(' ') })));

function containsRun(words: string[], run: string[]): boolean {
  for (let i = 0; i + run.length <= words.length; i++) if (run.every((w, j) => words[i + j] === w)) return true;
  return false;
}

/** Column mapping from headers: exact names first ("Job title"), then names inside odd headers ("Company 🏢", "Notes / Comments"). */
export function autoMap(headers: string[]): Target[] {
  const words = headers.map(headerWords);
  const mapping: (Target | null)[] = headers.map(() => null);
  const claimed = new Set<Target>();
  const claim = (i: number, t: Target) => {
    // One column per field, except notes, which several columns can feed.
    if (t !== 'ignore' && t !== 'notes' && claimed.has(t)) return false;
    mapping[i] = t;
    claimed.add(t);
    return true;
  };
  words.forEach((w, i) => {
    const joined = w.join('');
    const hit = SYNONYM_WORDS.find((s) => s.words.join('') === joined);
    if (hit) claim(i, hit.target);
  });
  words.forEach((w, i) => {
    if (mapping[i] !== null || w.length === 0) return;
    const hits = SYNONYM_WORDS.filter((s) => containsRun(w, s.words)).sort((a, b) => b.words.length - a.words.length);
    for (const h of hits) if (claim(i, h.target)) return;
  });
  return mapping.map((t) => t ?? 'ignore');
}

// ---------------------------------------------------------------------------------------------
// Values

/** "N/A" or "TBD" in a date, salary, stage or link column means "nothing yet"; names and places are kept as written. */
const PLACEHOLDER = /^(n\/?a|none|null|nil|tbd|tba|unknown|-+|—|–|\?+)$/i;
const TEXT_TARGETS = new Set<Target>(['company', 'role', 'location', 'source']);
/** Undo the apostrophe our export (and other formula-safe writers) put before = + - @. */
const unescapeCell = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

function letters(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const STAGE_RULES: Array<[RegExp, Stage]> = [
  [/\b(reject(ed|ion)?|declined?|not selected|turned down|no offer|unsuccessful|not moving forward|ghosted)\b/, 'rejected'],
  [/\b(withdrawn?|withdrew|cancell?ed|retracted|no longer interested|pulled out)\b/, 'withdrawn'],
  [/\b(accepted|hired|signed)\b/, 'accepted'],
  [/\b(wish ?list|saved|interested|bookmark(ed)?|considering|research(ing)?|to apply|not (yet )?applied|idea|watching|prospect)\b/, 'wishlist'],
  [/\b(offer(ed|s)?|negotiat\w*)\b/, 'offer'],
  [/\b(phone screen|screen(ing|ed)?|phone interview|recruiter (call|screen|chat)|hr (call|screen)|intro(ductory)? call|initial call)\b/, 'screening'],
  [/\b(interview(s|ing|ed)?|on ?site|final round|technical|take home|assessment|panel)\b/, 'interviewing'],
  [/\b(applied|submitted|application sent|sent|waiting|pending|in review|under review|awaiting)\b/, 'applied'],
];

/** "Phone screen" → screening, "🔴 Rejected" → rejected; null when the word means no stage we know. */
export function stageFromWord(raw: string): Stage | null {
  const w = letters(raw);
  if ((STAGES as readonly string[]).includes(w)) return w as Stage;
  for (const [re, stage] of STAGE_RULES) if (re.test(w)) return stage;
  return null;
}

const PRIORITY_WORDS: Record<string, Priority> = {
  high: 'high', h: 'high', hi: 'high', top: 'high', urgent: 'high', '★★★': 'high', '***': 'high',
  medium: 'medium', med: 'medium', m: 'medium', mid: 'medium', normal: 'medium', '★★': 'medium', '**': 'medium',
  low: 'low', l: 'low', lo: 'low', '★': 'low', '*': 'low',
};

const CURRENCY_CODES = /\b(USD|EUR|GBP|CAD|AUD|NZD|CHF|JPY|INR|SEK|NOK|DKK|PLN|CZK|SGD|HKD|BRL|MXN|ZAR|ILS|CNY)\b/i;
const CURRENCY_SYMBOLS: Array<[RegExp, string]> = [
  [/(CA|C)\$/, 'CAD'],
  [/(AU|A)\$/, 'AUD'],
  [/NZ\$/, 'NZD'],
  [/HK\$/, 'HKD'],
  [/S\$/, 'SGD'],
  [/\$/, 'USD'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/¥/, 'JPY'],
  [/₹/, 'INR'],
];

export function currencyIn(s: string): string | null {
  const code = CURRENCY_CODES.exec(s);
  if (code) return code[1].toUpperCase();
  for (const [re, c] of CURRENCY_SYMBOLS) if (re.test(s)) return c;
  return null;
}

/** "120k" → 120000, "55.000" → 55000, "120'000" → 120000, "1.5m" → 1500000. */
function parseAmount(raw: string): { value: number; mult: number } | null {
  const m = /^(\d[\d.,'\u00a0\u202f ]*?)\s*([km])?$/i.exec(raw.trim());
  if (!m) return null;
  let num = m[1].replace(/['\u00a0\u202f ]/g, '');
  if (/^\d{1,3}([.,]\d{3})+$/.test(num)) num = num.replace(/[.,]/g, '');
  else if (/^\d{1,3}(,\d{3})*\.\d+$/.test(num)) num = num.replace(/,/g, '');
  else if (/^\d{1,3}(\.\d{3})*,\d+$/.test(num)) num = num.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d+$/.test(num)) num = num.replace(',', '.');
  else if (!/^\d+(\.\d+)?$/.test(num)) return null;
  const mult = !m[2] ? 1 : m[2].toLowerCase() === 'k' ? 1000 : 1_000_000;
  return { value: Math.round(parseFloat(num) * mult), mult };
}

const NOISE =
  /(CA|AU|NZ|HK|US|C|A|S)?\$|[€£¥₹]|\b(USD|EUR|GBP|CAD|AUD|NZD|CHF|JPY|INR|SEK|NOK|DKK|PLN|CZK|SGD|HKD|BRL|MXN|ZAR|ILS|CNY)\b|\bper\s+\w+|\/\s*[a-z]+\.?|\b(annually|yearly|annual|a year|p\.?\s?a\.?|gross|base|brutto|salary|about|approx\.?|ca\.?)\b|\+|~/gi;

export interface SalaryRead {
  min: number | null;
  max: number | null;
  currency: string | null;
  /** Set when the text is not a salary we can read; the text is then kept in the notes. */
  unreadable: boolean;
  hourly: boolean;
  /** A plain "$": read as US dollars unless the header says otherwise. */
  bareDollar: boolean;
}

/** "$120k–140k", "120000-140000", "EUR 70k-80k", "150k+", "up to 90k", "CHF 120'000". */
export function parseSalary(raw: string): SalaryRead {
  const text = raw.trim();
  const currency = currencyIn(text);
  const out: SalaryRead = {
    min: null,
    max: null,
    currency,
    unreadable: false,
    hourly: /(\/|per|an?)\s*(h|hr|hour)\b|hourly/i.test(text),
    bareDollar: currency === 'USD' && !/USD|US\$/i.test(text),
  };
  let body = text;
  const from = /^(from|min(imum)?|at least|starting( at)?|ab)\b/i.test(body) || /\+\s*$/.test(body);
  const upTo = /^(up to|max(imum)?|under|bis|<)/i.test(body);
  body = body.replace(/^(from|min(imum)?|at least|starting( at)?|ab|up to|max(imum)?|under|bis|<)\s*:?/i, '');
  const parts = body
    .split(/\s*(?:–|—|-|\bto\b|\bbis\b)\s*/i)
    .map((p) => p.replace(NOISE, '').trim())
    .filter((p) => p !== '');
  const amounts = parts.map(parseAmount);
  if (amounts.length === 0 || amounts.length > 2 || amounts.some((a) => a === null)) return { ...out, unreadable: true };
  const [a, b] = amounts as Array<{ value: number; mult: number }>;
  if (b) {
    // "120-140k": the k belongs to both.
    out.min = a.mult === 1 && b.mult > 1 && a.value < 1000 ? a.value * b.mult : a.value;
    out.max = b.value;
  } else if (from) out.min = a.value;
  else if (upTo) out.max = a.value;
  else out.min = out.max = a.value;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dates

const SLASH_DATE = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/;
const MONTH_FORMATS = ['MMM d yyyy', 'MMMM d yyyy', 'd MMM yyyy', 'd MMMM yyyy', 'd-MMM-yyyy', 'd-MMM-yy', 'MMM d yy', 'MMMM yyyy', 'MMM yyyy'];
const DATE_HINT = 'use 2026-11-03, 11/03/2026 or Nov 3, 2026';

/** Splits "Nov 3, 2026 9:14 AM" into date and time parts. */
function splitTime(s: string): { date: string; h: number; m: number; sec: number } {
  const t = /^(.*?)[\s,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i.exec(s);
  if (!t) return { date: s, h: 0, m: 0, sec: 0 };
  let h = Number(t[2]);
  const pm = t[5]?.toLowerCase().startsWith('p');
  if (t[5]) h = (h % 12) + (pm ? 12 : 0);
  return { date: t[1], h, m: Number(t[3]), sec: Number(t[4] ?? 0) };
}

/** Reads a date in the user's zone; a date without a time is the start of that day. */
export function parseDate(raw: string, zone: string, order: DateOrder): { ms: number } | { error: string } {
  const s = raw.trim();
  const bad = { error: `“${raw.trim()}” is not a date we can read (${DATE_HINT}).` };
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) {
    const dt = DateTime.fromISO(s, { zone });
    return dt.isValid ? { ms: dt.toMillis() } : bad;
  }
  // Notion writes ranges as "Nov 3, 2026 → Nov 5, 2026": the start counts.
  const { date, h, m, sec } = splitTime(s.split('→')[0].trim());
  let y: number, mo: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(date))) [y, mo, d] = [+match[1], +match[2], +match[3]];
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(date))) [d, mo, y] = [+match[1], +match[2], +match[3]]; // dotted: day first, as in Europe
  else if ((match = SLASH_DATE.exec(date))) {
    const [a, b] = [+match[1], +match[2]];
    [mo, d] = order === 'mdy' ? [a, b] : [b, a];
    y = +match[3];
  } else {
    const cleaned = date
      .replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i, '')
      .replace(/(\d)(st|nd|rd|th)\b/gi, '$1')
      .replace(/\bsept\b/i, 'Sep')
      .replace(/\b([a-z]{3,9})\./gi, '$1')
      .replace(/,/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const dt = MONTH_FORMATS.map((f) => DateTime.fromFormat(cleaned, f, { zone, locale: 'en-US' })).find((x) => x.isValid);
    if (!dt) return bad;
    [y, mo, d] = [dt.year, dt.month, dt.day];
  }
  if (y < 100) y += 2000;
  const dt = DateTime.fromObject({ year: y, month: mo, day: d, hour: h, minute: m, second: sec }, { zone });
  return dt.isValid ? { ms: dt.toMillis() } : bad;
}

/** Which way round slash dates go: the file decides when a day above 12 shows it; otherwise month first (US), said as an assumption. */
function detectDateOrder(cells: string[], given: DateOrder | undefined): { order: DateOrder; assumed: boolean; example: string | null; mixed: boolean } | null {
  let dayFirst = false;
  let monthFirst = false;
  let example: string | null = null;
  let any = false;
  for (const c of cells) {
    const m = SLASH_DATE.exec(splitTime(c.trim()).date);
    if (!m) continue;
    any = true;
    const [a, b] = [+m[1], +m[2]];
    if (a > 12) dayFirst = true;
    else if (b > 12) monthFirst = true;
    else if (a !== b && !example) example = c.trim();
  }
  if (!any) return null;
  if (given) return { order: given, assumed: false, example, mixed: false };
  if (dayFirst && !monthFirst) return { order: 'dmy', assumed: false, example, mixed: false };
  return { order: 'mdy', assumed: !monthFirst && !dayFirst && example !== null, example, mixed: dayFirst && monthFirst };
}

// ---------------------------------------------------------------------------------------------
// Reading a file

interface ReadFile {
  delimiter: string;
  headers: string[];
  /** Data rows with the row number a spreadsheet shows (header = 1). */
  records: Array<{ row: number; cells: string[] }>;
  fileErrors: string[];
}

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar' };

export function readCsv(text: string): ReadFile {
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

// ---------------------------------------------------------------------------------------------
// Rows

interface Analysed {
  row: number;
  values: Values;
  fieldErrors: Record<string, string>;
  warnings: string[];
  /** The validated applications.create input, when the row has no errors. */
  input: ParsedInput<'applications.create'> | null;
  key: string;
}

const dupKey = (company: string | null, role: string | null) =>
  `${(company ?? '').normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ')}\u0000${(role ?? '').normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ')}`;

function rowValues(cells: string[], mapping: Target[], headers: string[], zone: string, order: DateOrder, headerCurrency: (string | null)[]) {
  const values: Values = {
    company: null,
    role: null,
    stage: null,
    priority: null,
    location: null,
    source: null,
    postingUrl: null,
    salaryMin: null,
    salaryMax: null,
    salaryCurrency: null,
    appliedAt: null,
    deadlineAt: null,
    stageChangedAt: null,
    notes: null,
  };
  const errors: Record<string, string> = {};
  const warnings: string[] = [];
  const raw: Partial<Record<Target, string>> = {};
  const notes: string[] = [];
  const extras: string[] = [];
  let range: SalaryRead | null = null;
  let rangeCurrency: string | null = null;
  let dollarAssumed = false;
  for (let i = 0; i < mapping.length; i++) {
    const target = mapping[i];
    const cell = (cells[i] ?? '').trim();
    if (target === 'ignore' || cell === '') continue;
    if (target === 'notes') notes.push(cell);
    else if (target === 'appendToNotes') extras.push(`${headers[i] || `Column ${i + 1}`}: ${cell}`);
    else if (raw[target] === undefined && (TEXT_TARGETS.has(target) || !PLACEHOLDER.test(cell))) {
      raw[target] = cell;
      if (target !== 'salary') continue;
      range = parseSalary(cell);
      rangeCurrency = (range.bareDollar ? headerCurrency[i] : null) ?? range.currency ?? headerCurrency[i];
      if (range.bareDollar && !headerCurrency[i]) dollarAssumed = true;
      if (range.unreadable) {
        warnings.push(`Salary “${cell}” is not an amount; it was kept in the notes.`);
        extras.push(`${headers[i] || 'Salary'}: ${cell}`);
      } else if (range.hourly) warnings.push(`Salary “${cell}” looks like an hourly rate; it was kept as the amount.`);
    }
  }

  for (const t of ['company', 'role', 'location', 'source'] as const) values[t] = raw[t] ?? null;

  if (raw.stage !== undefined) {
    const stage = stageFromWord(raw.stage);
    if (stage) values.stage = stage;
    else errors.stage = `“${raw.stage}” is not a stage we know; use one of ${STAGES.map((s) => STAGE_LABELS[s]).join(', ')}.`;
  }
  if (raw.priority !== undefined) values.priority = PRIORITY_WORDS[raw.priority.toLowerCase()] ?? null;

  if (raw.postingUrl !== undefined) {
    let url = raw.postingUrl;
    // "linkedin.com/jobs/view/123" is how links often sit in a sheet.
    if (/^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(url)) {
      url = `https://${url}`;
      warnings.push(`The link had no https://; it was added.`);
    }
    values.postingUrl = url;
  }

  if (range && !range.unreadable) [values.salaryMin, values.salaryMax] = [range.min, range.max];
  values.salaryCurrency = rangeCurrency;
  for (const t of ['salaryMin', 'salaryMax'] as const) {
    if (raw[t] === undefined) continue;
    const amount = parseAmount(raw[t].replace(NOISE, '').trim());
    if (amount) values[t] = amount.value;
    else errors[t] = `“${raw[t]}” is not an amount (use 120000 or 120k).`;
    values.salaryCurrency ??= currencyIn(raw[t]) ?? headerCurrency[mapping.indexOf(t)];
  }
  if (raw.salaryCurrency !== undefined) values.salaryCurrency = currencyIn(raw.salaryCurrency) ?? raw.salaryCurrency;

  for (const t of ['appliedAt', 'deadlineAt', 'stageChangedAt'] as const) {
    if (raw[t] === undefined) continue;
    const d = parseDate(raw[t], zone, order);
    if ('ms' in d) values[t] = d.ms;
    else errors[t] = d.error;
  }
  // A row with an applied date but no stage has been applied to.
  values.stage ??= errors.stage ? null : values.appliedAt !== null ? 'applied' : 'wishlist';

  const noteText = [...notes, extras.join('\n')].filter(Boolean).join('\n\n');
  values.notes = noteText || null;

  const candidate = {
    company: values.company ?? '',
    role: values.role ?? '',
    stage: values.stage ?? undefined,
    priority: raw.priority === undefined ? undefined : (values.priority ?? raw.priority.toLowerCase()),
    location: values.location,
    source: values.source,
    postingUrl: values.postingUrl,
    salaryMin: values.salaryMin,
    salaryMax: values.salaryMax,
    salaryCurrency: values.salaryCurrency,
    appliedAt: values.appliedAt,
    deadlineAt: values.deadlineAt,
    notes: values.notes,
  };
  const parsed = ApplicationCreate.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.map(String).join('.') || '_';
      errors[key] ??= issue.message;
    }
  }
  const ok = parsed.success && Object.keys(errors).length === 0;
  return { values, errors, warnings, input: ok ? parsed.data : null, dollarAssumed: dollarAssumed && !raw.salaryCurrency };
}

interface Analysis {
  read: ReadFile;
  mapping: Target[];
  rows: Analysed[];
  dateOrder: Preview['dateOrder'];
  notices: string[];
  fileErrors: string[];
  duplicates: Map<number, NonNullable<Preview['rows'][number]['duplicate']>>;
}

function analyse(ctx: Ctx, input: { text: string; mapping?: Target[]; dateOrder?: DateOrder }): Analysis {
  const read = readCsv(input.text);
  const width = read.headers.length;
  if (input.mapping && read.headers.length > 0 && input.mapping.length !== width) {
    throw invalid(
      { mapping: `The mapping has ${input.mapping.length} columns but the file has ${width}; read the file again.` },
      'The column mapping does not fit this file.',
    );
  }
  if (read.records.length > 50_000) throw invalid({ text: 'The file has more than 50,000 rows; split it.' }, 'The file has too many rows.');
  if (width > 500) throw invalid({ text: `The file has ${width} columns (500 at most); is it a list of applications?` }, 'The file has too many columns.');
  const mapping = input.mapping ?? autoMap(read.headers);
  const zone = getSettings(ctx).timeZone;
  const dateCols = mapping.flatMap((t, i) => (t === 'appliedAt' || t === 'deadlineAt' || t === 'stageChangedAt' ? [i] : []));
  const detected = detectDateOrder(
    read.records.flatMap((r) => dateCols.map((i) => r.cells[i] ?? '')),
    input.dateOrder,
  );
  const order = detected?.order ?? 'mdy';
  // "Salary (EUR)": the header says the currency when the cells do not.
  const headerCurrency = read.headers.map((h) => {
    const remark = /\(([^)]*)\)/.exec(h);
    return remark ? currencyIn(remark[1]) : null;
  });

  const fileErrors = [...read.fileErrors];
  const notices: string[] = [];
  if (read.headers.length > 0) {
    for (const t of ['company', 'role'] as const) if (!mapping.includes(t)) fileErrors.push(`Choose the column that holds the ${TARGET_LABELS[t].toLowerCase()}.`);
  }
  if (detected?.assumed) notices.push(`Dates such as ${detected.example} were read as month/day/year (US). If the file puts the day first, choose day/month/year.`);
  if (detected?.mixed) notices.push('Some dates put the day first and others the month; they were read as month/day/year, and the others are marked as errors.');

  let dollarAssumed = false;
  const rows: Analysed[] = read.records.map(({ row, cells }) => {
    const r = rowValues(cells, mapping, read.headers, zone, order, headerCurrency);
    dollarAssumed ||= r.dollarAssumed;
    return { row, values: r.values, fieldErrors: r.errors, warnings: r.warnings, input: r.input, key: dupKey(r.values.company, r.values.role) };
  });
  if (dollarAssumed) notices.push('Amounts in $ were read as US dollars.');

  // Duplicates: same company and role (ignoring case) already saved, or earlier in this file.
  const saved = new Map<string, { id: number; archived: boolean }>();
  for (const a of stmt<{ id: number; company: string; role: string; archivedAt: number | null }>(
    ctx.sqlite,
    'SELECT a.id, c.name AS company, a.role, a.archived_at AS archivedAt FROM applications a JOIN companies c ON c.id = a.company_id ORDER BY a.id',
  ).all()) {
    const k = dupKey(a.company, a.role);
    if (!saved.has(k)) saved.set(k, { id: a.id, archived: a.archivedAt !== null });
  }
  const seen = new Map<string, number>();
  const duplicates: Analysis['duplicates'] = new Map();
  for (const r of rows) {
    if (!r.input) continue;
    const db = saved.get(r.key);
    const earlier = seen.get(r.key);
    if (db) duplicates.set(r.row, { in: 'database', applicationId: db.id, row: earlier ?? null, archived: db.archived });
    else if (earlier !== undefined) duplicates.set(r.row, { in: 'file', applicationId: null, row: earlier, archived: false });
    if (earlier === undefined) seen.set(r.key, r.row);
  }
  return {
    read,
    mapping,
    rows,
    dateOrder: detected ? { order: detected.order, assumed: detected.assumed } : null,
    notices,
    fileErrors,
    duplicates,
  };
}

// ---------------------------------------------------------------------------------------------
// Export

export const EXPORT_HEADERS = [
  'Company',
  'Role',
  'Stage',
  'Priority',
  'Location',
  'Source',
  'Posting URL',
  'Salary min',
  'Salary max',
  'Salary currency',
  'Applied',
  'Deadline',
  'Notes',
  'Created',
  'Stage changed',
  'Interviews',
  'Notes sent',
];

interface ExportRow {
  company: string;
  role: string;
  stage: Stage;
  priority: Priority;
  location: string | null;
  source: string | null;
  postingUrl: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  appliedAt: number | null;
  deadlineAt: number | null;
  notes: string | null;
  createdAt: number;
  stageChangedAt: number;
  archivedAt: number | null;
  interviews: number;
  notesSent: number;
}

const PRIORITY_LABELS: Record<Priority, string> = { low: 'Low', medium: 'Medium', high: 'High' };

function exportApplications(ctx: Ctx, input: ParsedInput<'csv.exportApplications'>): MethodOutput<'csv.exportApplications'> {
  const zone = getSettings(ctx).timeZone;
  const ids = listApplications(ctx, input).items.map((a) => a.id);
  const rows = stmt<ExportRow>(
    ctx.sqlite,
    `SELECT c.name AS company, a.role, a.stage, a.priority, a.location, a.source, a.posting_url AS postingUrl,
            a.salary_min AS salaryMin, a.salary_max AS salaryMax, a.salary_currency AS salaryCurrency,
            a.applied_at AS appliedAt, a.deadline_at AS deadlineAt, a.notes, a.created_at AS createdAt,
            a.stage_changed_at AS stageChangedAt, a.archived_at AS archivedAt,
            (SELECT count(*) FROM interviews i WHERE i.application_id = a.id) AS interviews,
            (SELECT count(*) FROM notes n WHERE n.application_id = a.id AND n.status IN ('sent', 'mailed')) AS notesSent
     FROM applications a JOIN companies c ON c.id = a.company_id
     WHERE a.id IN (SELECT value FROM json_each(?))
     ORDER BY a.created_at, a.id`,
  ).all(JSON.stringify(ids));
  const day = (ms: number | null) => (ms == null ? '' : (DateTime.fromMillis(ms, { zone }).toISODate() ?? ''));
  const headers = input.includeArchived ? [...EXPORT_HEADERS, 'Archived'] : EXPORT_HEADERS;
  const data = rows.map((r) => {
    const cells: Array<string | number> = [
      r.company,
      r.role,
      STAGE_LABELS[r.stage],
      PRIORITY_LABELS[r.priority],
      r.location ?? '',
      r.source ?? '',
      r.postingUrl ?? '',
      r.salaryMin ?? '',
      r.salaryMax ?? '',
      r.salaryCurrency ?? '',
      day(r.appliedAt),
      day(r.deadlineAt),
      r.notes ?? '',
      day(r.createdAt),
      day(r.stageChangedAt),
      r.interviews,
      r.notesSent,
    ];
    if (input.includeArchived) cells.push(day(r.archivedAt));
    return cells;
  });
  // A cell starting with = + - @ (even across lines) is a formula to a spreadsheet: prefix an apostrophe.
  const csv = Papa.unparse({ fields: headers, data }, { escapeFormulae: /^[=+\-@\t\r]/, newline: '\r\n' });
  const today = DateTime.fromMillis(ctx.clock.now(), { zone }).toISODate();
  // The BOM makes Excel read UTF-8 (accents, €) instead of the Windows code page.
  return { filename: `courtesy-applications-${today}.csv`, content: `\uFEFF${csv}\r\n`, count: rows.length };
}

// ---------------------------------------------------------------------------------------------

export const csvHandlers: Handlers<'csv.exportApplications' | 'csv.previewApplications' | 'csv.importApplications'> = {
  'csv.exportApplications': (input, ctx) => exportApplications(ctx, input),

  'csv.previewApplications': (input, ctx) => {
    const a = analyse(ctx, input);
    const rows = a.rows.map((r) => ({ row: r.row, values: r.values, fieldErrors: r.fieldErrors, warnings: r.warnings, duplicate: a.duplicates.get(r.row) ?? null }));
    const errors = rows.filter((r) => Object.keys(r.fieldErrors).length > 0).length;
    const duplicates = rows.filter((r) => r.duplicate).length;
    return {
      delimiter: a.read.delimiter,
      columns: a.read.headers.map((header, index) => ({
        index,
        header,
        field: a.mapping[index],
        samples: a.read.records
          .map((r) => (r.cells[index] ?? '').trim())
          .filter(Boolean)
          .slice(0, 3)
          .map((s) => (s.length > 60 ? `${s.slice(0, 59)}…` : s)),
      })),
      targets: CSV_TARGETS.map((field) => ({ field, label: TARGET_LABELS[field] })),
      rows,
      summary: { rows: rows.length, ready: rows.length - errors - duplicates, errors, duplicates },
      dateOrder: a.dateOrder,
      fileErrors: a.fileErrors,
      notices: [...(a.read.headers.length > 0 ? [`Read as ${DELIMITER_NAMES[a.read.delimiter] ?? `“${a.read.delimiter}”`}-separated values.`] : []), ...a.notices],
    };
  },

  'csv.importApplications': (input, ctx) => {
    const a = analyse(ctx, input);
    const missing = (['company', 'role'] as const).filter((t) => !input.mapping.includes(t));
    if (missing.length) {
      throw invalid({ mapping: `Choose the column that holds the ${missing.map((t) => TARGET_LABELS[t].toLowerCase()).join(' and the ')}.` }, 'The mapping is not complete.');
    }
    const skip = new Set(input.skipRows ?? []);
    return tx(ctx, () => {
      const out: MethodOutput<'csv.importApplications'> = { created: 0, skipped: 0, errors: [], applicationIds: [] };
      for (const r of a.rows) {
        if (!r.input) out.errors.push({ row: r.row, fields: r.fieldErrors });
        else if (skip.has(r.row)) out.skipped++;
        else {
          out.applicationIds.push(insertApplication(ctx, r.input, { stageAt: r.values.stageChangedAt ?? r.values.appliedAt ?? undefined }));
          out.created++;
        }
      }
      return out;
    });
  },
};
