import { useState } from 'react';
import type { MethodInput } from '../../../electron/api/contract';
import { NOTE_KIND_LABELS, NOTE_KINDS, type NoteKind } from '../../../electron/shared/domain';
import { NotesLog } from './NotesLog';

type Filters = Pick<MethodInput<'notes.list'>, 'status' | 'kind' | 'delivery'>;

const STATUS_FILTERS: Array<{ label: string; status?: Filters['status'] }> = [
  { label: 'All' },
  { label: 'Drafts', status: 'draft' },
  { label: 'Sent', status: 'sent' },
  { label: 'Mailed', status: 'mailed' },
];

/** Every note ever written, searchable in full text (recipient, subject, body). */
export function NotesScreen() {
  const [filters, setFilters] = useState<Filters>({});
  return (
    <div className="page">
      <div className="page-header">
        <h1>Notes</h1>
      </div>
      <div className="chips" role="group" aria-label="Filter notes">
        {STATUS_FILTERS.map((f) => (
          <button key={f.label} type="button" className="chip" aria-pressed={filters.status === f.status} onClick={() => setFilters((cur) => ({ ...cur, status: f.status }))}>
            {f.label}
          </button>
        ))}
        <select aria-label="Kind" value={filters.kind ?? ''} onChange={(e) => setFilters((cur) => ({ ...cur, kind: (e.target.value || undefined) as NoteKind | undefined }))}>
          <option value="">Every kind</option>
          {NOTE_KINDS.map((k) => (
            <option key={k} value={k}>
              {NOTE_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <select aria-label="Delivery" value={filters.delivery ?? ''} onChange={(e) => setFilters((cur) => ({ ...cur, delivery: (e.target.value || undefined) as Filters['delivery'] }))}>
          <option value="">Email and cards</option>
          <option value="email">Email</option>
          <option value="handwritten">Handwritten cards</option>
        </select>
      </div>
      <NotesLog title="All notes" searchable showExcerpt filters={filters} emptyText="No notes yet. They appear here as you write thank-yous and follow-ups." />
    </div>
  );
}
