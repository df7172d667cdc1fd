// The composer's live checks, beside the editor. Advice, never a gate: every action stays available.
import type { CheckResult, Passage, Verdict } from '../../../electron/shared/checks';
import { href } from '../lib/router';

const ICON: Record<Verdict, string> = { pass: '✓', warn: '!', fail: '✕', info: 'i' };
const VERDICT_LABEL: Record<Verdict, string> = { pass: 'looks good', warn: 'advice', fail: 'needs attention', info: 'for information' };

function clip(s: string, n = 70) {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= n ? one : one.slice(0, n - 1).trimEnd() + '…';
}

export function ChecksPanel(props: {
  result: CheckResult;
  contactId: number | null;
  recipientName: string | null;
  /** Labels of the notes compared against, by id (for "also in the note to …"). */
  otherLabels: Map<number | string, string>;
  onShowPassage: (p: Passage) => void;
}) {
  const { result, contactId } = props;
  return (
    <section className="checks" aria-label="Checks">
      <h2>Checks</h2>
      <ul>
        {result.checks.map((c) => {
          const shared = c.id === 'distinct' ? c.passages.filter((p) => p.kind === 'shared') : [];
          const fields = c.id === 'merge' ? c.passages : [];
          const missingDetail = c.id === 'deliverable' && c.verdict === 'fail' && /^(No email address|No postal address|")/.test(c.message);
          return (
            <li key={c.id} className={`check check-${c.verdict}`} data-check={c.id} data-verdict={c.verdict}>
              <span className="check-icon" aria-hidden="true">
                {ICON[c.verdict]}
              </span>
              <div className="check-body">
                <div className="check-title">
                  <strong>{c.title}</strong> <span className="sr-only">({VERDICT_LABEL[c.verdict]})</span>
                </div>
                <p className="check-message">{c.message}</p>
                {shared.length > 0 ? (
                  <ul className="check-passages" aria-label="Shared passages">
                    {shared.slice(0, 6).map((p, i) => (
                      <li key={`${p.start}-${i}`}>
                        <button type="button" className="link-button" onClick={() => props.onShowPassage(p)}>
                          “{clip(p.text)}”
                        </button>
                        {p.otherId !== undefined && props.otherLabels.has(p.otherId) ? <span className="muted"> also in the note to {props.otherLabels.get(p.otherId)}</span> : null}
                      </li>
                    ))}
                    {shared.length > 6 ? <li className="muted">and {shared.length - 6} more</li> : null}
                  </ul>
                ) : null}
                {fields.length > 0 ? (
                  <ul className="check-passages" aria-label="Unfilled merge fields">
                    {fields.map((p, i) => (
                      <li key={`${p.where}-${p.start}-${i}`}>
                        <button type="button" className="link-button field-chip" onClick={() => props.onShowPassage(p)}>
                          {p.text}
                        </button>
                        {p.where === 'subject' ? <span className="muted"> in the subject</span> : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {missingDetail && contactId ? (
                  <a href={href({ name: 'contact', id: contactId })}>Add it on {props.recipientName ? `${props.recipientName}’s` : 'the'} contact page</a>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <p className="muted check-foot">Advice, not rules: you can send whatever you decide.</p>
    </section>
  );
}
