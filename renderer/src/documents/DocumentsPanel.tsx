// An application's documents: attach by choosing or by dropping files anywhere on the application's
// page; each row says its kind and version label, opens with the system viewer (desktop) or downloads
// (browser), and tells which applications got this very file.
import { useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { DOCUMENT_EXTENSIONS, DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, MAX_DOCUMENT_BYTES, type DocumentKind } from '../../../electron/shared/documents';
import { base64ToBytes, downloadFile } from '../lib/download';
import { formatDate, list, plural } from '../lib/format';
import { useApi, useCall } from '../lib/hooks';
import { ConfirmDialog } from '../ui/Modal';
import { useToast } from '../ui/Toast';
import './documents.css';
import { UsageDialog } from './UsageDialog';

type Doc = MethodOutput<'documents.list'>['items'][number];

/** A first guess at the kind from the file's name; the person corrects it in the row. */
export function guessKind(name: string): DocumentKind {
  const n = name.toLowerCase();
  if (/\b(cv|resume|résumé)\b|lebenslauf/.test(n)) return 'resume';
  if (/cover|motivation|anschreiben/.test(n)) return 'cover_letter';
  if (/offer|contract/.test(n)) return 'offer_letter';
  if (/posting|job|description|\.html?$/.test(n)) return 'posting';
  return 'other';
}

const size = (n: number) => (n < 1024 ? `${n} B` : n < 1048576 ? `${Math.round(n / 1024)} KB` : `${(n / 1048576).toFixed(1)} MB`);

async function toBase64(file: File): Promise<string> {
  const url = await new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error ?? new Error(`Could not read ${file.name}.`));
    r.readAsDataURL(file);
  });
  return url.slice(url.indexOf(',') + 1);
}

export function DocumentsPanel({ application }: { application: { id: number; company: string } }) {
  const docs = useApi('documents.list', { applicationId: application.id });
  const add = useCall('documents.add');
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function attach(files: Iterable<File>) {
    setError(null);
    const problems: string[] = [];
    let added = 0;
    for (const file of files) {
      // Checked here only to spare reading a huge file; main checks every file again, by content too.
      if (file.size > MAX_DOCUMENT_BYTES) {
        problems.push(`"${file.name}" is ${size(file.size)}; a document can be at most 10 MB.`);
        continue;
      }
      try {
        await add.mutateAsync({ applicationId: application.id, name: file.name, base64: await toBase64(file), kind: guessKind(file.name) });
        added++;
      } catch (err) {
        problems.push(err instanceof Error ? err.message : String(err));
      }
    }
    if (problems.length) setError(problems.join(' '));
    if (added) toast(added === 1 ? 'Document attached.' : `${added} documents attached.`);
  }

  // Files dropped anywhere on the application's page attach to it. The listeners are added once; they
  // call the latest attach through a ref.
  const attachRef = useRef(attach);
  useEffect(() => {
    attachRef.current = attach;
  });
  useEffect(() => {
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      void attachRef.current(e.dataTransfer!.files);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);

  const items = docs.data?.items ?? [];
  return (
    <section className="panel" aria-labelledby={`docs-${application.id}`}>
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          Drop to attach to {application.company}
        </div>
      ) : null}
      <div className="row" style={{ justifyContent: 'space-between', marginBottom: 8 }}>
        <h2 id={`docs-${application.id}`} style={{ margin: 0 }}>
          Documents
        </h2>
        <button type="button" onClick={() => input.current?.click()} disabled={add.isPending}>
          Attach files…
        </button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          aria-label="Attach files"
          accept={DOCUMENT_EXTENSIONS.map((e) => `.${e}`).join(',')}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void attach(files);
          }}
        />
      </div>
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
      {items.length ? (
        <ul className="item-list doc-list" aria-label="Documents">
          {items.map((d) => (
            <DocumentRow key={d.id} doc={d} />
          ))}
        </ul>
      ) : (
        <p className="section-empty">The résumé version, cover letter, the posting saved as PDF or HTML, an offer letter: drop files here or attach them.</p>
      )}
    </section>
  );
}

