import { useState } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { useServerForm } from '../lib/forms';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Field } from '../ui/Field';
import { useToast } from '../ui/Toast';
import { useApi, useCall } from '../lib/hooks';
import { formatDateTime } from '../lib/format';
import { href } from '../lib/router';
import { ConfirmDialog, Modal } from '../ui/Modal';
import { call } from '../lib/api';
import { ImportExportPanel } from '../pipeline/CsvImport';
import { DataPanel } from './DataPanel';
import { EmailPanel } from './EmailPanel';
import { PipelinePanel } from './PipelinePanel';
import { NumberSettingForm } from './NumberSettingForm';
import { NoticesPanel } from '../notify/NoticesPanel';

type Settings = MethodOutput<'settings.get'>;
type ProfileKey = keyof Settings['profile'];

const PROFILE_FIELDS: Array<[ProfileKey, string, boolean?]> = [
  ['name', 'Your name'],
  ['email', 'Your email'],
  ['phone', 'Phone'],
  ['addressLines', 'Street address (return address)', true],
  ['city', 'City'],
  ['region', 'State / region'],
  ['postalCode', 'Postal code'],
  ['country', 'Country'],
  ['signature', 'Signature', true],
];

type NumberKey = 'thankYouDueHours' | 'reconnectDays' | 'cardWordLimit' | 'mailBusinessDays';
const NUMBER_KEYS: NumberKey[] = ['thankYouDueHours', 'reconnectDays', 'cardWordLimit', 'mailBusinessDays'];
// What the form holds: text as typed (numbers too, so a bad entry is explained rather than sent as NaN).
type Values = Omit<Settings, 'profile' | NumberKey> & { profile: Record<ProfileKey, string> } & Record<NumberKey, string>;

const toValues = (s: Settings): Values => ({
  ...s,
  profile: Object.fromEntries(PROFILE_FIELDS.map(([k]) => [k, s.profile[k] ?? ''])) as Record<ProfileKey, string>,
  ...(Object.fromEntries(NUMBER_KEYS.map((k) => [k, String(s[k])])) as Record<NumberKey, string>),
});

export function SettingsScreen() {
  const settings = useApi('settings.get', {});
  if (!settings.data && !settings.error) return <div className="page muted">Loading…</div>;
  return (
    <div className="page">
      <div className="page-header">
        <h1>Settings</h1>
      </div>
      {settings.data ? <SettingsForm initial={settings.data} /> : <ErrorBanner error={settings.error} />}
      <PipelinePanel />
      <NoticesPanel />
      <EmailPanel />
      <TemplatesPanel />
      <ImportExportPanel />
      <DataPanel />
      <BackupsPanel />
    </div>
  );
}

