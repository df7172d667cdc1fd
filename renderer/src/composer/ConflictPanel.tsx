// Shown when the note changed elsewhere (another window, a tab left open, the API) while text typed here
// was not yet saved: both versions side by side, and the person decides. Nothing is dropped silently.
import type { Draft } from './ComposerDrafts';

export function ConflictPanel({ draft, isEmail, onResolve }: { draft: Draft; isEmail: boolean; onResolve: (choice: 'mine' | 'theirs' | 'both') => void }) {
  const theirs = draft.conflict!;
  return (
    <section className="conflict-panel" aria-labelledby="conflict-title" role="alertdialog" aria-describedby="conflict-help">
      <h3 id="conflict-title">This note was changed elsewhere</h3>
      <p id="conflict-help" className="muted">
        {draft.restored
          ? 'Text you typed on this device earlier was never saved, and the note has been saved differently since.'
          : 'While you were typing here, a newer version was saved from another window or tab.'}{' '}
        Keep one of them, or combine both and edit the result.
      </p>
      <div className="conflict-versions">
        <div className="conflict-version" data-testid="conflict-mine">
          <h4>Your text here (not saved)</h4>
          {isEmail ? <p className="conflict-subject">{draft.subject || <span className="muted">(no subject)</span>}</p> : null}
          <pre tabIndex={0}>{draft.body || ' '}</pre>
        </div>
        <div className="conflict-version" data-testid="conflict-theirs">
          <h4>Saved elsewhere{theirs.status !== 'draft' ? ` (${theirs.status})` : ''}</h4>
          {isEmail ? <p className="conflict-subject">{theirs.subject || <span className="muted">(no subject)</span>}</p> : null}
          <pre tabIndex={0}>{theirs.body || ' '}</pre>
        </div>
      </div>
      <div className="row gap">
        <button type="button" className="primary" onClick={() => onResolve('mine')}>
          Keep my text
        </button>
        <button type="button" onClick={() => onResolve('theirs')}>
          Keep the saved version
        </button>
        <button type="button" onClick={() => onResolve('both')}>
          Combine both
        </button>
      </div>
    </section>
  );
}
