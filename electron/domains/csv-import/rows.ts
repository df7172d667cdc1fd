// One spreadsheet row to the fields of applications.create: the codec in formats/csv reads each
// cell (stage words, salary ranges, dates), this module combines them and validates the result
// with the same zod schema as applications.create.
import { normalizeUrl } from '../../shared/url';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { ParsedInput } from '../../api/contract';
import { ApplicationCreate } from '../../shared/inputs/applications';
import type { CsvPreviewRow } from '../../api/contract/csv';
import { BUILTIN_STAGE_KINDS } from '../../shared/domain';
import type { StageInfo } from '../stages/rules';
import { listOr } from '../../shared/words';
import {
  PLACEHOLDER,
  currencyIn,
  parseAmountCell,
  parseDate,
  parseSalary,
  priorityFromWord,
  stageFromWord,
  type DateOrder,
  type SalaryRead,
  type Target,
} from '../../formats/csv';

export type Values = z.infer<typeof CsvPreviewRow>['values'];

const TEXT_TARGETS = new Set<Target>(['company', 'role', 'location', 'source']);

export interface RowRead {
  values: Values;
  errors: Record<string, string>;
  warnings: string[];
  /** The validated applications.create input, when the row has no errors. */
  input: ParsedInput<'applications.create'> | null;
  /** A bare "$" was read as US dollars with no currency column or header to say so. */
  dollarAssumed: boolean;
}

export const dupKey = (company: string | null, role: string | null) =>
  `${(company ?? '').normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ')}\u0000${(role ?? '').normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ')}`;

/** How a file's cells are read: the person's zone and date order, and today for dates without a year. */
export interface ReadContext {
  zone: string;
  order: DateOrder;
  now: number;
  headerCurrency: (string | null)[];
  /** The person's active stages in board order: status words map onto these. */
  stages: StageInfo[];
}

const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * A status word onto the person's own stages: a stage's own name first (any case), so a custom
 * "Take-home" stage catches "take-home"; then the built-in words and patterns (formats/csv/words.ts),
 * which name a built-in stage: that stage if it is still active, else the first active stage of its kind.
 */
export function stageOfWord(raw: string, stages: StageInfo[]): string | null {
  const own = stages.find((s) => fold(s.name) === fold(raw));
  if (own) return own.key;
  const builtin = stageFromWord(raw);
  if (!builtin) return null;
  if (stages.some((s) => s.key === builtin)) return builtin;
  return stages.find((s) => s.kind === BUILTIN_STAGE_KINDS[builtin])?.key ?? null;
}

const DATE_TARGETS = ['appliedAt', 'deadlineAt', 'stageChangedAt', 'createdAt', 'archivedAt'] as const;

export function rowValues(cells: string[], mapping: Target[], headers: string[], { zone, order, now, headerCurrency, stages }: ReadContext): RowRead {
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
    createdAt: null,
    archivedAt: null,
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
    const stage = stageOfWord(raw.stage, stages);
    if (stage) values.stage = stage;
    else errors.stage = `“${raw.stage}” is not a stage we know; use ${listOr(stages.map((s) => s.name))}.`;
  }
  if (raw.priority !== undefined) values.priority = priorityFromWord(raw.priority);

  if (raw.postingUrl !== undefined) {
    // "linkedin.com/jobs/view/123" is how links often sit in a sheet: the one URL rule (shared/url.ts).
    const { url, added } = normalizeUrl(raw.postingUrl);
    if (added) warnings.push(`The link had no https://; it was added.`);
    values.postingUrl = url;
  }

  if (range && !range.unreadable) [values.salaryMin, values.salaryMax] = [range.min, range.max];
  values.salaryCurrency = rangeCurrency;
  for (const t of ['salaryMin', 'salaryMax'] as const) {
    if (raw[t] === undefined) continue;
    const amount = parseAmountCell(raw[t]);
    if (amount !== null) values[t] = amount;
    else errors[t] = `“${raw[t]}” is not an amount (use 120000 or 120k).`;
    values.salaryCurrency ??= currencyIn(raw[t]) ?? headerCurrency[mapping.indexOf(t)];
  }
  if (raw.salaryCurrency !== undefined) values.salaryCurrency = currencyIn(raw.salaryCurrency) ?? raw.salaryCurrency;

  for (const t of DATE_TARGETS) {
    if (raw[t] === undefined) continue;
    const d = parseDate(raw[t], zone, order, now);
    if ('error' in d) {
      errors[t] = d.error;
      continue;
    }
    values[t] = d.ms;
    if (d.assumedYear !== undefined) {
      const read = DateTime.fromMillis(d.ms, { zone }).toFormat('MMMM d, yyyy');
      warnings.push(`“${raw[t]}” has no year; read as ${read}, the most recent such date.`);
    }
  }
  // A row with an applied date but no stage has been applied to.
  // (The first open stage, or the first not-applied one: the built-in Applied and Wishlist unless changed.)
  const first = (kind: StageInfo['kind']) => stages.find((s) => s.kind === kind)?.key ?? null;
  values.stage ??= errors.stage ? null : values.appliedAt !== null ? first('open') : first('planned');

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

