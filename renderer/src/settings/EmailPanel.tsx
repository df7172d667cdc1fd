// Settings → Email: connect the account Courtesy sends from (SMTP) and later reads replies with
// (IMAP). Presets fill the servers of common providers; "Test connection" signs in to both and says
// what failed. The password is sent to main once and never comes back: the form only learns whether
// one is kept, and where.
import { useState } from 'react';
import type { MethodInput, MethodOutput } from '../../../electron/api/contract';
import { MAIL_PRESETS, defaultPort } from '../../../electron/shared/mail-presets';
import type { MailSecurity } from '../../../electron/shared/mail';
import { useServerForm } from '../lib/forms';
import { useApi, useCall } from '../lib/hooks';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Field } from '../ui/Field';
import { ConfirmDialog } from '../ui/Modal';
import { useToast } from '../ui/Toast';
import { ReplyCheckPanel } from './ReplyCheckPanel';

type View = MethodOutput<'mail.account'>;
type Tested = MethodOutput<'mail.testConnection'>;
type Values = {
  address: string;
  displayName: string;
  username: string;
  smtpHost: string;
  smtpPort: string;
  smtpSecurity: MailSecurity;
  imapHost: string;
  imapPort: string;
  imapSecurity: MailSecurity;
  saveSentCopy: boolean;
  password: string;
};

const SECURITY_LABEL: Record<MailSecurity, string> = { tls: 'TLS', starttls: 'STARTTLS', none: 'None (this computer only)' };

function toValues(v: View): Values {
  const a = v.account;
  return {
    address: a?.address ?? '',
    displayName: a?.displayName ?? '',
    username: a && a.username !== a.address ? a.username : '',
    smtpHost: a?.smtpHost ?? '',
    smtpPort: String(a?.smtpPort ?? 465),
    smtpSecurity: a?.smtpSecurity ?? 'tls',
    imapHost: a?.imapHost ?? '',
    imapPort: String(a?.imapPort ?? 993),
    imapSecurity: a?.imapSecurity ?? 'tls',
    saveSentCopy: a?.saveSentCopy ?? false,
    password: '',
  };
}

/** The request: ports as numbers (a non-number goes as NaN and comes back as that field's error), the password only when typed. */
function toInput(v: Values): MethodInput<'mail.saveAccount'> {
  const { password, smtpPort, imapPort, ...rest } = v;
  return { ...rest, smtpPort: Number(smtpPort.trim() || NaN), imapPort: Number(imapPort.trim() || NaN), ...(password ? { password } : {}) };
}

export function EmailPanel() {
  const view = useApi('mail.account', {});
  return (
    <section className="panel" aria-label="Email account">
      <h2>Email</h2>
      <p className="muted">
        Optional. With an account connected, an email note can be sent from Courtesy: it waits in an outbox, goes as soon as it can (or when you schedule it) and is marked
        sent by itself. Without one, open notes in your mail app, save them as .eml or copy them, as before.
      </p>
      {view.data ? <EmailForm key={view.data.account?.updatedAt ?? 0} view={view.data} /> : <ErrorBanner error={view.error} />}
      <ReplyCheckPanel />
    </section>
  );
}

