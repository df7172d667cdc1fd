import { useVirtualizer } from '@tanstack/react-virtual';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../electron/api/contract';
import { ContactForm } from './ContactForm';
import { Modal } from '../ui/Modal';
import { useToast } from '../ui/Toast';
import { VCardImport } from './VCardImport';
import { downloadFile } from '../lib/download';
import { plural, relative } from '../lib/format';
import { useApi, useCall, useNow } from '../lib/hooks';
import { href, navigate } from '../lib/router';
import { ErrorBanner } from '../ui/ErrorBanner';
import { useIntent } from '../lib/intents';

type Summary = MethodOutput<'contacts.list'>['items'][number];
type Missing = 'email' | 'address' | 'any';

/** Enough to scroll through a large book; beyond this, search narrows it down. */
const LIST_LIMIT = 2000;
const ROW_HEIGHT = 58;

export function ContactsScreen() {
  const [search, setSearch] = useState('');
  const [companyId, setCompanyId] = useState<number | null>(null);
  const [missing, setMissing] = useState<Missing | null>(null);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  useIntent('new-contact', () => setCreating(true));
  useIntent('import-vcard', () => setImporting(true));
  const toast = useToast();
  const now = useNow();
  const deferredSearch = useDeferredValue(search.trim());
  const filters = useMemo(() => {
    const f: Omit<MethodInput<'contacts.list'>, 'limit'> = {};
    if (deferredSearch) f.search = deferredSearch;
    if (companyId !== null) f.companyId = companyId;
    if (missing) f.missing = missing;
    return f;
  }, [deferredSearch, companyId, missing]);
  const list = useApi('contacts.list', { ...filters, limit: LIST_LIMIT }, { placeholderData: (prev) => prev });
  const companies = useApi('companies.list', {});
  const exportCall = useCall('contacts.exportVcf');
  const filtered = !!(filters.search || filters.companyId || filters.missing);
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  // A broad search is counted no further than 2,000: the figure is then a lower bound, and says so.
  const totalText = `${total.toLocaleString()}${list.data?.more ? '+' : ''}`;

  async function exportVcf() {
    try {
      const res = await exportCall.mutateAsync(filters);
      if (res.count === 0) return toast('No contacts to export.');
      downloadFile(res.filename, res.content, 'text/vcard');
      toast(`Exported ${plural(res.count, 'contact')}.`);
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err), 'error');
    }
  }

  const toggleMissing = (m: Missing) => setMissing((cur) => (cur === m ? null : m));

  return (
    <div className="page">
      <div className="page-header">
        <h1>Contacts</h1>
        <input className="search" type="search" placeholder="Search name, company, email…" aria-label="Search contacts" value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="button" onClick={() => setImporting(true)}>
          Import vCard…
        </button>
        <button type="button" onClick={() => void exportVcf()} disabled={total === 0}>
          {filtered ? `Export these (${totalText}) as vCard` : 'Export vCard'}
        </button>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          + New contact
        </button>
      </div>
      <div className="chips" role="group" aria-label="Filter contacts">
        <select
          aria-label="Company"
          className="chip-select"
          value={companyId ?? ''}
          onChange={(e) => setCompanyId(e.target.value ? Number(e.target.value) : null)}
        >
          <option value="">All companies</option>
          {companies.data?.items.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <button type="button" className="chip" aria-pressed={missing === 'email'} onClick={() => toggleMissing('email')}>
          Missing email
        </button>
        <button type="button" className="chip" aria-pressed={missing === 'address'} onClick={() => toggleMissing('address')}>
          Missing postal address
        </button>
        <button type="button" className="chip" aria-pressed={missing === 'any'} onClick={() => toggleMissing('any')}>
          Missing either
        </button>
        {filtered || search ? (
          <button type="button" className="chip" onClick={() => (setSearch(''), setCompanyId(null), setMissing(null))}>
            Clear filters
          </button>
        ) : null}
        <span className="muted" style={{ marginLeft: 'auto' }} aria-live="polite">
          {list.isLoading ? 'Loading…' : total > items.length || list.data?.more ? `Showing ${items.length.toLocaleString()} of ${totalText}; search to narrow down` : plural(total, 'contact')}
        </span>
      </div>
      {list.error ? (
        <ErrorBanner>
          {list.error.message}
        </ErrorBanner>
      ) : null}
      {list.data && total === 0 && !filtered ? (
        <div className="empty-state">
          <h2>The people you meet</h2>
          <p>Everyone you meet at an interview lands here; add others yourself, or import them from a vCard file exported by your address book.</p>
          <div className="row" style={{ justifyContent: 'center' }}>
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              Add a contact
            </button>
            <button type="button" onClick={() => setImporting(true)}>
              Import vCard…
            </button>
          </div>
        </div>
      ) : list.data && total === 0 ? (
        <p className="section-empty">No contacts match these filters.</p>
      ) : (
        <ContactList items={items} now={now} />
      )}
      {creating ? (
        <Modal title="New contact" onClose={() => setCreating(false)}>
          <ContactForm
            onCancel={() => setCreating(false)}
            onDone={(c, how) => {
              setCreating(false);
              toast(how === 'merged' ? `Merged into ${c.name}.` : `${c.name} added.`);
              navigate({ name: 'contact', id: c.id });
            }}
          />
        </Modal>
      ) : null}
      {importing ? <VCardImport onClose={() => setImporting(false)} /> : null}
    </div>
  );
}

function ContactList({ items, now }: { items: Summary[]; now: number }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => items[i].id,
  });
  return (
    <div className="contact-list" ref={scrollRef}>
      <div className="contact-row contact-head" aria-hidden="true">
        <span>Name</span>
        <span>Company</span>
        <span>Email</span>
        <span>Missing</span>
        <span>Last contact</span>
      </div>
      <ul aria-label="Contacts" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const c = items[v.index];
          return (
            <li key={v.key} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${v.start}px)` }}>
              <a className="contact-row" href={href({ name: 'contact', id: c.id })} data-contact-id={c.id}>
                <span className="contact-name">
                  <strong>{c.name}</strong>
                  <small className="muted">{c.title ?? ''}</small>
                </span>
                <span className="ellipsis">{c.company ?? <span className="muted">—</span>}</span>
                <span className="ellipsis">{c.email ?? <span className="muted">—</span>}</span>
                <span className="contact-badges">
                  {c.missingEmail ? <span className="badge due">No email · needed for email notes</span> : null}
                  {c.missingAddress ? <span className="badge">No address · needed for cards</span> : null}
                </span>
                <span className="muted">{c.lastInteractionAt ? relative(c.lastInteractionAt, now) : '—'}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
