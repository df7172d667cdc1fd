// Pick someone already in your contacts as a person met at an interview.
import { useDeferredValue, useState } from 'react';
import { ApiError } from '../lib/api';
import { useApi, useCall } from '../lib/hooks';
import { useToast } from '../ui/Toast';

export function ParticipantPicker({ interviewId, exclude }: { interviewId: number; exclude: number[] }) {
  const [search, setSearch] = useState('');
  const deferred = useDeferredValue(search.trim());
  const toast = useToast();
  const add = useCall('interviews.addParticipant');
  // A few more than shown, so people already in the interview can be left out.
  const found = useApi('contacts.list', { search: deferred, limit: 8 + exclude.length }, { enabled: deferred.length > 0, placeholderData: (prev) => prev });
  const items = deferred ? (found.data?.items ?? []).filter((c) => !exclude.includes(c.id)).slice(0, 8) : [];

  async function pick(id: number, name: string) {
    try {
      await add.mutateAsync({ interviewId, participant: { contactId: id } });
      setSearch('');
      toast(`${name} added.`);
    } catch (err) {
      toast(err instanceof ApiError ? err.message : String(err), 'error');
    }
  }

  return (
    <div className="contact-picker" role="group" aria-label="Pick an existing contact">
      <h3>Or pick someone from your contacts</h3>
      <input type="search" aria-label="Search your contacts" placeholder="Name, company, email…" value={search} onChange={(e) => setSearch(e.target.value)} />
      {deferred && found.data ? (
        items.length ? (
          <ul className="picker-results" aria-label="Matching contacts">
            {items.map((c) => (
              <li key={c.id}>
                <span className="item-main">
                  <strong>{c.name}</strong>
                  <span className="sub">{[c.title, c.company, c.email].filter(Boolean).join(' · ') || 'No details yet'}</span>
                </span>
                <button type="button" disabled={add.isPending} onClick={() => void pick(c.id, c.name)} aria-label={`Add ${c.name}`}>
                  Add
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No contact matches “{deferred}”. Add them by name above.</p>
        )
      ) : null}
    </div>
  );
}
