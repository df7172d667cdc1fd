// Today's first-run checklist: what a new user sets up first, each step ticked from the data itself
// (today.firstRun), with a button that goes there. Shown until every step is done or it is dismissed.
import type { ReactNode } from 'react';
import { useApi, useCall } from '../lib/hooks';
import { requestIntent } from '../lib/intents';
import { href } from '../lib/router';
import { useToast } from '../ui/Toast';

function Step({ done, title, children, actions }: { done: boolean; title: string; children: ReactNode; actions: ReactNode }) {
  return (
    <li className={done ? 'first-run-step done' : 'first-run-step'}>
      <span className="first-run-mark" aria-hidden="true">
        {done ? '✓' : ''}
      </span>
      <div className="item-main">
        <strong>
          {title}
          <span className="sr-only">{done ? ' (done)' : ' (to do)'}</span>
        </strong>
        <span className="sub">{children}</span>
      </div>
      {done ? null : <div className="row">{actions}</div>}
    </li>
  );
}

/** The checklist, or null once it is complete or dismissed (then Today shows its usual empty state). */
export function useFirstRun() {
  const q = useApi('today.firstRun', {});
  return { data: q.data, show: !!q.data && !q.data.complete && !q.data.dismissed };
}

export function FirstRun({ data }: { data: NonNullable<ReturnType<typeof useFirstRun>['data']> }) {
  const toast = useToast();
  const dismiss = useCall('settings.update');
  // Interviews are scheduled from an application's page: the button opens the newest one.
  const latest = useApi('applications.list', { limit: 1, includeArchived: true }, { enabled: data.application && !data.interview });
  const p = data.profile;
  const profileDone = p.name && p.returnAddress && p.signature;
  const missing = [!p.name && 'your name', !p.returnAddress && 'a return address', !p.signature && 'a signature'].filter(Boolean).join(', ');
  const first = latest.data?.items[0];
  return (
    <section className="panel first-run" aria-labelledby="first-run-title">
      <div className="first-run-head">
        <h2 id="first-run-title">Getting started</h2>
        <button
          type="button"
          className="ghost"
          onClick={() => dismiss.mutateAsync({ firstRunDismissed: true }).catch((err: Error) => toast(err.message, 'error'))}
        >
          Hide this checklist
        </button>
      </div>
      <p className="muted">Three steps, and Courtesy can remind you of every thank-you you owe.</p>
      <ol className="item-list first-run-steps">
        <Step
          done={profileDone}
          title="Set up your profile"
          actions={
            <a className="button primary" href={href({ name: 'settings' })}>
              Open your profile
            </a>
          }
        >
          {profileDone ? 'Name, return address and signature are set.' : `Notes are signed with it and cards carry your return address. Still missing: ${missing}.`}
        </Step>
        <Step
          done={data.application}
          title="Add your first application"
          actions={
            <>
              <button type="button" className={profileDone ? 'primary' : undefined} onClick={() => requestIntent('new-application')}>
                New application
              </button>
              <button type="button" onClick={() => requestIntent('import-csv')}>
                Import a spreadsheet
              </button>
            </>
          }
        >
          A role you are considering or have applied to, or all of them at once from the spreadsheet you kept so far.
        </Step>
        <Step
          done={data.interview}
          title="Schedule an interview"
          actions={
            first ? (
              <a className="button" href={href({ name: 'application', id: first.id })}>
                Open {first.company}
              </a>
            ) : (
              <span className="muted">Add an application first.</span>
            )
          }
        >
          Everyone you meet gets a thank-you to write, due within a day.
        </Step>
      </ol>
    </section>
  );
}
