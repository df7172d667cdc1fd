// A pipeline card's face: company, role, time in stage, priority, what is due and cards to mail. The
// board's cards and the drag overlay show it; the table shows dueLabel's words in its own column.
import { createContext, useContext } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { PRIORITY_LABELS } from '../../../electron/shared/domain';
import { duration, formatDate, plural, relative } from '../lib/format';

type Summary = MethodOutput<'applications.list'>['items'][number];

/** The stages' names for the board's columns and cards, from the one stage list (a context, not a query per card). */
export const StageName = createContext<(key: string) => string>((key) => key);

export function CardBody({ app, now, overlay }: { app: Summary; now: number; overlay?: boolean }) {
  return (
    <div className={`card ${overlay ? 'overlay' : ''}`}>
      <CardContent app={app} now={now} />
    </div>
  );
}

export function dueLabel(app: Pick<Summary, 'dueCount' | 'overdueCount' | 'nextDueAt' | 'dueThankYouCount'>, now: number): { text: string; overdue: boolean } | null {
  if (!app.dueCount) return null;
  const noun = (n: number) => (app.dueThankYouCount === app.dueCount ? plural(n, 'thank-you') : plural(n, 'note'));
  if (app.overdueCount > 0) return { text: `${noun(app.overdueCount)} overdue`, overdue: true };
  return { text: `${noun(app.dueCount)} due ${relative(app.nextDueAt ?? now, now)}`, overdue: false };
}

export function CardContent({ app, now }: { app: Summary; now: number }) {
  const due = dueLabel(app, now);
  const stages = { name: useContext(StageName) };
  return (
    <>
      <span className="card-company">{app.company}</span>
      <span className="card-role" title={app.role}>
        {app.role}
      </span>
      <span className="card-meta">
        <span title={`In ${stages.name(app.stage)} since ${formatDate(app.stageChangedAt)}`}>
          {duration(now - app.stageChangedAt)} in stage
        </span>
        {app.priority === 'high' ? <span className="badge high">{PRIORITY_LABELS.high} priority</span> : null}
        {due ? <span className={`badge ${due.overdue ? 'overdue' : 'due'}`}>{due.text}</span> : null}
        {app.inFlightCount ? <span className="badge">{plural(app.inFlightCount, 'card')} to mail</span> : null}
      </span>
      {/* The card's name is its visible text; the stage, shown only by the column, is added for screen readers. */}
      <span className="sr-only">, {stages.name(app.stage)}</span>
    </>
  );
}
