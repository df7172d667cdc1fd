// The handwritten card's steps (written, addressed, stamped, mailed), its expected arrival, and printing
// the card text and the envelope.
import type { MethodOutput } from '../../../electron/api/contract';
import type { NoteT } from '../../../electron/api/contract/notes';
import { CARD_STEPS, type NoteStatus } from '../../../electron/shared/domain';
import { addBusinessDays, instantToLocal } from '../../../electron/shared/time';
import { formatDate, formatDateTime } from '../lib/format';
import { useApi } from '../lib/hooks';
import { href } from '../lib/router';
import type { CardSize, EnvelopeSize, NoteActions } from './useNoteActions';

export const STEP_LABEL: Record<NoteStatus, string> = { draft: 'Drafted', sent: 'Sent', written: 'Written', addressed: 'Addressed', stamped: 'Stamped', mailed: 'Mailed' };

export function CardSteps({ note, settings, now, actions: a }: { note: NoteT; settings: MethodOutput<'settings.get'>; now: number; actions: NoteActions }) {
  const readOnly = note.readOnly;
  const firstAt = (s: NoteStatus) => note.events.find((e) => e.status === s)?.at ?? null;
  const cardStep = CARD_STEPS.indexOf(note.status);
  const arrivalIfToday = addBusinessDays(now, settings.mailBusinessDays, settings.timeZone);
  const todayLocal = instantToLocal(now, settings.timeZone).slice(0, 10);
  return (
    <div className="panel composer-actions" aria-label="Card actions" role="group">
      <h2>Card</h2>
      <ol className="steps" aria-label="Card steps">
        {CARD_STEPS.map((s, i) => {
          const done = i <= cardStep;
          const at = s === 'mailed' ? note.mailedAt : firstAt(s);
          return (
            <li key={s} className={`step ${done ? 'done' : ''}`} data-step={s}>
              <span className="step-dot" aria-hidden="true">
                {done ? '✓' : i + 1}
              </span>
              <div className="step-body">
                <div className="step-title">{STEP_LABEL[s]}</div>
                <div className="step-when muted">{done ? (at ? formatDateTime(at) : 'done') : 'not yet'}</div>
              </div>
              {!done && s !== 'draft' && s !== 'mailed' ? (
                <button type="button" disabled={a.busy || readOnly} onClick={() => void a.run(() => a.advance(s as 'written' | 'addressed' | 'stamped'))}>
                  Mark {s}
                </button>
              ) : null}
              {!done && s === 'mailed' ? (
                <div className="row">
                  <input type="date" aria-label="Mailed on" value={a.mailedOn} max={todayLocal} onChange={(e) => a.setMailedOn(e.target.value)} />
                  <button type="button" className="primary" disabled={a.busy || readOnly} onClick={() => a.guarded('Mark mailed', () => a.advance('mailed'))}>
                    Mark mailed
                  </button>
                </div>
              ) : null}
              {!done && s === 'mailed' ? <Postage noteId={note.id} /> : null}
            </li>
          );
        })}
      </ol>
      <p className="arrival" aria-label="Estimated arrival">
        {note.status === 'mailed' && note.expectedArrivalAt ? (
          <>
            Should arrive around <strong>{formatDate(note.expectedArrivalAt)}</strong> ({settings.mailBusinessDays} business days).
          </>
        ) : (
          <>
            Mailed today, it would arrive around <strong>{formatDate(arrivalIfToday)}</strong> ({settings.mailBusinessDays} business days). Mail it the same day you write
            it.
          </>
        )}
      </p>
      {a.lastUse ? <p className="muted">{a.lastUse}</p> : null}
      <div className="row print-row">
        <select aria-label="Card size" value={a.cardSize} onChange={(e) => a.setCardSize(e.target.value as CardSize)}>
          <option value="a2">A2 card</option>
          <option value="a7">A7 card</option>
        </select>
        <button type="button" disabled={a.busy} onClick={() => a.guarded('Print anyway', () => a.print('card'))}>
          Print card text
        </button>
        <select aria-label="Envelope size" value={a.envelopeSize} onChange={(e) => a.setEnvelopeSize(e.target.value as EnvelopeSize)}>
          <option value="no10">#10 envelope</option>
          <option value="a2">A2 envelope</option>
          <option value="a7">A7 envelope</option>
        </select>
        <button type="button" disabled={a.busy} onClick={() => void a.run(() => a.print('envelope'))}>
          Print envelope
        </button>
        {note.status === 'mailed' && !note.reopened ? (
          <button type="button" disabled={a.busy} onClick={() => void a.reopen()}>
            Reopen text
          </button>
        ) : null}
      </div>
      {note.followsNoteId ? (
        <p className="muted">
          Follows <a href={href({ name: 'compose', target: 'note', id: note.followsNoteId })}>the email to {note.recipientName}</a>.
        </p>
      ) : null}
    </div>
  );
}

const money = (cents: number, currency: string) => new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);

/** What mailing the card will take from Stationery: the stamps, or why the ones on hand do not cover it. */
function Postage({ noteId }: { noteId: number }) {
  const { data: plan } = useApi('stationery.postagePlan', { noteId });
  if (!plan || (plan.untracked && !plan.short)) return null;
  const where = plan.international ? `Abroad${plan.destination ? ` (${plan.destination})` : ''}` : 'At home';
  const stamps = plan.stamps.map((s) => `${s.count} × ${s.name}${s.postageCents !== null ? ` (${money(s.postageCents, s.currency)})` : ''}`).join(' + ');
  return (
    <div className={`postage ${plan.short ? 'short' : ''}`} aria-label="Postage" role="status">
      {plan.short ? (
        <span className="field-error">{plan.short}</span>
      ) : (
        <span className="muted">
          {where}: uses {stamps}.
        </span>
      )}
    </div>
  );
}
