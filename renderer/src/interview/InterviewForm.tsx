import type { MethodOutput } from '../../../electron/api/contract';
import { INTERVIEW_KINDS, INTERVIEW_KIND_LABELS, type InterviewKind } from '../../../electron/shared/domain';
import { instantToLocal, isValidZone, localToInstant } from '../../../electron/shared/time';
import { useApi, useCall } from '../lib/hooks';
import { useServerForm } from '../lib/forms';
import { Field } from '../ui/Field';
import { ErrorBanner } from '../ui/ErrorBanner';

type Interview = MethodOutput<'interviews.get'>;
type Values = { round: string; kind: InterviewKind; start: string; minutes: string; timeZone: string; location: string; people: string };

/** The request's names for what this form holds under other names. */
const SERVER_PATHS: Record<string, keyof Values> = { startAt: 'start', endAt: 'minutes', participants: 'people' };

const DURATIONS = [30, 45, 60, 90, 120, 180, 240];

/** Schedule (applicationId) or reschedule (existing) an interview. Times are entered in the interview's time zone. */
export function InterviewForm({ applicationId, existing, onDone, onCancel }: { applicationId: number; existing?: Interview; onDone: (iv: Interview) => void; onCancel: () => void }) {
  const settings = useApi('settings.get', {});
  const zone = existing?.timeZone ?? settings.data?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const form = useServerForm<Values>(
    {
      round: existing?.round ?? '',
      kind: existing?.kind ?? 'video',
      start: existing ? instantToLocal(existing.startAt, zone) : '',
      minutes: existing ? String(Math.round((existing.endAt - existing.startAt) / 60000)) : '60',
      timeZone: zone,
      location: existing?.location ?? '',
      people: '',
    },
    { fieldFor: (path) => SERVER_PATHS[path.split('.')[0]] ?? path },
  );
  const { register, fieldError: errorOf } = form;
  const minutesNow = form.watch('minutes');
  const create = useCall('interviews.create');
  const update = useCall('interviews.update');

  const submit = form.onSubmit(async (f) => {
    const startAt = localToInstant(f.start, f.timeZone)!;
    const base = { round: f.round || null, kind: f.kind, startAt, endAt: startAt + Number(f.minutes) * 60000, timeZone: f.timeZone, location: f.location || null };
    const names = f.people.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
    const iv = existing
      ? await update.mutateAsync({ id: existing.id, ...base })
      : await create.mutateAsync({ applicationId, ...base, participants: names.map((name) => ({ name })) });
    onDone(iv);
  });

  return (
    <form id={form.formId} onSubmit={(e) => void submit(e)} noValidate aria-label={existing ? 'Reschedule interview' : 'Schedule interview'}>
      <ErrorBanner error={form.rootError} />
      <div className="form-grid">
        <Field label="Round" error={errorOf('round')} hint="e.g. Recruiter screen, Onsite, Final">
          {(p) => <input {...p} {...register('round')} autoFocus />}
        </Field>
        <Field label="Kind" error={errorOf('kind')}>
          {(p) => (
            <select {...p} {...register('kind')}>
              {INTERVIEW_KINDS.map((k) => <option key={k} value={k}>{INTERVIEW_KIND_LABELS[k]}</option>)}
            </select>
          )}
        </Field>
        <Field label="Starts" error={errorOf('start')}>
          {(p) => (
            <input
              {...p}
              type="datetime-local"
              {...register('start', {
                // An unknown zone is the time zone's fault, flagged there, not a bad start.
                validate: (v, all) => !isValidZone(all.timeZone) || localToInstant(v, all.timeZone) !== null || 'Choose the date and time it starts.',
              })}
            />
          )}
        </Field>
        <Field label="Length" error={errorOf('minutes')}>
          {(p) => (
            <select {...p} {...register('minutes', { validate: (v) => Number(v) > 0 || 'Choose how long it lasts.' })}>
              {DURATIONS.map((m) => <option key={m} value={m}>{m < 60 ? `${m} min` : `${m / 60} h`}</option>)}
              {!DURATIONS.includes(Number(minutesNow)) ? <option value={minutesNow}>{minutesNow} min</option> : null}
            </select>
          )}
        </Field>
        <Field label="Time zone" error={errorOf('timeZone')}>
          {(p) => <input {...p} {...register('timeZone', { validate: (v) => isValidZone(v) || 'Time zone is not one Courtesy knows; use a name like America/New_York.' })} />}
        </Field>
        <Field label="Location or meeting link" error={errorOf('location')}>
          {(p) => <input {...p} {...register('location')} />}
        </Field>
        {existing ? null : (
          <Field label="People you will meet" error={errorOf('people')} hint="Names, separated by commas. Details can follow later." className="wide">
            {(p) => <input {...p} {...register('people')} placeholder="Dana Lee, Sam Ortiz" />}
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
