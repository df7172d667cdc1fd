// Settings → Email, replies: how often the inbox is looked at while the app is open, "Check now", and
// how the last check went (replies.status). The check itself is read-only (see domains/replies).
import type { MethodOutput } from '../../../electron/api/contract';
import { REPLY_CHECK_MAX_MINUTES, REPLY_CHECK_MIN_MINUTES } from '../../../electron/shared/replies';
import { formatDateTime, plural } from '../lib/format';
import { useApi, useCall } from '../lib/hooks';
import { NumberSettingForm } from './NumberSettingForm';
import { useToast } from '../ui/Toast';

type Status = MethodOutput<'replies.status'>;

function statusText(s: Status, automatic: boolean): string {
  if (s.state === 'off') return 'Not looking for replies: connect an account above (with its IMAP server), then Check now.';
  if (s.state === 'checking') return 'Checking the inbox now…';
  if (!automatic) return `${s.lastCheckedAt ? `Last checked ${formatDateTime(s.lastCheckedAt)}. ` : ''}Automatic checks are off: Courtesy looks only when you press Check now.`;
  const last = s.lastCheckedAt ? `Last checked ${formatDateTime(s.lastCheckedAt)}${s.lastError ? '' : `, ${plural(s.lastAdded, 'new reply', 'new replies')}`}.` : 'Not checked yet.';
  const next = s.nextCheckAt ? ` Next check ${formatDateTime(s.nextCheckAt)}` : '';
  const how = s.watching === 'idle' ? ', and at once when new mail arrives.' : next ? '.' : '';
  return `${last}${next}${how}`;
}

export function ReplyCheckPanel() {
  const settings = useApi('settings.get', {});
  // A check may run on its own (the clock, new mail): keep the status current while the page is open.
  const status = useApi('replies.status', {}, { refetchInterval: 10_000 });
  const check = useCall('replies.check');
  const toast = useToast();
  const s = status.data;
  return (
    <div className="reply-check" aria-label="Replies">
      <h3>Replies</h3>
      <p className="muted">
        Courtesy looks at new mail in your inbox, read-only, and ties replies to the notes you sent. Nothing is marked read, moved or deleted, and no stage changes by itself.
      </p>
      {settings.data ? <NumberSettingForm
          key={settings.data.replyCheckMinutes}
          setting="replyCheckMinutes"
          initial={settings.data.replyCheckMinutes}
          label="Check for replies every (minutes)"
          noun="Minutes between checks for replies"
          hint={`From ${REPLY_CHECK_MIN_MINUTES} to ${REPLY_CHECK_MAX_MINUTES} minutes while Courtesy is open, applied from the next check; 0 checks only when you press Check now.`}
          formLabel="How often to check for replies"
          savedText="Reply check setting saved."
        /> : null}
      <div className="row">
        <button
          type="button"
          disabled={check.isPending || s?.state === 'checking'}
          onClick={() =>
            check.mutateAsync({}).then(
              (r) => (r.lastError ? toast(r.lastError, 'error') : toast(`Checked: ${plural(r.lastAdded, 'new reply', 'new replies')}.`)),
              (err: Error) => toast(err.message, 'error'),
            )
          }
        >
          {check.isPending ? 'Checking…' : 'Check now'}
        </button>
        <span className="muted" role="status" aria-label="Reply check status">
          {s ? statusText(s, settings.data?.replyCheckMinutes !== 0) : ''}
        </span>
      </div>
      {s?.lastError ? <div className="banner error">The last check failed: {s.lastError}</div> : null}
    </div>
  );
}
