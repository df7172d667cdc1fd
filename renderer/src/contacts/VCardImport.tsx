// vCard import: pick a file, see every card (what will be saved, what could not be read and why,
// who is already saved), choose per card, then import in one go.
import { readText } from '../lib/download';
import { useState } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { ApiError } from '../lib/api';
import { useCall } from '../lib/hooks';
import { list, plural } from '../lib/format';
import { Modal } from '../ui/Modal';
import { useToast } from '../ui/Toast';
import { ErrorBanner } from '../ui/ErrorBanner';

type Preview = MethodOutput<'contacts.importPreview'>;
type Card = Preview['cards'][number];
type Action = 'create' | 'skip' | 'merge';


const importable = (c: Card) => c.contact !== null && Object.keys(c.fieldErrors).length === 0;

export function VCardImport({ onClose }: { onClose: () => void }) {
  const toast = useToast();
  const [fileName, setFileName] = useState<string | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [actions, setActions] = useState<Record<number, Action>>({});
  const [error, setError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const commit = useCall('contacts.importCommit');
  const readPreview = useCall('contacts.importPreview');

  async function choose(file: File | undefined) {
    if (!file) return;
    setError(null);
    setReading(true);
    setFileName(file.name);
    try {
      const p = await readPreview.mutateAsync({ text: await readText(file) });
      setPreview(p);
      setActions(Object.fromEntries(p.cards.map((c) => [c.index, c.suggested])));
    } catch (err) {
      setPreview(null);
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setReading(false);
    }
  }

  const chosen = (preview?.cards ?? []).filter(importable).map((c) => ({ card: c, action: actions[c.index] ?? 'skip' }));
  const toImport = chosen.filter((c) => c.action !== 'skip').length;

  async function doImport() {
    setError(null);
    try {
      const r = await commit.mutateAsync({
        cards: chosen.map(({ card, action }) => ({ contact: card.contact!, action, targetId: action === 'merge' ? card.duplicate?.id : undefined })),
      });
      toast(`Imported: ${plural(r.created, 'new contact')}, ${r.merged} merged, ${r.skipped} skipped.`);
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? `${err.message}${Object.keys(err.fields).length ? ` (${Object.values(err.fields)[0]})` : ''}` : String(err));
    }
  }

  const broken = preview?.cards.filter((c) => !importable(c)).length ?? 0;
  return (
    <Modal title="Import contacts from a vCard file" onClose={onClose}>
      <div className="vcard-import">
        <div className="row">
          <label className="button" htmlFor="vcard-file">
            {fileName ? 'Choose another file…' : 'Choose a .vcf file…'}
          </label>
          <input
            id="vcard-file"
            className="sr-only"
            type="file"
            accept=".vcf,.vcard,text/vcard,text/x-vcard"
            aria-label="vCard file"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
          <span className="muted">{reading ? 'Reading…' : (fileName ?? 'Exports from Apple Contacts, Google Contacts and Outlook work (vCard 2.1, 3.0 and 4.0).')}</span>
        </div>
        {error ? (
          <ErrorBanner>
            {error}
          </ErrorBanner>
        ) : null}
        {preview?.fileErrors.map((e) => (
          <ErrorBanner key={e}>{e}</ErrorBanner>
        ))}
        {preview && preview.cards.length ? (
          <>
            <p className="muted">
              {plural(preview.cards.length, 'card')} in the file
              {broken ? `; ${plural(broken, 'card')} cannot be imported (see why below)` : ''}. Every email, phone and address comes in with its label,
              the card&apos;s preferred one as primary. What a contact has no field for (a department, a birthday) goes into its notes;
              what is left out (a photo, another program&apos;s own fields) is named under the card.
            </p>
            <div className="table-wrap import-table">
              <table className="data" aria-label="Cards in the file">
                <thead>
                  <tr>
                    <th>#</th>
                    <th>Contact</th>
                    <th>What we found</th>
                    <th>Import</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.cards.map((c) => (
                    <PreviewRow key={c.index} card={c} action={actions[c.index] ?? 'skip'} onAction={(a) => setActions((s) => ({ ...s, [c.index]: a }))} />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : null}
        <div className="form-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!preview || toImport === 0 || commit.isPending} onClick={() => void doImport()}>
            {toImport ? `Import ${plural(toImport, 'contact')}` : 'Import'}
          </button>
        </div>
      </div>
    </Modal>
  );
}

function PreviewRow({ card: c, action, onAction }: { card: Card; action: Action; onAction: (a: Action) => void }) {
  const ok = importable(c);
  const name = c.contact?.name ?? `Card ${c.index + 1}`;
  return (
    <tr className={ok ? '' : 'import-error'} data-card={c.index}>
      <td className="muted">{c.index + 1}</td>
      <td>
        <strong>{name}</strong>
        {c.contact?.title || c.contact?.company ? <div className="muted">{[c.contact.title, c.contact.company].filter(Boolean).join(' · ')}</div> : null}
        {c.contact ? <div className="muted">{[c.contact.emails[0]?.address, c.contact.phones[0]?.number, c.contact.addresses[0]?.city].filter(Boolean).join(' · ')}</div> : null}
        {c.contact ? <MoreChannels contact={c.contact} /> : null}
      </td>
      <td>
        <div className="import-findings">
          {c.error ? (
            <>
              <div className="field-error">Could not be read: {c.error}</div>
              {c.excerpt ? (
                <details>
                  <summary>Show the card</summary>
                  <pre tabIndex={0}>{c.excerpt}</pre>
                </details>
              ) : null}
            </>
          ) : null}
          {Object.entries(c.fieldErrors).map(([k, v]) => (
            <div key={k} className="field-error">
              {k}: {v}
            </div>
          ))}
          {c.duplicate ? (
            <div>
              <span className="badge due">already saved</span>{' '}
              <strong>
                {c.duplicate.name}
                {c.duplicate.company ? ` (${c.duplicate.company})` : ''}
              </strong>{' '}
              <span className="muted">same {c.duplicate.reason === 'email' ? 'email' : 'name and company'}</span>
            </div>
          ) : null}
          {c.warnings.length ? (
            // One line per warning: each property the card holds but a contact cannot is named here.
            <ul className="import-warnings muted" aria-label={`Warnings for ${name}`}>
              {c.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          ) : null}
          {ok && !c.duplicate && c.warnings.length === 0 ? <span className="badge ok">ready</span> : null}
        </div>
      </td>
      <td>
        {ok ? (
          <select aria-label={`Import ${name}`} value={action} onChange={(e) => onAction(e.target.value as Action)}>
            <option value="create">{c.duplicate ? 'Create anyway' : 'Create'}</option>
            {c.duplicate ? <option value="merge">Merge into {c.duplicate.name}</option> : null}
            <option value="skip">Skip</option>
          </select>
        ) : (
          <span className="muted">Skipped</span>
        )}
      </td>
    </tr>
  );
}

/** "and 3 more phones, 1 more address": the rows beyond the primary ones shown above. */
function MoreChannels({ contact }: { contact: NonNullable<Card['contact']> }) {
  const more = [
    [contact.emails.length - 1, 'more email', 'more emails'],
    [contact.phones.length - 1, 'more phone', 'more phones'],
    [contact.addresses.length - 1, 'more address', 'more addresses'],
  ] as const;
  const parts = more.filter(([n]) => n > 0).map(([n, one, other]) => plural(n, one, other));
  return parts.length ? <div className="muted">and {list(parts)}</div> : null;
}
