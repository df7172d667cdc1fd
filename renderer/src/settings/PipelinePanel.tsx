// Settings → Pipeline: the person's stages in board order. Rename, give another kind, reorder (drag a
// row by its handle, or the ↑ ↓ buttons, which are the keyboard's way), add, archive. Archiving a stage
// that holds applications asks where they go; the server moves them and records each move.
import { closestCenter, DndContext, PointerSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { arrayMove, SortableContext, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useEffect, useState, type FormEvent } from 'react';
import { STAGE_KINDS, STAGE_KIND_LABELS, type StageKind } from '../../../electron/shared/domain';
import { ApiError } from '../lib/api';
import { useCall } from '../lib/hooks';
import { useStages, type StageRow } from '../lib/stages';
import { Modal } from '../ui/Modal';
import { useToast } from '../ui/Toast';
import './pipeline.css';

const fieldsOf = (err: unknown): Record<string, string> => (err instanceof ApiError ? err.fields : {});
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

function KindSelect({ value, onChange, label, invalid }: { value: StageKind; onChange: (k: StageKind) => void; label: string; invalid?: boolean }) {
  return (
    <select aria-label={label} aria-invalid={invalid} value={value} onChange={(e) => onChange(e.target.value as StageKind)}>
      {STAGE_KINDS.map((k) => (
        <option key={k} value={k}>
          {STAGE_KIND_LABELS[k]}
        </option>
      ))}
    </select>
  );
}

export function PipelinePanel() {
  const stages = useStages();
  const reorder = useCall('stages.reorder');
  const toast = useToast();
  const [archiving, setArchiving] = useState<{ stage: StageRow; message: string } | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const archive = useCall('stages.archive');
  // A dropped row stays where it was dropped while the new order is saved, instead of jumping back.
  const [pending, setPending] = useState<string[] | null>(null);
  const stored = stages.active;
  const active = pending ? pending.flatMap((k) => stored.find((s) => s.key === k) ?? []) : stored;
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));

  const save = (keys: string[]) => {
    setPending(keys);
    reorder
      .mutateAsync({ keys })
      .catch((err: unknown) => toast(messageOf(err), 'error'))
      .finally(() => setPending(null));
  };
  const move = (i: number, by: -1 | 1) => save(arrayMove(active.map((s) => s.key), i, i + by));
  const dropped = ({ active: dragged, over }: DragEndEvent) => {
    const keys = active.map((s) => s.key);
    const from = keys.indexOf(String(dragged.id));
    const to = over ? keys.indexOf(String(over.id)) : -1;
    if (from >= 0 && to >= 0 && from !== to) save(arrayMove(keys, from, to));
  };
  const tryArchive = async (s: StageRow) => {
    setRowErrors((e) => ({ ...e, [s.key]: '' }));
    try {
      await archive.mutateAsync({ key: s.key });
      toast(`Archived “${s.name}”.`);
    } catch (err) {
      const f = fieldsOf(err);
      if (f.moveTo) setArchiving({ stage: s, message: f.moveTo });
      else setRowErrors((e) => ({ ...e, [s.key]: f.key ?? messageOf(err) }));
    }
  };

  return (
    <section className="panel" aria-label="Pipeline">
      <h2>Pipeline</h2>
      <p className="muted">
        Your stages, in board order. The kind says what a stage means: thank-yous stop for closed rejected or withdrawn stages, a rejected stage opens the rejection
        dialog, and scheduling an interview moves an earlier application to the first interviewing stage. Renaming never changes the history already written.
      </p>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={dropped} accessibility={{ screenReaderInstructions: { draggable: '' } }}>
        <SortableContext items={active.map((s) => s.key)} strategy={verticalListSortingStrategy}>
          <ol className="stage-list" aria-label="Stages">
            {active.map((s, i) => (
              <StageItem
                key={s.key}
                stage={s}
                first={i === 0}
                last={i === active.length - 1}
                busy={reorder.isPending}
                onUp={() => move(i, -1)}
                onDown={() => move(i, 1)}
                onArchive={() => void tryArchive(s)}
                error={rowErrors[s.key]}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <AddStage />
      <ArchivedStages archived={stages.all.filter((s) => s.archivedAt !== null)} />
      {archiving ? <ArchiveDialog stage={archiving.stage} message={archiving.message} others={active.filter((o) => o.key !== archiving.stage.key)} onClose={() => setArchiving(null)} /> : null}
    </section>
  );
}

function StageItem(props: { stage: StageRow; first: boolean; last: boolean; busy: boolean; onUp: () => void; onDown: () => void; onArchive: () => void; error?: string }) {
  const { stage: s } = props;
  const update = useCall('stages.update');
  const toast = useToast();
  const [name, setName] = useState(s.name);
  const [kind, setKind] = useState<StageKind>(s.kind);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A save (here or elsewhere) brings the stored values back into the fields.
  useEffect(() => {
    setName(s.name);
    setKind(s.kind);
  }, [s.name, s.kind]);
  const changed = name.trim() !== s.name || kind !== s.kind;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!changed) return;
    setErrors({});
    try {
      const saved = await update.mutateAsync({ key: s.key, ...(name.trim() !== s.name ? { name } : {}), ...(kind !== s.kind ? { kind } : {}) });
      toast(saved.name !== s.name ? `Renamed “${s.name}” to “${saved.name}”.` : `Saved “${saved.name}”.`);
    } catch (err) {
      const f = fieldsOf(err);
      setErrors(Object.keys(f).length ? f : { name: messageOf(err) });
    }
  };
  const error = errors.name ?? errors.kind ?? errors.key ?? props.error;
  const errorId = `stage-${s.key}-error`;
  // The handle is for the mouse only (no tab stop, hidden from screen readers): ↑ ↓ do the same by keyboard.
  const { setNodeRef, setActivatorNodeRef, listeners, transform, transition, isDragging } = useSortable({ id: s.key, disabled: props.busy });
  const style = { transform: CSS.Translate.toString(transform), transition };
  return (
    <li className={`stage-item${isDragging ? ' dragging' : ''}`} data-stage={s.key} ref={setNodeRef} style={style}>
      <form className="stage-row" onSubmit={(e) => void save(e)}>
        <span className="drag-handle" aria-hidden="true" title="Drag to reorder" ref={setActivatorNodeRef} {...listeners}>
          ⠿
        </span>
        <input aria-label={`Name of ${s.name}`} value={name} onChange={(e) => (setName(e.target.value), setErrors({}))} aria-invalid={!!errors.name} aria-describedby={error ? errorId : undefined} maxLength={60} />
        <KindSelect label={`Kind of ${s.name}`} value={kind} onChange={setKind} invalid={!!errors.kind} />
        <button type="submit" disabled={!changed || update.isPending}>
          Save
        </button>
        <button type="button" className="ghost" aria-label={`Move ${s.name} up`} title="Move up" disabled={props.first || props.busy} onClick={props.onUp}>
          ↑
        </button>
        <button type="button" className="ghost" aria-label={`Move ${s.name} down`} title="Move down" disabled={props.last || props.busy} onClick={props.onDown}>
          ↓
        </button>
        <button type="button" className="ghost" aria-label={`Archive ${s.name}`} onClick={props.onArchive}>
          Archive
        </button>
      </form>
      {error ? (
        <div className="field-error" id={errorId} role="alert">
          {error}
        </div>
      ) : null}
    </li>
  );
}

