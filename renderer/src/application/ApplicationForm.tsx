import { useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { PRIORITIES, STAGES, STAGE_LABELS, type Priority, type Stage } from '../../../electron/shared/domain';
import { ApiError } from '../lib/api';
import { useApi, useCall } from '../lib/hooks';
import { fromDateInput, toDateInput } from '../lib/format';
import { Field } from '../ui/Field';

type Application = MethodOutput<'applications.get'>;

const text = (v: string) => (v.trim() === '' ? null : v);
/** Numbers are sent as numbers when they parse, otherwise as typed, so main explains what is wrong. */
const num = (v: string): number | null => {
  const t = v.replace(/[,\s]/g, '');
  if (t === '') return null;
  const n = Number(t);
  return (Number.isFinite(n) ? n : v) as number;
};

export function ApplicationForm({ existing, onDone, onCancel }: { existing?: Application; onDone: (app: Application) => void; onCancel: () => void }) {
  const [f, setF] = useState({
    company: existing?.company ?? '',
    role: existing?.role ?? '',
    stage: (existing?.stage ?? 'wishlist') as Stage,
    priority: (existing?.priority ?? 'medium') as Priority,
    location: existing?.location ?? '',
    source: existing?.source ?? '',
    postingUrl: existing?.postingUrl ?? '',
    salaryMin: existing?.salaryMin?.toString() ?? '',
    salaryMax: existing?.salaryMax?.toString() ?? '',
    salaryCurrency: existing?.salaryCurrency ?? '',
    appliedAt: toDateInput(existing?.appliedAt),
    deadlineAt: toDateInput(existing?.deadlineAt),
    notes: existing?.notes ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const companies = useApi('companies.list', {});
  const create = useCall('applications.create');
  const update = useCall('applications.update');
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF((s) => ({ ...s, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setFormError(null);
    const body = {
      company: f.company,
      role: f.role,
      priority: f.priority,
      location: text(f.location),
      source: text(f.source),
      postingUrl: text(f.postingUrl),
      salaryMin: num(f.salaryMin),
      salaryMax: num(f.salaryMax),
      salaryCurrency: text(f.salaryCurrency),
      appliedAt: fromDateInput(f.appliedAt),
      deadlineAt: fromDateInput(f.deadlineAt),
      notes: text(f.notes),
    };
    try {
      const app = existing ? await update.mutateAsync({ id: existing.id, ...body }) : await create.mutateAsync({ ...body, stage: f.stage });
      onDone(app);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) setErrors(err.fields);
      else setFormError(err instanceof Error ? err.message : String(err));
    }
  }

  const busy = create.isPending || update.isPending;
  return (
    <form onSubmit={submit} noValidate aria-label={existing ? 'Edit application' : 'New application'}>
      {formError ? <div className="banner error" role="alert">{formError}</div> : null}
      <div className="form-grid">
        <Field label="Company" error={errors.company}>
          {(p) => <input {...p} name="company" list="company-options" value={f.company} onChange={set('company')} autoFocus autoComplete="off" />}
        </Field>
        <datalist id="company-options">
          {companies.data?.items.map((c) => <option key={c.id} value={c.name} />)}
        </datalist>
        <Field label="Role" error={errors.role}>
          {(p) => <input {...p} name="role" value={f.role} onChange={set('role')} />}
        </Field>
        {existing ? null : (
          <Field label="Stage" error={errors.stage}>
            {(p) => (
              <select {...p} name="stage" value={f.stage} onChange={set('stage')}>
                {STAGES.map((s) => <option key={s} value={s}>{STAGE_LABELS[s]}</option>)}
              </select>
            )}
          </Field>
        )}
        <Field label="Priority" error={errors.priority}>
          {(p) => (
            <select {...p} name="priority" value={f.priority} onChange={set('priority')}>
              {PRIORITIES.map((s) => <option key={s} value={s}>{s[0].toUpperCase() + s.slice(1)}</option>)}
            </select>
          )}
        </Field>
        <Field label="Location" error={errors.location}>
          {(p) => <input {...p} name="location" value={f.location} onChange={set('location')} placeholder="Remote, Berlin, ..." />}
        </Field>
        <Field label="Source" error={errors.source}>
          {(p) => <input {...p} name="source" value={f.source} onChange={set('source')} placeholder="Referral, job board, ..." />}
        </Field>
        <Field label="Posting URL" error={errors.postingUrl} className="wide">
          {(p) => <input {...p} name="postingUrl" value={f.postingUrl} onChange={set('postingUrl')} placeholder="https://" />}
        </Field>
        <Field label="Salary from" error={errors.salaryMin}>
          {(p) => <input {...p} name="salaryMin" inputMode="numeric" value={f.salaryMin} onChange={set('salaryMin')} />}
        </Field>
        <Field label="Salary to" error={errors.salaryMax}>
          {(p) => <input {...p} name="salaryMax" inputMode="numeric" value={f.salaryMax} onChange={set('salaryMax')} />}
        </Field>
        <Field label="Currency" error={errors.salaryCurrency}>
          {(p) => <input {...p} name="salaryCurrency" value={f.salaryCurrency} onChange={set('salaryCurrency')} placeholder="USD" maxLength={3} />}
        </Field>
        <Field label="Applied on" error={errors.appliedAt}>
          {(p) => <input {...p} type="date" name="appliedAt" value={f.appliedAt} onChange={set('appliedAt')} />}
        </Field>
        <Field label="Deadline" error={errors.deadlineAt}>
          {(p) => <input {...p} type="date" name="deadlineAt" value={f.deadlineAt} onChange={set('deadlineAt')} />}
        </Field>
        <Field label="Notes" error={errors.notes} className="wide">
          {(p) => <textarea {...p} name="notes" rows={4} value={f.notes} onChange={set('notes')} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="primary" disabled={busy}>
          {existing ? 'Save changes' : 'Add application'}
        </button>
      </div>
    </form>
  );
}
