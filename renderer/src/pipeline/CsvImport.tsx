// Applications in and out as CSV: the Settings panel (export, choose a file) and the import preview
// (map each column, see every row as it will be saved, skip duplicates, import in one go).
import { useState } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { ApiError } from '../lib/api';
import { formatDate, plural } from '../lib/format';
import { useApi, useCall } from '../lib/hooks';
import { href } from '../lib/router';
import { Modal } from '../ui/Modal';
import { useToast } from '../ui/Toast';
import { ErrorBanner } from '../ui/ErrorBanner';
import { CsvImportButton } from './CsvImportButton';
import { useStages } from '../lib/stages';
import { useExportApplicationsCsv } from './csvExport';

type Preview = MethodOutput<'csv.previewApplications'>;
type Row = Preview['rows'][number];
type Target = Preview['columns'][number]['field'];
type DateOrder = 'mdy' | 'dmy';
type Delimiter = Preview['delimiter'];

const DELIMITER_CHOICES: Array<[Delimiter, string]> = [
  [',', 'commas'],
  [';', 'semicolons'],
  ['\t', 'tabs'],
  ['|', 'vertical bars'],
];
type Result = MethodOutput<'csv.importApplications'>;


const message = (err: unknown) =>
  err instanceof ApiError ? `${err.message}${Object.keys(err.fields).length ? ` ${Object.values(err.fields).join(' ')}` : ''}` : err instanceof Error ? err.message : String(err);


export function ImportExportPanel() {
  const toast = useToast();
  const exportApplicationsCsv = useExportApplicationsCsv();
  const [exporting, setExporting] = useState(false);

  async function exportAll() {
    setExporting(true);
    try {
      const out = await exportApplicationsCsv({ includeArchived: true });
      toast(`Exported ${plural(out.count, 'application')} as ${out.filename}.`);
    } catch (err) {
      toast(message(err), 'error');
    } finally {
      setExporting(false);
    }
  }

  return (
    <section className="panel" aria-label="Import and export">
      <h2>Import and export</h2>
      <p className="muted">
        Move your search in from a spreadsheet (Google Sheets, Excel, Notion, any CSV) and take it out again. Exports open in Excel with accents intact and
        include archived applications.
      </p>
      <div className="row">
        <button type="button" disabled={exporting} onClick={() => void exportAll()}>
          Export applications (CSV)
        </button>
        <CsvImportButton label="Import applications from CSV…" />
      </div>
    </section>
  );
}

const PREVIEW_ROWS = 100;

