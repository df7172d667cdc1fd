// Settings → Data: everything out as one JSON file, and back into a new, empty Courtesy
// (docs/export-format.md). The import shows honest progress in three phases: reading the file (the
// browser's own progress events), sending it (one step per part, data.upload), then checking and
// writing, which is one call whose length nobody can predict, so that phase says so instead of
// pretending a percentage.
import { useRef, useState } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { UPLOAD_MAX_PARTS, UPLOAD_PART_CHARS } from '../../../electron/shared/data-export';
import { call } from '../lib/api';
import { downloadFile } from '../lib/download';
import { list, plural } from '../lib/format';
import { useApi, useCall } from '../lib/hooks';
import { ConfirmDialog } from '../ui/Modal';
import { useToast } from '../ui/Toast';

type Progress = { phase: 'reading' | 'sending'; done: number; total: number } | { phase: 'writing' };
type Imported = MethodOutput<'data.import'>;

const tableWords = (name: string) => name.replace(/_/g, ' ');
const megabytes = (bytes: number) =>
  bytes < 1_000_000 ? `${Math.max(1, Math.round(bytes / 1000))} KB` : `${(bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)} MB`;

/** Reads a chosen file as UTF-8 text, reporting how much has been read. */
function readWithProgress(file: File, onProgress: (done: number, total: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(new Error(`The file ${file.name} could not be read (${reader.error?.message ?? 'unknown error'}).`));
    reader.readAsText(file, 'utf-8');
  });
}

export function DataPanel() {
  const status = useApi('data.status', {});
  const exportAll = useCall('data.export');
  const importFile = useCall('data.import');
  const toast = useToast();
  const inputRef = useRef<HTMLInputElement>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [imported, setImported] = useState<Imported | null>(null);

  async function doExport() {
    setExportError(null);
    try {
      const out = await exportAll.mutateAsync({});
      downloadFile(out.filename, out.content, 'application/json');
      toast(`Exported ${plural(out.rows, 'row')} from ${plural(out.tables.length, 'table')} as ${out.filename}.`);
    } catch (err) {
      setExportError(err instanceof Error ? err.message : String(err));
    }
  }

  async function doImport(file: File) {
    setImportError(null);
    setImported(null);
    try {
      setProgress({ phase: 'reading', done: 0, total: file.size });
      const text = await readWithProgress(file, (done, total) => setProgress({ phase: 'reading', done, total }));
      const parts = Math.max(1, Math.ceil(text.length / UPLOAD_PART_CHARS));
      if (parts > UPLOAD_MAX_PARTS) throw new Error(`The file is too large to import (${megabytes(file.size)}; about ${megabytes(UPLOAD_MAX_PARTS * UPLOAD_PART_CHARS)} at most).`);
      const uploadId = crypto.randomUUID();
      // Parts go one after another through `call`, not a mutation: nothing changes until data.import,
      // which goes through useCall so every screen refreshes once the data is in.
      for (let part = 0; part < parts; part++) {
        setProgress({ phase: 'sending', done: part, total: parts });
        await call('data.upload', { uploadId, part, parts, text: text.slice(part * UPLOAD_PART_CHARS, (part + 1) * UPLOAD_PART_CHARS) });
      }
      setProgress({ phase: 'writing' });
      const result = await importFile.mutateAsync({ uploadId, confirm: true });
      setImported(result);
      toast(`Imported ${plural(result.rows, 'row')}.`);
    } catch (err) {
      setImportError(err instanceof Error ? err.message : String(err));
    } finally {
      setProgress(null);
      if (inputRef.current) inputRef.current.value = '';
    }
  }

  const empty = status.data?.empty ?? false;
  const busy = progress !== null;
  return (
    <section className="panel data-panel" aria-label="Data">
      <h2>Data</h2>
      <p className="muted">
        Everything you have entered (applications, contacts, interviews, notes, templates, stationery, reminders and settings) as one JSON file that other
        programs can read. Import it into a new Courtesy to move to another computer.
        {status.data ? ` Export format ${status.data.formatVersion}, data schema ${status.data.schemaVersion}.` : ''}
      </p>

      <div className="data-action">
        <button type="button" className="primary" disabled={exportAll.isPending} onClick={() => void doExport()}>
          {exportAll.isPending ? 'Exporting…' : 'Export everything'}
        </button>
        {exportError ? (
          <span className="field-error" role="alert">
            {exportError}
          </span>
        ) : null}
      </div>

      <div className="data-action">
        <label className={`button${!empty || busy ? ' disabled' : ''}`} htmlFor="data-import-file" aria-disabled={!empty || busy}>
          Import from a file…
        </label>
        <input
          ref={inputRef}
          id="data-import-file"
          className="sr-only"
          type="file"
          accept=".json,application/json"
          aria-label="Export file to import"
          disabled={!empty || busy}
          onChange={(e) => setChosen(e.target.files?.[0] ?? null)}
        />
        {status.data && !empty && !imported ? (
          <span className="muted data-hint">
            Import goes only into a new, empty Courtesy, so nothing here is merged or overwritten. This one holds{' '}
            {list(
              status.data.holds.map((h) => `${tableWords(h.name)} (${h.rows})`),
              'and',
            )}
            .
          </span>
        ) : null}
        {importError ? (
          <span className="field-error" role="alert">
            {importError}
          </span>
        ) : null}
      </div>

      {progress ? <ImportProgress progress={progress} /> : null}
      {imported ? (
        <p className="data-result" role="status">
          Imported {plural(imported.rows, 'row')} into {plural(imported.tables.filter((t) => t.rows > 0).length, 'table')}
          {imported.migratedFrom ? `, brought up from data schema ${imported.migratedFrom}` : ''}.
        </p>
      ) : null}

      {chosen ? (
        <ConfirmDialog
          title="Import this file?"
          message={
            <p>
              Everything in {chosen.name} ({megabytes(chosen.size)}) goes into this empty Courtesy, with the same ids, settings and templates (the built-in
              templates are replaced by the file&apos;s). If anything in the file is wrong, nothing is imported.
            </p>
          }
          confirmLabel="Import"
          onCancel={() => {
            setChosen(null);
            if (inputRef.current) inputRef.current.value = '';
          }}
          onConfirm={() => {
            const file = chosen;
            setChosen(null);
            void doImport(file);
          }}
        />
      ) : null}
    </section>
  );
}

function ImportProgress({ progress }: { progress: Progress }) {
  if (progress.phase === 'writing') {
    return (
      <div className="data-progress" role="status">
        <progress aria-label="Import progress" />
        <span>Checking and writing everything in one go… a large file takes a little while; nothing is saved until all of it fits.</span>
      </div>
    );
  }
  const pct = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const label =
    progress.phase === 'reading' ? `Reading the file… ${pct}%` : `Sending the file… part ${progress.done + 1} of ${progress.total}`;
  return (
    <div className="data-progress" role="status">
      <progress aria-label="Import progress" max={progress.total || 1} value={progress.done} />
      <span>{label}</span>
    </div>
  );
}
