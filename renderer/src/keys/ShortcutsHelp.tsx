import { Fragment } from 'react';
import { keyLabel, SHORTCUTS } from '../../../electron/shared/shortcuts';
import { Modal } from '../ui/Modal';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Keys pressed in turn ("G" then "T"), each chord as this platform writes it. */
export function Keys({ keys }: { keys: string[] }) {
  return (
    <span className="keys">
      {keys.map((k, i) => (
        <Fragment key={i}>
          {i > 0 ? <span className="keys-then">then</span> : null}
          <kbd>{keyLabel(k, isMac)}</kbd>
        </Fragment>
      ))}
    </span>
  );
}

/** The `?` overlay: every shortcut from the shared table (the same one the menu shows). */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} className="shortcuts-help">
      <p className="muted">Single keys work whenever the cursor is not in a text field.</p>
      {(['General', 'Go to'] as const).map((group) => (
        <table key={group} className="shortcut-table">
          <caption>{group}</caption>
          <tbody>
            {SHORTCUTS.filter((s) => s.group === group).map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.label}</th>
                <td>
                  <Keys keys={s.keys} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
