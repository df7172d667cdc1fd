// The "To" line's email or postal address: the recipient's primary one unless another of theirs is
// chosen for this note (stored on the note). A chosen one that was removed from the contact shows
// that the primary stands in.
import type { NoteT } from '../../../electron/api/contract/notes';
import { CHANNEL_LABEL_NAMES } from '../../../electron/shared/domain';
import { addressText } from '../contacts/ChannelFields';

interface Props {
  note: NoteT;
  disabled: boolean;
  onChoose: (choice: { recipientEmailId?: number | null; addressId?: number | null }) => void;
}

export function RecipientChoice({ note, disabled, onChoose }: Props) {
  const r = note.recipient;
  const isEmail = note.delivery === 'email';
  if (!r) return null;
  // The select's value is the row in use; choosing the primary stores "primary" (null), so the note
  // follows the contact when their primary changes later.
  const primaryOf = <T extends { id: number; isPrimary: boolean }>(rows: T[]) => rows.find((x) => x.isPrimary)?.id ?? null;
  if (isEmail) {
    if (r.emails.length < 2) return <span className="muted"> · {r.email ?? 'no email address'}</span>;
    return (
      <>
        {' · '}
        <select
          className="recipient-choice"
          aria-label="Email address"
          value={r.emailId ?? ''}
          disabled={disabled}
          onChange={(e) => {
            const id = Number(e.target.value);
            onChoose({ recipientEmailId: id === primaryOf(r.emails) ? null : id });
          }}
        >
          {r.emails.map((e) => (
            <option key={e.id} value={e.id}>
              {e.address} ({CHANNEL_LABEL_NAMES[e.label].toLowerCase()}
              {e.isPrimary ? ', primary' : ''})
            </option>
          ))}
        </select>
        {r.emailChoiceGone ? <span className="badge due">the email chosen before was removed; using the primary</span> : null}
      </>
    );
  }
  if (r.addresses.length < 2) {
    return (
      <span className="muted">
        {' · '}
        {r.hasPostalAddress ? 'postal address on file' : 'no postal address'}
        {r.addressChoiceGone ? <span className="badge due">the address chosen before was removed; using the primary</span> : null}
      </span>
    );
  }
  return (
    <>
      {' · '}
      <select
        className="recipient-choice"
        aria-label="Postal address"
        value={r.addressId ?? ''}
        disabled={disabled}
        onChange={(e) => {
          const id = Number(e.target.value);
          onChoose({ addressId: id === primaryOf(r.addresses) ? null : id });
        }}
      >
        {r.addresses.map((a) => (
          <option key={a.id} value={a.id}>
            {addressText(a).replace(/\n/g, ', ')} ({CHANNEL_LABEL_NAMES[a.label].toLowerCase()}
            {a.isPrimary ? ', primary' : ''})
          </option>
        ))}
      </select>
      {r.addressChoiceGone ? <span className="badge due">the address chosen before was removed; using the primary</span> : null}
    </>
  );
}
