// Fold a twin (often a quick capture) into the contact being viewed.
import { useDeferredValue, useState } from 'react';
import { useApi, useCall } from '../lib/hooks';
import { Modal } from '../ui/Modal';
import { useToast } from '../ui/Toast';

export function ContactMerge({ keep, onClose }: { keep: { id: number; name: string }; onClose: () => void }) {
  const [search, setSearch] = useState(keep.name.split(/\s+/)[0] ?? '');
  const deferred = useDeferredValue(search.trim());
  const found = useApi('contacts.list', { search: deferred, limit: 11 }, { enabled: deferred.length > 0, placeholderData: (prev) => prev });
  const [chosen, setChosen] = useState<{ id: number; name: string } | null>(null);
  const merge = useCall('contacts.merge');
  const toast = useToast();
  const items = deferred ? (found.data?.items ?? []).filter((c) => c.id !== keep.id).slice(0, 10) : [];

  async function doMerge() {
    if (!chosen) return;
    try {
      await merge.mutateAsync({ keepId: keep.id, mergeId: chosen.id });
      toast(`${chosen.name} merged into ${keep.name}.`);
      onClose();
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err), 'error');
    }
  }

  return (
    <Modal title={`Merge a duplicate into ${keep.name}`} onClose={onClose}>
      {chosen ? (
        <>
          <p>
            <strong>{chosen.name}</strong> will be merged into <strong>{keep.name}</strong>: their roles, interviews, notes and reminders move over,
            details {keep.name} lacks are filled in, anything that differs is kept in the notes, and {chosen.name} is removed.
          </p>
          <div className="form-actions">
            <button type="button" onClick={() => setChosen(null)}>
              Back
            </button>
            <button type="button" className="primary" disabled={merge.isPending} onClick={() => void doMerge()}>
              Merge into {keep.name}
            </button>
          </div>
        </>
      ) : (
        <div className="contact-picker in-modal" role="group" aria-label="Choose the duplicate">
          <input type="search" aria-label="Search your contacts" value={search} onChange={(e) => setSearch(e.target.value)} autoFocus />
          {items.length ? (
            <ul className="picker-results" aria-label="Matching contacts">
              {items.map((c) => (
                <li key={c.id}>
                  <span className="item-main">
                    <strong>{c.name}</strong>
                    <span className="sub">{[c.title, c.company, c.email].filter(Boolean).join(' · ') || 'No details yet'}</span>
                  </span>
                  <button type="button" onClick={() => setChosen({ id: c.id, name: c.name })} aria-label={`Choose ${c.name}`}>
                    Choose
                  </button>
                </li>
              ))}
            </ul>
          ) : deferred && found.data ? (
            <p className="muted">No other contact matches “{deferred}”.</p>
          ) : null}
        </div>
      )}
    </Modal>
  );
}
