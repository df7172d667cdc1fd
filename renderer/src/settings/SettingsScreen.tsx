import { useEffect, useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { ApiError } from '../lib/api';
import { Field } from '../ui/Field';
import { useToast } from '../ui/Toast';
import { useApi, useCall } from '../lib/hooks';
import { formatDateTime } from '../lib/format';
import { href } from '../lib/router';
import { ConfirmDialog } from '../ui/Modal';
import { ImportExportPanel } from '../pipeline/CsvImport';

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

export function SettingsScreen() {
  const settings = useApi('settings.get', {});
  const [draft, setDraft] = useState<Settings | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useCall('settings.update');
  const toast = useToast();
  useEffect(() => {
    if (settings.data && !draft) setDraft(settings.data);
  }, [settings.data, draft]);
  if (!draft) return <div className="page muted">Loading…</div>;

  const setProfile = (k: ProfileKey, v: string) => setDraft({ ...draft, profile: { ...draft.profile, [k]: v } });
  const numberField = (k: 'thankYouDueHours' | 'reconnectDays' | 'cardWordLimit' | 'mailBusinessDays', label: string, hint: string) => (
    <Field label={label} error={errors[k]} hint={hint}>
      {(p) => <input {...p} name={k} inputMode="numeric" value={String(draft[k])} onChange={(e) => setDraft({ ...draft, [k]: Number(e.target.value) })} />}
    </Field>
  );

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    try {
      const next = await save.mutateAsync(draft!);
      setDraft(next);
      toast('Settings saved.');
    } catch (err) {
      if (err instanceof ApiError) setErrors(err.fields);
      toast(err instanceof Error ? err.message : String(err), 'error');
    }
  }

  return (
    <div className="page">
      <div className="page-header">
        <h1>Settings</h1>
      </div>
      <form onSubmit={submit} noValidate className="panel" aria-label="Settings">
        <h2>Profile</h2>
        <p className="muted">Used to sign your notes and as the return address on envelopes.</p>
        <div className="form-grid">
          {PROFILE_FIELDS.map(([k, label, wide]) => (
            <Field key={k} label={label} error={errors[`profile.${k}`]} className={wide ? 'wide' : ''}>
              {(p) =>
                wide ? (
                  <textarea {...p} name={k} rows={2} value={draft.profile[k] ?? ''} onChange={(e) => setProfile(k, e.target.value)} />
                ) : (
                  <input {...p} name={k} value={draft.profile[k] ?? ''} onChange={(e) => setProfile(k, e.target.value)} />
                )
              }
            </Field>
          ))}
        </div>
        <h2 style={{ marginTop: 20 }}>Preferences</h2>
        <div className="form-grid">
          <Field label="Time zone" error={errors.timeZone}>
            {(p) => <input {...p} name="timeZone" value={draft.timeZone} onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })} />}
          </Field>
          <Field label="Default delivery" error={errors.defaultDelivery}>
            {(p) => (
              <select {...p} value={draft.defaultDelivery} onChange={(e) => setDraft({ ...draft, defaultDelivery: e.target.value as Settings['defaultDelivery'] })}>
                <option value="email">Email</option>
                <option value="handwritten">Handwritten card</option>
              </select>
            )}
          </Field>
          {numberField('thankYouDueHours', 'Thank-you due after (hours)', 'Advice: email within 24 hours of the interview.')}
          {numberField('reconnectDays', 'Reconnect after a rejection (days)', '"No is not forever."')}
          {numberField('cardWordLimit', 'Card word limit', 'How many words fit on your cards.')}
          {numberField('mailBusinessDays', 'Mail delivery (business days)', 'Used to estimate when a card arrives.')}
          <Field label="Theme" error={errors.theme}>
            {(p) => (
              <select {...p} value={draft.theme} onChange={(e) => setDraft({ ...draft, theme: e.target.value as Settings['theme'] })}>
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
      </form>
      <TemplatesPanel />
      <ImportExportPanel />
      <BackupsPanel />
    </div>
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
