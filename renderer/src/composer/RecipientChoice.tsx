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

interface Row {
  id: number;
  isPrimary: boolean;
  label: keyof typeof CHANNEL_LABEL_NAMES;
}

/** One select over the recipient's emails or addresses; choosing the primary stores null ("primary"),
 * so the note follows the contact when their primary changes later. */
function ChannelSelect<T extends Row>(props: {
  label: string;
  rows: T[];
  value: number | null;
  disabled: boolean;
  text: (row: T) => string;
  onChoose: (id: number | null) => void;
  goneWord: string | null;
}) {
  const primary = props.rows.find((x) => x.isPrimary)?.id ?? null;
  return (
    <>
      {' · '}
      <select
        className="recipient-choice"
        aria-label={props.label}
        value={props.value ?? ''}
        disabled={props.disabled}
        onChange={(e) => {
          const id = Number(e.target.value);
          props.onChoose(id === primary ? null : id);
        }}
      >
        {props.rows.map((row) => (
          <option key={row.id} value={row.id}>
            {props.text(row)} ({CHANNEL_LABEL_NAMES[row.label].toLowerCase()}
            {row.isPrimary ? ', primary' : ''})
          </option>
        ))}
      </select>
      {props.goneWord ? <span className="badge due">{props.goneWord}</span> : null}
    </>
  );
}

const EMAIL_GONE = 'the email chosen before was removed; using the primary';
const ADDRESS_GONE = 'the address chosen before was removed; using the primary';

export function RecipientChoice({ note, disabled, onChoose }: Props) {
  const r = note.recipient;
  if (!r) return null;
  if (note.delivery === 'email') {
    if (r.emails.length < 2) return <span className="muted"> · {r.email ?? 'no email address'}</span>;
    return (
      <ChannelSelect
        label="Email address"
        rows={r.emails}
        value={r.emailId}
        disabled={disabled}
        text={(e) => e.address}
        onChoose={(id) => onChoose({ recipientEmailId: id })}
        goneWord={r.emailChoiceGone ? EMAIL_GONE : null}
      />
    );
  }
  if (r.addresses.length < 2) {
    return (
      <span className="muted">
        {' · '}
        {r.hasPostalAddress ? 'postal address on file' : 'no postal address'}
        {r.addressChoiceGone ? <span className="badge due">{ADDRESS_GONE}</span> : null}
      </span>
    );
  }
  return (
    <ChannelSelect
      label="Postal address"
      rows={r.addresses}
      value={r.addressId}
      disabled={disabled}
      text={(a) => addressText(a).replace(/\n/g, ', ')}
      onChoose={(id) => onChoose({ addressId: id })}
      goneWord={r.addressChoiceGone ? ADDRESS_GONE : null}
    />
  );
}
