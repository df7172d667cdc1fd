import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';

const FIELD = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';
const FOCUSABLE = `${FIELD}, button:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])`;

/**
 * Opens a native <dialog> as modal (focus trap, Escape and backdrop for free) and, when it goes away,
 * gives focus back to the control that had it before (a dialog removed by React is never close()d in
 * time for the browser to do that itself). Returns whether the dialog is open, so its content mounts
 * inside an open dialog: React's autoFocus cannot focus anything in a closed one.
 */
export function useModalDialog(ref: RefObject<HTMLDialogElement | null>): boolean {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const d = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (d && !d.open) d.showModal();
    setOpen(true);
    return () => {
      d?.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [ref]);
  return open;
}

/** Focus on the content's first field (unless the content chose one with autoFocus), else its first control. */
function focusFirst(body: HTMLElement | null) {
  if (!body || body.contains(document.activeElement)) return;
  (body.querySelector<HTMLElement>(FIELD) ?? body.querySelector<HTMLElement>(FOCUSABLE))?.focus();
}

/**
 * What the person typed into the dialog, by control: each control's value as it was when it was first
 * focused. Values a form loads by itself are not typing; a value typed and then removed again is not a change.
 */
function useTypedInput(ref: RefObject<HTMLElement | null>) {
  const before = useRef(new Map<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, string>());
  const valueOf = (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement) =>
    el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? String(el.checked) : el.value;
  useEffect(() => {
    const root = ref.current;
    const seen = before.current;
    const onFocus = (e: FocusEvent) => {
      const el = e.target;
      if ((el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) && !seen.has(el)) seen.set(el, valueOf(el));
    };
    root?.addEventListener('focusin', onFocus);
    return () => root?.removeEventListener('focusin', onFocus);
  }, [ref]);
  return () => [...before.current].some(([el, value]) => el.isConnected && el.type !== 'file' && valueOf(el) !== value);
}

/**
 * Native <dialog> with a title and ✕. Opens with focus in its first field and gives it back on close;
 * Escape or ✕ after typing asks before throwing the input away.
 */
export function Modal({ title, onClose, children, className }: { title: string; onClose: () => void; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const open = useModalDialog(ref);
  const typed = useTypedInput(ref);
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (open) focusFirst(bodyRef.current);
  }, [open]);
  const requestClose = () => (typed() ? setAsking(true) : onClose());
  return (
    <dialog
      ref={ref}
      className={className ? `modal ${className}` : 'modal'}
      aria-label={title}
      // A nested dialog (the discard question) cancels itself only.
      onCancel={(e) => (e.preventDefault(), e.target === e.currentTarget && requestClose())}
    >
      <div className="modal-head">
        <h2>{title}</h2>
        <button type="button" className="ghost" aria-label="Close" onClick={requestClose}>
          ✕
        </button>
      </div>
      <div className="modal-body" ref={bodyRef}>
        {open ? children : null}
      </div>
      {asking ? (
        <ConfirmDialog
          title="Discard what you typed?"
          message={`What you typed in “${title}” has not been saved.`}
          confirmLabel="Discard"
          cancelLabel="Keep editing"
          danger
          focusCancel
          onConfirm={onClose}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </dialog>
  );
}

export function ConfirmDialog(props: {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  /** Start on the safe answer (Enter keeps things as they are). */
  focusCancel?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <Modal title={props.title} onClose={props.onCancel}>
      <div>{props.message}</div>
      <div className="form-actions">
        <button type="button" onClick={props.onCancel} autoFocus={props.focusCancel}>
          {props.cancelLabel ?? 'Cancel'}
        </button>
        <button type="button" className={props.danger ? 'danger' : 'primary'} onClick={props.onConfirm} autoFocus={!props.focusCancel}>
          {props.confirmLabel}
        </button>
      </div>
    </Modal>
  );
}
