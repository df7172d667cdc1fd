// The email's actions: send it over the connected account (OutboxPanel), hand it to the mail app (or as .eml, or the clipboard), mark it sent, reopen it,
// and offer a handwritten card to follow a sent thank-you.
import type { NoteT } from '../../../electron/api/contract/notes';
import { formatDateTime } from '../lib/format';
import { href } from '../lib/router';
import type { NoteActions } from './useNoteActions';
import { OutboxPanel } from './OutboxPanel';

export function EmailActions({ note, actions: a }: { note: NoteT; actions: NoteActions }) {
  const followers = note.followedBy.filter((f) => f.delivery === 'handwritten');
  return (
    <div className="panel composer-actions" aria-label="Email actions" role="group">
      <h2>Send</h2>
      <OutboxPanel note={note} actions={a} />
      {note.status === 'draft' || note.reopened ? (
        <div className="row">
          <button type="button" disabled={a.busy} onClick={() => a.guarded('Open anyway', a.openInMail)}>
            Open in mail app
          </button>
          <button type="button" disabled={a.busy} onClick={() => a.guarded('Copy anyway', a.copyText)}>
            Copy
          </button>
          <button type="button" disabled={a.busy} onClick={() => a.guarded('Save anyway', a.saveEml)}>
            Save .eml draft
          </button>
          {note.status === 'draft' ? (
            <button type="button" className="primary" disabled={a.busy} onClick={() => a.guarded('Mark as sent', a.markSent)}>
              Mark as sent
            </button>
          ) : null}
        </div>
      ) : (
        <div className="row">
          <span className="badge ok">Sent {formatDateTime(note.sentAt)}</span>
          <span className="muted">Kept as it went out.</span>
          <button type="button" disabled={a.busy} onClick={() => void a.reopen()}>
            Reopen
          </button>
          <button type="button" disabled={a.busy} onClick={() => void a.run(a.copyText)}>
            Copy
          </button>
        </div>
      )}
      {note.status === 'sent' && note.kind === 'thank_you' ? (
        followers.length > 0 ? (
          <p className="muted">
            A handwritten card follows this email ({followers[0].status}).{' '}
            <a href={href({ name: 'compose', target: 'note', id: followers[0].id })}>Open the card</a>
          </p>
        ) : (
          <div className="follow-offer">
            <p>A handwritten card can follow this email to {note.recipientName ?? 'them'}: written and mailed today, it arrives in a few days.</p>
            <button type="button" disabled={a.busy} onClick={() => void a.run(a.followWithCard)}>
              Follow with a handwritten card
            </button>
          </div>
        )
      ) : null}
    </div>
  );
}