function SettingsForm({ initial }: { initial: Settings }) {
  const save = useCall('settings.update');
  const toast = useToast();
  const form = useServerForm<Values>(toValues(initial));
  const { register, fieldError: errorOf } = form;
  const [savedHours, setSavedHours] = useState(initial.thankYouDueHours);
  // A new due-hours setting asks whether open thank-yous move with it; the answer settles this promise.
  const [asking, setAsking] = useState<{ count: number; hours: number; answer: (move: boolean | null) => void } | null>(null);
  const askMove = (count: number, hours: number) =>
    new Promise<boolean | null>((resolve) =>
      setAsking({
        count,
        hours,
        answer: (move) => {
          setAsking(null);
          resolve(move);
        },
      }),
    );

  // The range is the server's to check (its message shows beside the field); here only that it is a number.
  const numberField = (k: NumberKey, label: string, unit: string, hint: string) => (
    <Field label={label} error={errorOf(k)} hint={hint}>
      {(p) => (
        <input
          {...p}
          {...register(k, { validate: (v) => /^\s*\d+\s*$/.test(v) || `${label.replace(/ \(.*\)$/, '')} must be a whole number of ${unit}.` })}
          inputMode="numeric"
        />
      )}
    </Field>
  );

  const submit = form.onSubmit(async (v) => {
    const numbers = Object.fromEntries(NUMBER_KEYS.map((k) => [k, Number(v[k])])) as Record<NumberKey, number>;
    // The number of backups kept is saved by the Backups panel, the checklist's dismissal by Today, the
    // reply check interval by Settings → Email, desktop notices by their panel and Today's offer: never send
    // this form's (maybe stale) copy of any.
    const {
      keepAutomaticBackups: _savedByBackupsPanel,
      firstRunDismissed: _savedByToday,
      replyCheckMinutes: _savedByEmailPanel,
      notifications: _savedByNoticesPanel,
      notificationsOfferDismissed: _savedByOffer,
      ...rest
    } = v;
    let moveOpenDueTimes: boolean | undefined;
    if (numbers.thankYouDueHours !== savedHours) {
      const { count } = await call('interviews.openThankYous', {});
      if (count > 0) {
        const move = await askMove(count, numbers.thankYouDueHours);
        if (move === null) return;
        moveOpenDueTimes = move;
      }
    }
    const next = await save.mutateAsync({ ...rest, ...numbers, moveOpenDueTimes });
    setSavedHours(next.thankYouDueHours);
    form.reset(toValues(next));
    toast('Settings saved.');
  });

  return (
    <form id={form.formId} onSubmit={(e) => void submit(e)} noValidate className="panel" aria-label="Settings">
      <ErrorBanner error={form.rootError} />
      <h2>Profile</h2>
      <p className="muted">Used to sign your notes and as the return address on envelopes.</p>
      <div className="form-grid">
        {PROFILE_FIELDS.map(([k, label, wide]) => (
          <Field key={k} label={label} error={errorOf(`profile.${k}`)} className={wide ? 'wide' : ''}>
            {(p) => (wide ? <textarea {...p} {...register(`profile.${k}`)} rows={2} /> : <input {...p} {...register(`profile.${k}`)} />)}
          </Field>
        ))}
      </div>
      <h2 style={{ marginTop: 20 }}>Preferences</h2>
      <div className="form-grid">
        <Field label="Time zone" error={errorOf('timeZone')}>
          {(p) => <input {...p} {...register('timeZone')} />}
        </Field>
        <Field label="Default delivery" error={errorOf('defaultDelivery')}>
          {(p) => (
            <select {...p} {...register('defaultDelivery')}>
              <option value="email">Email</option>
              <option value="handwritten">Handwritten card</option>
            </select>
          )}
        </Field>
        {numberField('thankYouDueHours', 'Thank-you due after (hours)', 'hours', 'Advice: email within 24 hours of the interview.')}
        {numberField('reconnectDays', 'Reconnect after a rejection (days)', 'days', '"No is not forever."')}
        {numberField('cardWordLimit', 'Card word limit', 'words', 'How many words fit on your cards.')}
        {numberField('mailBusinessDays', 'Mail delivery (business days)', 'business days', 'Used to estimate when a card arrives.')}
        <Field label="Theme" error={errorOf('theme')}>
          {(p) => (
            <select {...p} {...register('theme')}>
              <option value="system">Follow the system</option>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          Save settings
        </button>
      </div>
      {asking ? (
        <Modal title="Move open thank-yous?" onClose={() => asking.answer(null)}>
          <p>
            {asking.count === 1 ? '1 open thank-you has' : `${asking.count} open thank-yous have`} a due time from the old setting. Make{' '}
            {asking.count === 1 ? 'it' : 'them'} due {asking.hours} hours after {asking.count === 1 ? 'its' : 'their'} interview?
          </p>
          <div className="form-actions">
            <button type="button" onClick={() => asking.answer(null)}>
              Cancel
            </button>
            <button type="button" onClick={() => asking.answer(false)}>
              Keep their due times
            </button>
            <button type="button" className="primary" onClick={() => asking.answer(true)} autoFocus>
              Move {asking.count === 1 ? 'it' : 'them'}
            </button>
          </div>
        </Modal>
      ) : null}
    </form>
  );
}

function TemplatesPanel() {
  const templates = useApi('templates.list', {});
  const own = templates.data?.items.filter((t) => !t.builtIn).length ?? 0;
  const builtIn = (templates.data?.items.length ?? 0) - own;
  return (
    <section className="panel templates-link-panel" aria-label="Templates">
      <h2>Templates</h2>
      <p className="muted">
        The starting text for thank-yous, after-rejection notes and follow-ups, by email or card, with merge fields from the interview and your profile.
        {templates.data ? ` ${builtIn} built-in, ${own} of your own.` : ''}
      </p>
      <a className="button" href={href({ name: 'templates' })}>
        Manage templates
      </a>
    </section>
  );
}

function BackupsPanel() {
  const backups = useApi('backups.list', {});
  const settings = useApi('settings.get', {});
  const create = useCall('backups.create');
  const restore = useCall('backups.restore');
  const toast = useToast();
  const [restoring, setRestoring] = useState<string | null>(null);
  const fail = (err: unknown) => toast(err instanceof Error ? err.message : String(err), 'error');
  return (
    <section className="panel" aria-label="Backups">
      <h2>Backups</h2>
      <p className="muted">
        Everything lives in one file on this computer. Copies are kept in <code>{backups.data?.folder}</code>; one is also made before every upgrade.
      </p>
      <div className="row">
        <button type="button" className="primary" disabled={create.isPending} onClick={() => create.mutateAsync({}).then((b) => toast(`Backed up as ${b.name}.`), fail)}>
          Back up now
        </button>
      </div>
      {settings.data ? <NumberSettingForm
          setting="keepAutomaticBackups"
          initial={settings.data.keepAutomaticBackups}
          label="Automatic backups to keep"
          noun="Automatic backups to keep"
          hint="One is made each day the app is used; older ones are removed at the next. Backups you make yourself are always kept."
          formLabel="Automatic backups"
          savedText="Backup setting saved."
        /> : null}
      {backups.data?.items.length ? (
        <ul className="item-list" aria-label="Backup files">
          {backups.data.items.map((b) => (
            <li key={b.name}>
              <div className="item-main">
                <span>{b.name}</span>
                <span className="sub">
                  {formatDateTime(b.createdAt)} · {(b.size / 1024).toFixed(0)} KB
                </span>
              </div>
              <button type="button" onClick={() => setRestoring(b.name)}>
                Restore…
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="section-empty">No backups yet.</p>
      )}
      {restoring ? (
        <ConfirmDialog
          title="Restore this backup?"
          message={<p>Your current data will be replaced by {restoring}. It is backed up first, so you can go back.</p>}
          confirmLabel="Restore"
          danger
          onCancel={() => setRestoring(null)}
          onConfirm={() => {
            const name = restoring;
            setRestoring(null);
            restore.mutateAsync({ name, confirm: true }).then((r) => toast(`Restored ${r.restored}. Your previous data is in ${r.safetyBackup}.`), fail);
          }}
        />
      ) : null}
    </section>
  );
}