/** Archived stages come back empty, at the end of the board (what was moved out stays where it went). */
function ArchivedStages({ archived }: { archived: StageRow[] }) {
  const restore = useCall('stages.restore');
  const toast = useToast();
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (archived.length === 0) return null;
  const bringBack = async (s: StageRow) => {
    setErrors((e) => ({ ...e, [s.key]: '' }));
    try {
      await restore.mutateAsync({ key: s.key });
      toast(`Restored “${s.name}” at the end of the board.`);
    } catch (err) {
      setErrors((e) => ({ ...e, [s.key]: fieldsOf(err).key ?? messageOf(err) }));
    }
  };
  return (
    <>
      <h3>Archived stages</h3>
      <ul className="stage-list archived" aria-label="Archived stages">
        {archived.map((s) => (
          <li key={s.key} className="stage-item" data-stage={s.key}>
            <div className="stage-row">
              <span className="stage-archived-name">{s.name}</span>
              <span className="muted">{STAGE_KIND_LABELS[s.kind]}</span>
              <button type="button" aria-label={`Restore ${s.name}`} disabled={restore.isPending} onClick={() => void bringBack(s)}>
                Restore
              </button>
            </div>
            {errors[s.key] ? (
              <div className="field-error" role="alert">
                {errors[s.key]}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function AddStage() {
  const create = useCall('stages.create');
  const toast = useToast();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<StageKind>('open');
  const [error, setError] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      const s = await create.mutateAsync({ name, kind });
      toast(`Added “${s.name}” at the end of the board.`);
      setName('');
    } catch (err) {
      const f = fieldsOf(err);
      setError(f.name ?? f.kind ?? messageOf(err));
    }
  };
  return (
    <form className="stage-row stage-add" onSubmit={(e) => void submit(e)} aria-label="Add a stage">
      <input aria-label="New stage name" placeholder="New stage, e.g. Take-home" value={name} onChange={(e) => setName(e.target.value)} aria-invalid={!!error} maxLength={60} />
      <KindSelect label="New stage kind" value={kind} onChange={setKind} />
      <button type="submit" className="primary" disabled={create.isPending}>
        Add stage
      </button>
      {error ? (
        <div className="field-error" role="alert">
          {error}
        </div>
      ) : null}
    </form>
  );
}

function ArchiveDialog({ stage, message, others, onClose }: { stage: StageRow; message: string; others: StageRow[]; onClose: () => void }) {
  const archive = useCall('stages.archive');
  const toast = useToast();
  // The nearest stage of the same kind is the likeliest home; else the first one.
  const [moveTo, setMoveTo] = useState((others.find((o) => o.kind === stage.kind) ?? others[0])?.key ?? '');
  const [error, setError] = useState('');
  const confirm = async () => {
    try {
      const out = await archive.mutateAsync({ key: stage.key, moveTo });
      toast(`Archived “${stage.name}”; moved ${out.moved === 1 ? '1 application' : `${out.moved} applications`}.`);
      onClose();
    } catch (err) {
      const f = fieldsOf(err);
      setError(f.moveTo ?? f.key ?? messageOf(err));
    }
  };
  return (
    <Modal title={`Archive “${stage.name}”`} onClose={onClose}>
      <p>{message}</p>
      <div className="field">
        <label htmlFor="archive-move-to">Move them to</label>
        <select id="archive-move-to" value={moveTo} onChange={(e) => setMoveTo(e.target.value)} aria-invalid={!!error}>
          {others.map((o) => (
            <option key={o.key} value={o.key}>
              {o.name}
            </option>
          ))}
        </select>
        {error ? (
          <div className="field-error" role="alert">
            {error}
          </div>
        ) : null}
      </div>
      <p className="muted">Each move is recorded in the application’s history.</p>
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={archive.isPending} onClick={() => void confirm()}>
          Move and archive
        </button>
      </div>
    </Modal>
  );
}
