import type { MethodOutput } from '../../../electron/api/contract';
import { PRIORITIES, PRIORITY_LABELS, type Priority } from '../../../electron/shared/domain';
import { useStages } from '../lib/stages';
import { useApi, useCall } from '../lib/hooks';
import { fromDateInput, toDateInput } from '../lib/dates';
import { numberOrAsTyped, textOrNull, useServerForm } from '../lib/forms';
import { Field } from '../ui/Field';
import { ErrorBanner } from '../ui/ErrorBanner';

type Application = MethodOutput<'applications.get'>;

const text = textOrNull;
const num = numberOrAsTyped;

type Values = {
  company: string;
  role: string;
  stage: string;
  priority: Priority;
  location: string;
  source: string;
  postingUrl: string;
  salaryMin: string;
  salaryMax: string;
  salaryCurrency: string;
  appliedAt: string;
  deadlineAt: string;
  notes: string;
};

export function ApplicationForm({ existing, onDone, onCancel }: { existing?: Application; onDone: (app: Application) => void; onCancel: () => void }) {
  const stages = useStages();
  const form = useServerForm<Values>({
    company: existing?.company ?? '',
    role: existing?.role ?? '',
    // New applications start in the first not-applied stage, as the server would choose.
    stage: existing?.stage ?? stages.active.find((s) => s.kind === 'planned')?.key ?? 'wishlist',
    priority: existing?.priority ?? 'medium',
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
  const { register, fieldError: errorOf } = form;
  const companies = useApi('companies.list', {});
  const create = useCall('applications.create');
  const update = useCall('applications.update');

  const submit = form.onSubmit(async (f) => {
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
    const app = existing ? await update.mutateAsync({ id: existing.id, ...body }) : await create.mutateAsync({ ...body, stage: f.stage });
    onDone(app);
  });

  const busy = create.isPending || update.isPending;
  return (
    <form id={form.formId} onSubmit={(e) => void submit(e)} noValidate aria-label={existing ? 'Edit application' : 'New application'}>
      <ErrorBanner error={form.rootError} />
      <div className="form-grid">
        <Field label="Company" error={errorOf('company')}>
          {(p) => <input {...p} {...register('company')} list="company-options" autoFocus autoComplete="off" />}
        </Field>
        <datalist id="company-options">
          {companies.data?.items.map((c) => <option key={c.id} value={c.name} />)}
        </datalist>
        <Field label="Role" error={errorOf('role')}>
          {(p) => <input {...p} {...register('role')} />}
        </Field>
        {existing ? null : (
          <Field label="Stage" error={errorOf('stage')}>
            {(p) => (
              <select {...p} {...register('stage')}>
                {stages.active.map((s) => <option key={s.key} value={s.key}>{s.name}</option>)}
              </select>
            )}
          </Field>
        )}
        <Field label="Priority" error={errorOf('priority')}>
          {(p) => (
            <select {...p} {...register('priority')}>
              {PRIORITIES.map((s) => <option key={s} value={s}>{PRIORITY_LABELS[s]}</option>)}
            </select>
          )}
        </Field>
        <Field label="Location" error={errorOf('location')}>
          {(p) => <input {...p} {...register('location')} placeholder="Remote, Berlin, ..." />}
        </Field>
        <Field label="Source" error={errorOf('source')}>
          {(p) => <input {...p} {...register('source')} placeholder="Referral, job board, ..." />}
        </Field>
        <Field label="Posting URL" error={errorOf('postingUrl')} className="wide">
          {(p) => <input {...p} {...register('postingUrl')} placeholder="https://" />}
        </Field>
        <Field label="Salary from" error={errorOf('salaryMin')}>
          {(p) => <input {...p} {...register('salaryMin')} inputMode="numeric" />}
        </Field>
        <Field label="Salary to" error={errorOf('salaryMax')}>
          {(p) => <input {...p} {...register('salaryMax')} inputMode="numeric" />}
        </Field>
        <Field label="Currency" error={errorOf('salaryCurrency')}>
          {(p) => <input {...p} {...register('salaryCurrency')} placeholder="USD" maxLength={3} />}
        </Field>
        <Field label="Applied on" error={errorOf('appliedAt')}>
          {(p) => <input {...p} type="date" {...register('appliedAt')} />}
        </Field>
        <Field label="Deadline" error={errorOf('deadlineAt')}>
          {(p) => <input {...p} type="date" {...register('deadlineAt')} />}
        </Field>
        <Field label="Notes" error={errorOf('notes')} className="wide">
          {(p) => <textarea {...p} {...register('notes')} rows={4} />}
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
