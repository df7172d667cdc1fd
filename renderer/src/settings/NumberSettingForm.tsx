// One whole-number setting saved on its own, beside what it governs (backups kept, reply check interval):
// its own small form, so saving it never sends the main Settings form's copy of anything else.
import { useServerForm } from '../lib/forms';
import { useCall } from '../lib/hooks';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Field } from '../ui/Field';
import { useToast } from '../ui/Toast';

type NumberSettingKey = 'keepAutomaticBackups' | 'replyCheckMinutes';

export function NumberSettingForm(props: {
  setting: NumberSettingKey;
  initial: number;
  label: string;
  hint: string;
  formLabel: string;
  savedText: string;
  /** Names the value in the whole-number message ("Automatic backups to keep must be a whole number."). */
  noun: string;
}) {
  const { setting, label } = props;
  const save = useCall('settings.update');
  const toast = useToast();
  const form = useServerForm<Record<NumberSettingKey, string>>({ [setting]: String(props.initial) } as Record<NumberSettingKey, string>);
  const submit = form.onSubmit(async (v) => {
    const next = await save.mutateAsync({ [setting]: Number(v[setting]) });
    form.reset({ [setting]: String(next[setting]) } as Record<NumberSettingKey, string>);
    toast(props.savedText);
  });
  return (
    <form id={form.formId} onSubmit={(e) => void submit(e)} noValidate aria-label={props.formLabel} className="row">
      <ErrorBanner error={form.rootError} />
      <Field label={label} error={form.fieldError(setting)} hint={props.hint}>
        {(p) => (
          <input {...p} {...form.register(setting, { validate: (v) => /^\s*\d+\s*$/.test(v) || `${props.noun} must be a whole number.` })} inputMode="numeric" />
        )}
      </Field>
      <button type="submit" disabled={save.isPending}>
        Save
      </button>
    </form>
  );
}
