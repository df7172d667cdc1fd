import { useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { INTERVIEW_KINDS, INTERVIEW_KIND_LABELS, type InterviewKind } from '../../../electron/shared/domain';
import { instantToLocal, localToInstant } from '../../../electron/shared/time';
import { ApiError } from '../lib/api';
import { useApi, useCall } from '../lib/hooks';
import { Field } from '../ui/Field';
import { ErrorBanner } from '../ui/ErrorBanner';

type Interview = MethodOutput<'interviews.get'>;

const DURATIONS = [30, 45, 60, 90, 120, 180, 240];

/** Schedule (applicationId) or reschedule (existing) an interview. Times are entered in the interview's time zone. */
export function InterviewForm({ applicationId, existing, onDone, onCancel }: { applicationId: number; existing?: Interview; onDone: (iv: Interview) => void; onCancel: () => void }) {
  const settings = useApi('settings.get', {});
  const zone = existing?.timeZone ?? settings.data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const [f, setF] = useState(() => ({
    round: existing?.round ?? '',
    kind: (existing?.kind ?? 'video') as InterviewKind,
    start: existing ? instantToLocal(existing.startAt, zone) : '',
    minutes: existing ? String(Math.round((existing.endAt - existing.startAt) / 60000)) : '60',
    timeZone: zone,
    location: existing?.location ?? '',
    people: '',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCall('interviews.create');
  const update = useCall('interviews.update');
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((s) => ({ ...s, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    const startAt = f.start ? localToInstant(f.start, f.timeZone) : null;
    const minutes = Number(f.minutes);
    const local: Record<string, string> = {};
    if (startAt === null) local.startAt = 'Choose the date and time it starts.';
    if (!Number.isFinite(minutes) || minutes <= 0) local.endAt = 'Choose how long it lasts.';
    if (Object.keys(local).length) return setErrors(local);
    const base = { round: f.round || null, kind: f.kind, startAt: startAt!, endAt: startAt! + minutes * 60000, timeZone: f.timeZone, location: f.location || null };
    try {
      const names = f.people.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
      const iv = existing
        ? await update.mutateAsync({ id: existing.id, ...base })
        : await create.mutateAsync({ applicationId, ...base, participants: names.map((name) => ({ name })) });
      onDone(iv);
    } catch (err) {
      if (err instanceof ApiError) setErrors(Object.keys(err.fields).length ? err.fields : { _: err.message });
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={existing ? 'Reschedule interview' : 'Schedule interview'}>
      {errors._ ? <ErrorBanner>{errors._}</ErrorBanner> : null}
      <div className="form-grid">
        <Field label="Round" error={errors.round} hint="e.g. Recruiter screen, Onsite, Final">
          {(p) => <input {...p} name="round" value={f.round} onChange={set('round')} autoFocus />}
        </Field>
        <Field label="Kind" error={errors.kind}>
          {(p) => (
            <select {...p} name="kind" value={f.kind} onChange={set('kind')}>
              {INTERVIEW_KINDS.map((k) => <option key={k} value={k}>{INTERVIEW_KIND_LABELS[k]}</option>)}
            </select>
          )}
        </Field>
        <Field label="Starts" error={errors.startAt}>
          {(p) => <input {...p} type="datetime-local" name="start" value={f.start} onChange={set('start')} />}
        </Field>
        <Field label="Length" error={errors.endAt}>
          {(p) => (
            <select {...p} name="minutes" value={f.minutes} onChange={set('minutes')}>
              {DURATIONS.map((m) => <option key={m} value={m}>{m < 60 ? `${m} min` : `${m / 60} h`}</option>)}
              {!DURATIONS.includes(Number(f.minutes)) ? <option value={f.minutes}>{f.minutes} min</option> : null}
            </select>
          )}
        </Field>
        <Field label="Time zone" error={errors.timeZone}>
          {(p) => <input {...p} name="timeZone" value={f.timeZone} onChange={set('timeZone')} />}
        </Field>
        <Field label="Location or meeting link" error={errors.location}>
          {(p) => <input {...p} name="location" value={f.location} onChange={set('location')} />}
        </Field>
        {existing ? null : (
          <Field label="People you will meet" error={errors.participants} hint="Names, separated by commas. Details can follow later." className="wide">
            {(p) => <input {...p} name="people" value={f.people} onChange={set('people')} placeholder="Dana Lee, Sam Ortiz" />}
          </Field>
        )}
      </div>
      <div className="form-actions">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="primary" disabled={create.isPending || update.isPending}>
          {existing ? 'Save' : 'Schedule interview'}
        </button>
      </div>
    </form>
  );
}
