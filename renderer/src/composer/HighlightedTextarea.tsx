// The composer's text area: a transparent textarea over a backdrop that marks unfilled fields, passages
// shared with another note and references to the conversation, with identical text metrics.
import type { ReactNode, RefObject } from 'react';

export type Mark = { start: number; end: number; cls: string; rank: number };

/** Text split at mark boundaries; where marks overlap, the most important one wins. */
function highlight(text: string, marks: Mark[]): ReactNode[] {
  if (marks.length === 0) return [text];
  const cuts = new Set<number>([0, text.length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(text.length, m.start)));
    cuts.add(Math.max(0, Math.min(text.length, m.end)));
  }
  const pts = [...cuts].sort((a, b) => a - b);
  // Runs of the same class become one <mark>, so a highlight has no seams where other marks begin or end.
  const runs: Array<{ start: number; end: number; cls: string | null }> = [];
  for (let i = 0; i + 1 < pts.length; i++) {
    const a = pts[i];
    const b = pts[i + 1];
    let best: Mark | null = null;
    for (const m of marks) if (m.start <= a && m.end >= b && (!best || m.rank > best.rank)) best = m;
    const cls = best?.cls ?? null;
    const last = runs[runs.length - 1];
    if (last && last.cls === cls) last.end = b;
    else runs.push({ start: a, end: b, cls });
  }
  const out: ReactNode[] = runs.map((r) =>
    r.cls ? (
      <mark key={r.start} className={r.cls} data-start={r.start}>
        {text.slice(r.start, r.end)}
      </mark>
    ) : (
      text.slice(r.start, r.end)
    ),
  );
  return out;
}

export function HighlightedTextarea({
  value,
  marks,
  readOnly,
  label,
  onChange,
  textareaRef,
  backdropRef,
  errorId,
}: {
  /** The id of the error shown under the box, when the server refused its text. */
  errorId?: string;
  value: string;
  marks: Mark[];
  readOnly: boolean;
  label: string;
  onChange: (v: string) => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  backdropRef: RefObject<HTMLDivElement | null>;
}) {
  // The backdrop, in the flow, sizes the box; the transparent textarea lies on top of it with the same metrics.
  return (
    <div className={`hl-editor ${readOnly ? 'readonly' : ''}`}>
      <div className="hl-text hl-backdrop" ref={backdropRef} aria-hidden="true">
        {highlight(value, marks)}{' '}
      </div>
      <textarea ref={textareaRef} className="hl-text hl-input" aria-label={label} aria-invalid={!!errorId} aria-describedby={errorId} value={value} readOnly={readOnly} spellCheck onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
