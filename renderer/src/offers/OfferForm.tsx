// The offer as the letter states it. Amounts are typed as the person reads them ("180,000"); main
// validates and explains. The deadline is a day: the answer is due by the end of it.
import type { MethodOutput } from '../../../electron/api/contract';
import { WORK_MODES, type WorkMode } from '../../../electron/shared/domain';
import { fromDateInput, toDateInput } from '../lib/dates';
import { numberOrAsTyped, textOrNull, useServerForm } from '../lib/forms';
import { useCall } from '../lib/hooks';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Field } from '../ui/Field';

type Offer = NonNullable<MethodOutput<'offers.get'>>;

export const WORK_MODE_LABELS: Record<WorkMode, string> = { onsite: 'On-site', hybrid: 'Hybrid', remote: 'Remote' };

const text = textOrNull;
const num = numberOrAsTyped;
const str = (n: number | null | undefined) => (n == null ? '' : String(n));

/** The last minute of a day typed as YYYY-MM-DD, in the display zone (the next day's start, less a minute). */
function endOfDay(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return fromDateInput(day);
  const next = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3] + 1)).toISOString().slice(0, 10);
  const start = fromDateInput(next);
  return start == null ? null : start - 60_000;
}

type Values = {
  currency: string;
  baseSalary: string;
  bonus: string;
  signOnBonus: string;
  equityTotal: string;
  vestingYears: string;
  cliffMonths: string;
  equityNotes: string;
  benefits: string;
  startDate: string;
  deadline: string;
  location: string;
  workMode: WorkMode | '';
  notes: string;
};

export function OfferForm({
  applicationId,
  existing,
  defaults,
  onDone,
  onCancel,
}: {
  applicationId: number;
  existing: Offer | null;
  defaults: { currency: string | null; location: string | null };
  onDone: () => void;
  onCancel: () => void;
}) {
  const form = useServerForm<Values>(
    {
      currency: existing?.currency ?? defaults.currency ?? '',
      baseSalary: str(existing?.baseSalary),
      bonus: str(existing?.bonus),
      signOnBonus: str(existing?.signOnBonus),
      equityTotal: str(existing?.equityTotal),
      vestingYears: str(existing?.vestingYears),
      cliffMonths: str(existing?.cliffMonths),
      equityNotes: existing?.equityNotes ?? '',
      benefits: existing?.benefits ?? '',
      startDate: existing?.startDate ?? '',
      deadline: toDateInput(existing?.deadlineAt),
      location: existing?.location ?? defaults.location ?? '',
      workMode: existing?.workMode ?? '',
      notes: existing?.notes ?? '',
    },
    { fieldFor: (p) => (p === 'deadlineAt' ? 'deadline' : p) },
  );
  const { register, fieldError: errorOf } = form;
  const save = useCall('offers.save');
  const submit = form.onSubmit(async (f) => {
    await save.mutateAsync({
      applicationId,
      currency: f.currency,
      baseSalary: num(f.baseSalary),
      bonus: num(f.bonus),
      signOnBonus: num(f.signOnBonus),
      equityTotal: num(f.equityTotal),
      vestingYears: num(f.vestingYears),
      cliffMonths: num(f.cliffMonths),
      equityNotes: text(f.equityNotes),
      benefits: text(f.benefits),
      startDate: text(f.startDate),
      deadlineAt: f.deadline ? endOfDay(f.deadline) : null,
      location: text(f.location),
      workMode: f.workMode || null,
      notes: text(f.notes),
    });
    onDone();
  });

  return (
    <form id={form.formId} onSubmit={(e) => void submit(e)} noValidate aria-label="Offer">
      <ErrorBanner error={form.rootError} />
      <div className="form-grid">
        <Field label="Currency" error={errorOf('currency')}>
          {(p) => <input {...p} {...register('currency')} placeholder="USD" maxLength={3} autoFocus />}
        </Field>
        <Field label="Base salary (yearly)" error={errorOf('baseSalary')}>
          {(p) => <input {...p} {...register('baseSalary')} inputMode="numeric" />}
        </Field>
        <Field label="Bonus (yearly target)" error={errorOf('bonus')}>
          {(p) => <input {...p} {...register('bonus')} inputMode="numeric" />}
        </Field>
        <Field label="Sign-on bonus" error={errorOf('signOnBonus')}>
          {(p) => <input {...p} {...register('signOnBonus')} inputMode="numeric" />}
        </Field>
        <Field label="Equity (total value)" error={errorOf('equityTotal')} hint="What the grant is worth in all, over its vesting.">
          {(p) => <input {...p} {...register('equityTotal')} inputMode="numeric" />}
        </Field>
        <Field label="Vesting years" error={errorOf('vestingYears')}>
          {(p) => <input {...p} {...register('vestingYears')} inputMode="numeric" placeholder="4" />}
        </Field>
        <Field label="Cliff (months)" error={errorOf('cliffMonths')}>
          {(p) => <input {...p} {...register('cliffMonths')} inputMode="numeric" placeholder="12" />}
        </Field>
        <Field label="Equity notes" error={errorOf('equityNotes')}>
          {(p) => <input {...p} {...register('equityNotes')} placeholder="RSUs, quarterly after the cliff" />}
        </Field>
        <Field label="Start date" error={errorOf('startDate')}>
          {(p) => <input {...p} type="date" {...register('startDate')} />}
        </Field>
        <Field label="Answer by" error={errorOf('deadline')} hint="A reminder comes two days before.">
          {(p) => <input {...p} type="date" {...register('deadline')} />}
        </Field>
        <Field label="Location" error={errorOf('location')}>
          {(p) => <input {...p} {...register('location')} />}
        </Field>
        <Field label="Work mode" error={errorOf('workMode')}>
          {(p) => (
            <select {...p} {...register('workMode')}>
              <option value="">Not stated</option>
              {WORK_MODES.map((m) => (
                <option key={m} value={m}>
                  {WORK_MODE_LABELS[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Benefits" error={errorOf('benefits')} className="wide">
          {(p) => <textarea {...p} {...register('benefits')} rows={3} placeholder="Leave, health cover, pension, learning budget…" />}
        </Field>
        <Field label="Notes" error={errorOf('notes')} className="wide">
          {(p) => <textarea {...p} {...register('notes')} rows={2} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={save.isPending}>
          Save offer
        </button>
      </div>
    </form>
  );
}