function DocumentRow({ doc: d }: { doc: Doc }) {
  const update = useCall('documents.update');
  const remove = useCall('documents.remove');
  const open = useCall('documents.open');
  const download = useCall('documents.download');
  const toast = useToast();
  const [label, setLabel] = useState(d.label ?? '');
  const [showUsage, setShowUsage] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const fail = (err: unknown) => toast(err instanceof Error ? err.message : String(err), 'error');

  const openOrDownload = async () => {
    try {
      if ((await open.mutateAsync({ id: d.id })).opened) return;
      const file = await download.mutateAsync({ id: d.id });
      downloadFile(file.filename, base64ToBytes(file.base64), file.mediaType);
    } catch (err) {
      fail(err);
    }
  };
  const saveLabel = () => {
    if ((d.label ?? '') !== label.trim()) update.mutateAsync({ id: d.id, label: label.trim() || null }).catch(fail);
  };

  return (
    <li>
      <div className="item-main">
        <button type="button" className="link-button" onClick={() => void openOrDownload()} title="Open with the system viewer, or download">
          {d.name}
        </button>
        <span className="sub">
          {DOCUMENT_KIND_LABELS[d.kind]}
          {d.label ? ` — ${d.label}` : ''} · {size(d.size)} · added {formatDate(d.createdAt)}
        </span>
      </div>
      <div className="doc-controls">
        <select aria-label={`Kind of ${d.name}`} value={d.kind} onChange={(e) => update.mutateAsync({ id: d.id, kind: e.target.value as DocumentKind }).catch(fail)}>
          {DOCUMENT_KINDS.map((k) => (
            <option key={k} value={k}>
              {DOCUMENT_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <input
          aria-label={`Version label of ${d.name}`}
          placeholder="Version, e.g. platform v3"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          onBlur={saveLabel}
          onKeyDown={(e) => e.key === 'Enter' && saveLabel()}
        />
        <button type="button" className="small-button" onClick={() => setShowUsage(true)}>
          {d.usedBy === 1 ? 'Only here' : `Sent with ${d.usedBy} applications`}
        </button>
        <button type="button" className="ghost" aria-label={`Remove ${d.name}`} onClick={() => setConfirm(true)}>
          ✕
        </button>
      </div>
      {showUsage ? <UsageDialog doc={d} onClose={() => setShowUsage(false)} /> : null}
      {confirm ? (
        <ConfirmDialog
          title={`Remove ${d.name}?`}
          message={<p>It is removed from this application. Other applications that got the same file keep it.</p>}
          confirmLabel="Remove document"
          danger
          onCancel={() => setConfirm(false)}
          onConfirm={async () => {
            setConfirm(false);
            await remove.mutateAsync({ id: d.id }).catch(fail);
          }}
        />
      ) : null}
    </li>
  );
}

/**
 * For the delete question: how many documents the application holds and what becomes of each. A file
 * another application also got stays with that one; a file only this one had goes with it (and comes
 * back with Undo).
 */
export function DocumentsOnDelete({ applicationId }: { applicationId: number }) {
  const docs = useApi('documents.list', { applicationId }).data?.items;
  if (!docs?.length) return null;
  const shared = docs.filter((d) => d.usedBy > 1);
  const own = docs.filter((d) => d.usedBy <= 1);
  const names = (ds: Doc[]) => list(ds.map((d) => d.name));
  return (
    <p className="delete-documents">
      {plural(docs.length, 'document')} {docs.length === 1 ? 'is' : 'are'} attached.{' '}
      {own.length ? `${names(own)} ${own.length === 1 ? 'was' : 'were'} sent with this application only and will be removed with it. ` : ''}
      {shared.length ? `${names(shared)} ${shared.length === 1 ? 'stays' : 'stay'} with the other applications that got ${shared.length === 1 ? 'it' : 'them'}.` : ''}
    </p>
  );
}