export function CsvImport({ fileName, text, onClose }: { fileName: string; text: string; onClose: () => void }) {
  const toast = useToast();
  /** The person's mapping; until they change one, the file's own (from its headers). */
  const [edited, setEdited] = useState<Target[] | null>(null);
  const [dateOrder, setDateOrder] = useState<DateOrder | undefined>(undefined);
  /** The person's choice; until then the server reads it from the file's shape. */
  const [delimiter, setDelimiter] = useState<Delimiter | undefined>(undefined);
  const [importError, setImportError] = useState<string | null>(null);
  /** Rows the person ticked or unticked; otherwise duplicates are skipped. */
  const [skipChoice, setSkipChoice] = useState<Record<number, boolean>>({});
  const [onlyIssues, setOnlyIssues] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const commit = useCall('csv.importApplications');

  // Read again whenever the delimiter, the mapping or the date order changes; the previous answer stays on screen meanwhile.
  const previewQ = useApi(
    'csv.previewApplications',
    { text, ...(delimiter ? { delimiter } : {}), ...(edited ? { mapping: edited } : {}), ...(dateOrder ? { dateOrder } : {}) },
    { placeholderData: (prev) => prev, refetchOnWindowFocus: false },
  );
  const preview = previewQ.data ?? null;
  const reading = previewQ.isFetching;
  const error = importError ?? (previewQ.error ? message(previewQ.error) : null);

  const mapping = edited ?? preview?.columns.map((c) => c.field) ?? null;
  const hasErrors = (r: Row) => Object.keys(r.fieldErrors).length > 0;
  const skipped = (r: Row) => skipChoice[r.row] ?? r.duplicate !== null;
  const rows = preview?.rows ?? [];
  const errorCount = rows.filter(hasErrors).length;
  const duplicateCount = rows.filter((r) => !hasErrors(r) && r.duplicate).length;
  const toSkip = rows.filter((r) => !hasErrors(r) && skipped(r));
  const toImport = rows.length - errorCount - toSkip.length;
  const labels = new Map((preview?.targets ?? []).map((t) => [t.field as string, t.label]));
  const shown = (onlyIssues ? rows.filter((r) => hasErrors(r) || r.duplicate || r.warnings.length) : rows).slice(0, PREVIEW_ROWS);
  const blocked = (preview?.fileErrors.length ?? 0) > 0 && rows.every(hasErrors);

  async function doImport() {
    if (!mapping) return;
    setImportError(null);
    try {
      const chosen = delimiter ?? preview?.delimiter;
      const r = await commit.mutateAsync({ text, mapping, ...(chosen ? { delimiter: chosen } : {}), ...(dateOrder ? { dateOrder } : {}), skipRows: toSkip.map((row) => row.row) });
      setResult(r);
      toast(`Imported ${plural(r.created, 'application')}.`);
    } catch (err) {
      setImportError(message(err));
    }
  }

  if (result) {
    return (
      <Modal title="Import finished" onClose={onClose}>
        <div className="csv-import-done">
          <p>
            <strong>{plural(result.created, 'application')} imported</strong>
            {result.skipped ? `, ${result.skipped} skipped` : ''}
            {result.errors.length ? `; ${plural(result.errors.length, 'row')} with errors not imported (rows ${result.errors.map((e) => e.row).join(', ')})` : ''}.
          </p>
          <div className="form-actions">
            <button type="button" onClick={onClose}>
              Close
            </button>
            <a className="button primary" href={href({ name: 'pipeline' })} onClick={onClose}>
              Open the pipeline
            </a>
          </div>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title="Import applications from CSV" onClose={onClose}>
      <div className="csv-import">
        <p className="muted csv-file-line">
          <strong>{fileName}</strong>
          {preview ? ` · ${plural(rows.length, 'row')}${preview.notices.length ? ` · ${preview.notices.join(' ')}` : ''}` : ''}
          {reading ? ' · Reading…' : ''}
        </p>
        {error ? (
          <ErrorBanner>
            {error}
          </ErrorBanner>
        ) : null}
        {preview?.fileErrors.map((e) => (
          <ErrorBanner key={e}>{e}</ErrorBanner>
        ))}
        {preview ? (
          <label className="row csv-delimiter">
            <span>Columns are separated by</span>
            <select
              aria-label="Column separator"
              value={preview.delimiter}
              onChange={(e) => {
                // Other columns: the mapping and the row choices belong to the old reading.
                setDelimiter(e.target.value as Delimiter);
                setEdited(null);
                setSkipChoice({});
              }}
            >
              {DELIMITER_CHOICES.map(([d, label]) => (
                <option key={d} value={d}>
                  {label}
                </option>
              ))}
            </select>
            {preview.delimiterChosen ? null : <span className="muted">read from the file</span>}
          </label>
        ) : null}
        {preview && mapping ? (
          <>
            <section aria-label="Column mapping">
              <h3 className="csv-h3">Columns</h3>
              <div className="csv-mapping">
                {preview.columns.map((c) => (
                  <div key={c.index} className={`csv-column ${mapping[c.index] === 'ignore' ? 'ignored' : ''}`}>
                    <label htmlFor={`csv-col-${c.index}`} className="csv-column-header" title={c.header}>
                      {c.header || `Column ${c.index + 1}`}
                    </label>
                    <select
                      id={`csv-col-${c.index}`}
                      aria-label={`Import column “${c.header || `Column ${c.index + 1}`}” as`}
                      value={mapping[c.index]}
                      onChange={(e) => setEdited(mapping.map((t, i) => (i === c.index ? (e.target.value as Target) : t)))}
                    >
                      {preview.targets.map((t) => (
                        <option key={t.field} value={t.field}>
                          {t.label}
                        </option>
                      ))}
                    </select>
                    <span className="csv-samples muted" title={c.samples.join('\n')}>
                      {c.samples.length ? c.samples.join(' · ') : 'empty'}
                    </span>
                  </div>
                ))}
              </div>
            </section>
            {preview.dateOrder ? (
              <label className="row csv-date-order">
                <span>Dates like 03/04/2026 are</span>
                <select value={preview.dateOrder.order} onChange={(e) => setDateOrder(e.target.value as DateOrder)} aria-label="Date order">
                  <option value="mdy">month/day/year (US)</option>
                  <option value="dmy">day/month/year</option>
                </select>
                {preview.dateOrder.assumed ? <span className="badge due">assumed, please check</span> : null}
              </label>
            ) : null}
            <div className="row csv-summary" role="status" aria-label="Import summary">
              <span className="badge ok">{toImport} to import</span>
              <span className={`badge ${errorCount ? 'overdue' : ''}`}>{plural(errorCount, 'row')} with errors</span>
              <span className={`badge ${duplicateCount ? 'due' : ''}`}>{plural(duplicateCount, 'duplicate')}</span>
              <label className="row csv-only-issues">
                <input type="checkbox" checked={onlyIssues} onChange={(e) => setOnlyIssues(e.target.checked)} />
                Only rows that need a look
              </label>
            </div>
            <div className="table-wrap import-table" tabIndex={0} role="region" aria-label="Rows in the file">
              <table className="data" aria-label="Rows in the file">
                <thead>
                  <tr>
                    <th>Row</th>
                    <th>Skip</th>
                    <th>Company and role</th>
                    <th>Stage</th>
                    <th>Applied</th>
                    <th>Salary</th>
                    <th>Check</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((r) => (
                    <PreviewRow
                      key={r.row}
                      r={r}
                      labels={labels}
                      skipped={skipped(r)}
                      onSkip={(v) => setSkipChoice((s) => ({ ...s, [r.row]: v }))}
                    />
                  ))}
                  {shown.length === 0 ? (
                    <tr>
                      <td colSpan={7} className="muted">
                        {onlyIssues ? 'Every row looks fine.' : 'No rows in the file.'}
                      </td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            </div>
            {(onlyIssues ? rows.filter((r) => hasErrors(r) || r.duplicate || r.warnings.length).length : rows.length) > PREVIEW_ROWS ? (
              <p className="muted csv-more">Showing the first {PREVIEW_ROWS} rows; all of them are imported.</p>
            ) : null}
          </>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!preview || reading || blocked || toImport === 0 || commit.isPending} onClick={() => void doImport()}>
            {toImport ? `Import ${plural(toImport, 'application')}` : 'Import'}
          </button>
        </div>
      </div>
    </Modal>
  );
}

function salaryText(v: Row['values']): string {
  const fmt = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : n.toLocaleString());
  const { salaryMin: min, salaryMax: max } = v;
  const range = min != null && max != null ? (min === max ? fmt(min) : `${fmt(min)}–${fmt(max)}`) : min != null ? `${fmt(min)}+` : max != null ? `up to ${fmt(max)}` : '';
  return range && v.salaryCurrency ? `${range} ${v.salaryCurrency}` : range;
}

function PreviewRow({ r, labels, skipped, onSkip }: { r: Row; labels: Map<string, string>; skipped: boolean; onSkip: (v: boolean) => void }) {
  const stages = useStages();
  const errors = Object.entries(r.fieldErrors);
  const v = r.values;
  const cls = errors.length ? 'import-error' : skipped ? 'csv-skipped' : '';
  return (
    <tr className={cls} data-row={r.row}>
      <td className="muted num">{r.row}</td>
      <td>
        {errors.length ? (
          <span className="muted" title="Rows with errors are not imported">
            —
          </span>
        ) : (
          <input type="checkbox" aria-label={`Skip row ${r.row}`} checked={skipped} onChange={(e) => onSkip(e.target.checked)} />
        )}
      </td>
      <td className="csv-who">
        <strong>{v.company ?? <span className="muted">no company</span>}</strong>
        <div>{v.role ?? <span className="muted">no role</span>}</div>
        {v.notes ? <div className="muted csv-notes">{v.notes}</div> : null}
      </td>
      <td className="csv-nowrap">
        {v.stage ? stages.name(v.stage) : ''}
        {v.archivedAt !== null ? <div className="muted">archived</div> : null}
      </td>
      <td className="csv-nowrap">{formatDate(v.appliedAt)}</td>
      <td className="csv-nowrap">{salaryText(v)}</td>
      <td>
        <div className="import-findings">
          {errors.map(([k, msg]) => {
            const label = labels.get(k) ?? k;
            // "Company is required." names its field already; "“x” is not a stage we know" does not.
            return (
              <div key={k} className="field-error">
                {msg.toLowerCase().startsWith(label.toLowerCase()) ? msg : `${label}: ${msg}`}
              </div>
            );
          })}
          {r.duplicate ? (
            <div>
              <span className="badge due">duplicate</span>{' '}
              <span className="muted">
                {r.duplicate.in === 'database'
                  ? `already saved${r.duplicate.archived ? ' (archived)' : ''}${r.duplicate.row ? `; also row ${r.duplicate.row}` : ''}`
                  : `same as row ${r.duplicate.row}`}
              </span>
            </div>
          ) : null}
          {r.warnings.map((w) => (
            <div key={w} className="muted">
              {w}
            </div>
          ))}
          {!errors.length && !r.duplicate && !r.warnings.length ? <span className="badge ok">ready</span> : null}
        </div>
      </td>
    </tr>
  );
}