function EmailForm({ view }: { view: View }) {
  const save = useCall('mail.saveAccount');
  const remove = useCall('mail.removeAccount');
  const test = useCall('mail.testConnection');
  const toast = useToast();
  const form = useServerForm<Values>(toValues(view));
  const { register, fieldError: errorOf, setValue, watch } = form;
  const [tested, setTested] = useState<Tested | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);

  const applyPreset = (id: string) => {
    const p = MAIL_PRESETS.find((x) => x.id === id);
    if (!p) return;
    for (const k of ['smtpHost', 'smtpSecurity', 'imapHost', 'imapSecurity', 'saveSentCopy'] as const) setValue(k, p[k] as never, { shouldDirty: true });
    setValue('smtpPort', String(p.smtpPort), { shouldDirty: true });
    setValue('imapPort', String(p.imapPort), { shouldDirty: true });
    setHint(`${p.label}: make an app password at ${p.appPasswordHint}`);
  };
  const securityField = (kind: 'smtp' | 'imap') => (
    <Field label={`${kind.toUpperCase()} security`} error={errorOf(`${kind}Security`)}>
      {(p) => (
        <select
          {...p}
          {...register(`${kind}Security`, { onChange: (e: { target: { value: MailSecurity } }) => setValue(`${kind}Port`, String(defaultPort(kind, e.target.value))) })}
        >
          {(['tls', 'starttls', 'none'] as const).map((s) => (
            <option key={s} value={s}>
              {SECURITY_LABEL[s]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  const submit = form.onSubmit(async (v) => {
    const next = await save.mutateAsync(toInput(v));
    form.reset(toValues(next));
    toast('Email account saved.');
  });
  const runTest = form.onSubmit(async (v) => {
    setTested(null);
    setTested(await test.mutateAsync(toInput(v)));
  });

  return (
    <form id={form.formId} onSubmit={(e) => void submit(e)} noValidate aria-label="Email account details">
      <ErrorBanner error={form.rootError} />
      <div className="form-grid">
        <Field label="Provider" hint="Fills in the servers; you can change them after.">
          {(p) => (
            <select {...p} defaultValue="" onChange={(e) => applyPreset(e.target.value)}>
              <option value="">Choose to fill in…</option>
              {MAIL_PRESETS.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Email address" error={errorOf('address')}>
          {(p) => <input {...p} {...register('address')} type="email" autoComplete="email" />}
        </Field>
        <Field label="Name recipients see" error={errorOf('displayName')}>
          {(p) => <input {...p} {...register('displayName')} />}
        </Field>
        <Field label="User name" error={errorOf('username')} hint="Leave empty to sign in with the address.">
          {(p) => <input {...p} {...register('username')} autoComplete="username" />}
        </Field>
        <Field label="SMTP server (sending)" error={errorOf('smtpHost')}>
          {(p) => <input {...p} {...register('smtpHost')} placeholder="smtp.example.com" />}
        </Field>
        <Field label="SMTP port" error={errorOf('smtpPort')}>
          {(p) => <input {...p} {...register('smtpPort')} inputMode="numeric" />}
        </Field>
        {securityField('smtp')}
        <Field label="IMAP server (replies)" error={errorOf('imapHost')}>
          {(p) => <input {...p} {...register('imapHost')} placeholder="imap.example.com" />}
        </Field>
        <Field label="IMAP port" error={errorOf('imapPort')}>
          {(p) => <input {...p} {...register('imapPort')} inputMode="numeric" />}
        </Field>
        {securityField('imap')}
        <Field
          label="Password"
          error={errorOf('password')}
          hint={view.hasPassword ? `A password is kept (${view.passwordKeptIn}); leave empty to keep it.` : `Kept ${view.passwordKeptIn}; never in the database, backups or exports.`}
        >
          {(p) => <input {...p} {...register('password')} type="password" autoComplete="current-password" />}
        </Field>
        <div className="field">
          <label>
            <input type="checkbox" {...register('saveSentCopy')} /> Save a copy in the Sent folder
          </label>
          <div className="field-hint">Off for Gmail, Fastmail and Outlook.com, which file mail sent through them in Sent themselves.</div>
        </div>
      </div>
      <p className="muted">
        {hint ??
          'Most providers refuse your usual password here when two-step sign-in is on: make an app password in the account’s security settings and use that.'}{' '}
        Connections are always encrypted and the server’s certificate checked.
      </p>
      {tested ? (
        <ul className="item-list" aria-label="Connection test">
          {(['smtp', 'imap'] as const).map((k) => (
            <li key={k}>
              <span className={`badge ${tested[k].ok ? 'ok' : 'overdue'}`}>{k.toUpperCase()} {tested[k].ok ? 'works' : 'failed'}</span> {tested[k].message}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="form-actions">
        {view.account ? (
          <button type="button" className="danger" disabled={remove.isPending} onClick={() => setConfirmRemove(true)}>
            Disconnect…
          </button>
        ) : null}
        <button type="button" disabled={test.isPending} onClick={(e) => void runTest(e)}>
          {test.isPending ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="primary" disabled={save.isPending}>
          {view.account ? 'Save account' : 'Connect account'}
        </button>
      </div>
      {watch('smtpSecurity') === 'none' || watch('imapSecurity') === 'none' ? (
        <p className="muted">Without encryption, only a server on this computer (localhost) is allowed.</p>
      ) : null}
      {confirmRemove ? (
        <ConfirmDialog
          title="Disconnect this account?"
          message={<p>Courtesy forgets the account and its password. Notes waiting in the outbox stay there until an account is connected again.</p>}
          confirmLabel="Disconnect"
          danger
          onCancel={() => setConfirmRemove(false)}
          onConfirm={() => {
            setConfirmRemove(false);
            remove.mutateAsync({}).then(
              () => toast('Email account disconnected.'),
              (err: unknown) => toast(err instanceof Error ? err.message : String(err), 'error'),
            );
          }}
        />
      ) : null}
    </form>
  );
}
