// CSV import of applications: preview each row against the applications already saved, then
// create the valid ones in one transaction through the same code as applications.create. Reading
// the file and its cells is formats/csv's job; rows.ts turns cells into fields.
import type { Ctx, Handlers } from '../../db/context';
import { stmt, tx, updateRow } from '../../db/sql';
import { applications } from '../../db/schema';
import type { MethodOutput, ParsedInput } from '../../api/contract';
import { invalid } from '../../shared/errors';
import { count, listAnd } from '../../shared/words';
import {
  CSV_TARGETS,
  DELIMITER_NAMES,
  TARGET_LABELS,
  autoMap,
  currencyFromHeader,
  detectDateOrder,
  readCsv,
  type CsvFile,
  type DateOrder,
  type Delimiter,
  type Target,
} from '../../formats/csv';
import { insertApplication } from '../applications/applications';
import { getSettings } from '../settings/settings';
import { EXPORT_HEADERS, exportApplications } from './export';
import { dupKey, rowValues, type Values } from './rows';
import { activeStages } from '../stages/rules';

type Preview = MethodOutput<'csv.previewApplications'>;
const COLUMN = { one: 'column', other: 'columns' };

interface Analysed {
  row: number;
  values: Values;
  fieldErrors: Record<string, string>;
  warnings: string[];
  /** The validated applications.create input, when the row has no errors. */
  input: ParsedInput<'applications.create'> | null;
  key: string;
}

interface Analysis {
  read: CsvFile;
  mapping: Target[];
  rows: Analysed[];
  dateOrder: Preview['dateOrder'];
  notices: string[];
  fileErrors: string[];
  duplicates: Map<number, NonNullable<Preview['rows'][number]['duplicate']>>;
}

const DATE_TARGETS: ReadonlySet<Target> = new Set(['appliedAt', 'deadlineAt', 'stageChangedAt', 'createdAt', 'archivedAt']);

function analyse(ctx: Ctx, input: { text: string; mapping?: Target[]; dateOrder?: DateOrder; delimiter?: Delimiter }): Analysis {
  // Our own export is recognised by its header, so whatever its notes hold it reads as written.
  const read = readCsv(input.text, { delimiter: input.delimiter, knownHeaders: EXPORT_HEADERS });
  const width = read.headers.length;
  if (input.mapping && read.headers.length > 0 && input.mapping.length !== width) {
    throw invalid(
      { mapping: `The mapping has ${count(input.mapping.length, COLUMN)} but the file has ${width}; read the file again.` },
      'The column mapping does not fit this file.',
    );
  }
  if (read.records.length > 50_000) throw invalid({ text: 'The file has more than 50,000 rows; split it.' }, 'The file has too many rows.');
  if (width > 500) throw invalid({ text: `The file has ${width} columns (500 at most); is it a list of applications?` }, 'The file has too many columns.');
  const mapping = input.mapping ?? autoMap(read.headers);
  const zone = getSettings(ctx).timeZone;
  const dateCols = mapping.flatMap((t, i) => (DATE_TARGETS.has(t) ? [i] : []));
  const detected = detectDateOrder(
    read.records.flatMap((r) => dateCols.map((i) => r.cells[i] ?? '')),
    input.dateOrder,
  );
  const order = detected?.order ?? 'mdy';
  // "Salary (EUR)": the header says the currency when the cells do not.
  const headerCurrency = read.headers.map(currencyFromHeader);
  const stages = activeStages(ctx);
  const now = ctx.clock.now();

  const fileErrors = [...read.fileErrors];
  const notices: string[] = [];
  if (read.headers.length > 0) {
    for (const t of ['company', 'role'] as const) if (!mapping.includes(t)) fileErrors.push(`Choose the column that holds the ${TARGET_LABELS[t].toLowerCase()}.`);
  }
  if (detected?.assumed) notices.push(`Dates such as ${detected.example} were read as month/day/year (US). If the file puts the day first, choose day/month/year.`);
  if (detected?.mixed) notices.push('Some dates put the day first and others the month; they were read as month/day/year, and the others are marked as errors.');

  let dollarAssumed = false;
  const rows: Analysed[] = read.records.map(({ row, cells }) => {
    const r = rowValues(cells, mapping, read.headers, { zone, order, now, headerCurrency, stages });
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

export const csvHandlers: Handlers<'csv.exportApplications' | 'csv.previewApplications' | 'csv.importApplications'> = {
  'csv.exportApplications': (input, ctx) => exportApplications(ctx, input),

  'csv.previewApplications': (input, ctx) => {
    const a = analyse(ctx, input);
    const rows = a.rows.map((r) => ({ row: r.row, values: r.values, fieldErrors: r.fieldErrors, warnings: r.warnings, duplicate: a.duplicates.get(r.row) ?? null }));
    const errors = rows.filter((r) => Object.keys(r.fieldErrors).length > 0).length;
    const duplicates = rows.filter((r) => r.duplicate).length;
    return {
      delimiter: a.read.delimiter,
      delimiterChosen: a.read.delimiterChosen,
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
      notices: [...(a.read.headers.length > 0 && !a.read.delimiterChosen ? [`Read as ${DELIMITER_NAMES[a.read.delimiter]}-separated values.`] : []), ...a.notices],
    };
  },

  'csv.importApplications': (input, ctx) => {
    const a = analyse(ctx, input);
    const missing = (['company', 'role'] as const).filter((t) => !input.mapping.includes(t));
    if (missing.length) {
      throw invalid({ mapping: `Choose the column that holds ${listAnd(missing.map((t) => `the ${TARGET_LABELS[t].toLowerCase()}`))}.` }, 'The mapping is not complete.');
    }
    const skip = new Set(input.skipRows ?? []);
    const appliedColumn = input.mapping.includes('appliedAt');
    return tx(ctx, () => {
      const out: MethodOutput<'csv.importApplications'> = { created: 0, skipped: 0, errors: [], applicationIds: [] };
      for (const r of a.rows) {
        if (!r.input) out.errors.push({ row: r.row, fields: r.fieldErrors });
        else if (skip.has(r.row)) out.skipped++;
        else {
          const id = insertApplication(ctx, r.input, { stageAt: r.values.stageChangedAt ?? r.values.appliedAt ?? undefined });
          // What applications.create cannot be told: when it was made and archived, and that an
          // empty applied date in an applied-date column stays empty rather than becoming today.
          updateRow(ctx, applications, id, {
            createdAt: r.values.createdAt ?? undefined,
            archivedAt: r.values.archivedAt ?? undefined,
            appliedAt: appliedColumn && r.values.appliedAt === null ? null : undefined,
          });
          out.applicationIds.push(id);
          out.created++;
        }
      }
      return out;
    });
  },
};
