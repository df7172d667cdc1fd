import type { ReactNode } from 'react';
import type { MethodOutput } from '../../../electron/api/contract';
import { INTERVIEW_KIND_LABELS, NOTE_KIND_LABELS } from '../../../electron/shared/domain';
import { formatInZone } from '../../../electron/shared/time';
import { dueText } from '../lib/dates';
import { formatDate, plural } from '../lib/format';
import { useApi, useCall } from '../lib/hooks';
import { useToast } from '../ui/Toast';
import { downloadFile } from '../lib/download';
import { href } from '../lib/router';
import { ErrorBanner } from '../ui/ErrorBanner';
import { OutboxSection } from './OutboxSection';
import { RepliesSection } from './RepliesSection';
import { FirstRun, useFirstRun } from './FirstRun';
import { NoticeOffer } from '../notify/NoticeOffer';
import { useNoticeTarget } from '../notify/target';

type Today = MethodOutput<'today.get'>;
type Note = Today['overdue'][number];
type Interview = Today['upcomingInterviews'][number];

const STEP_LABEL: Record<string, string> = { written: 'written, not addressed', addressed: 'addressed, needs a stamp', stamped: 'stamped, mail it today', mailed: 'in the mail' };

/** A count as Today gives it: one that stopped at its cap reads "1,000+". */
const countText = (n: number, more = false) => (more ? `${n.toLocaleString('en-US')}+` : String(n));

/** Under a list that shows fewer than its count: "Showing 50 of 1,000+." */
function Shown({ shown, count, more }: { shown: number; count: number; more: boolean }) {
  return shown < count || more ? <p className="muted section-shown">Showing {shown} of {countText(count, more)}.</p> : null;
}

function Section({ title, count, more, children, empty }: { title: string; count?: number; more?: boolean; children: ReactNode; empty?: string }) {
  const isEmpty = count === 0;
  return (
    <section className="panel" aria-label={title}>
      <h2>
        {title}
        {count !== undefined && count > 0 ? <span className="count">{countText(count, more)}</span> : null}
      </h2>
      {isEmpty ? <p className="section-empty">{empty ?? 'Nothing here.'}</p> : children}
    </section>
  );
}

function NoteItem({ n, now }: { n: Note; now: number }) {
  const overdue = n.stillDue && n.dueAt !== null && n.dueAt < now;
  const what = `${NOTE_KIND_LABELS[n.kind]} to ${n.recipientName ?? 'someone'}`;
  return (
    <li>
      <div className="item-main">
        <span>
          <strong>{what}</strong> <span className="muted">· {n.delivery === 'email' ? 'email' : 'card'}</span>
        </span>
        <span className="sub">
          {n.company ? `${n.company} — ${n.role}` : ''}
          {n.status !== 'draft' ? ` · ${STEP_LABEL[n.status] ?? n.status}` : ''}
          {n.expectedArrivalAt ? ` · arrives about ${formatDate(n.expectedArrivalAt)}` : ''}
        </span>
      </div>
      <div className="row">
        {n.stillDue && n.dueAt !== null ? (
          <span className={`badge ${overdue ? 'overdue' : 'due'}`}>{dueText(n.dueAt, now)}</span>
        ) : null}
        <a className="button" href={href({ name: 'compose', target: 'note', id: n.id })}>
          {n.status === 'draft' ? 'Write' : 'Open'}
        </a>
      </div>
    </li>
  );
}

function InterviewItem({ i, action }: { i: Interview; action?: ReactNode }) {
  return (
    <li>
      <div className="item-main">
        <a href={href({ name: 'interview', id: i.id })}>
          <strong>{i.company}</strong> — {i.role}
        </a>
        <span className="sub">
          {i.round ? `${i.round} · ` : ''}
          {INTERVIEW_KIND_LABELS[i.kind]} · {formatInZone(i.startAt, i.timeZone)}
          {i.participantNames.length ? ` · with ${i.participantNames.join(', ')}` : ''}
        </span>
      </div>
      {action}
    </li>
  );
}

const WEEK = 7 * 86_400_000;

/** Every upcoming interview as one .ics file, each with a reminder alarm. */
function CalendarExport() {
  const toast = useToast();
  const exportIcs = useCall('interviews.exportIcs');
  const run = async () => {
    try {
      const res = await exportIcs.mutateAsync({});
      downloadFile(res.filename, res.content, 'text/calendar');
      toast(`${plural(res.count, 'interview')} exported for your calendar.`);
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err), 'error');
    }
  };
  return (
    <button type="button" onClick={() => void run()}>
      Add all to calendar (.ics)
    </button>
  );
}

function ReminderItem({ r, now }: { r: Today['reminders'][number]; now: number }) {
  const complete = useCall('reminders.complete');
  const snooze = useCall('reminders.snooze');
  const remove = useCall('reminders.delete');
  const toast = useToast();
  const link = r.applicationId ? href({ name: 'application', id: r.applicationId }) : r.contactId ? href({ name: 'contact', id: r.contactId }) : null;
  const run = (p: Promise<unknown>, done: string) => p.then(() => toast(done)).catch((err: Error) => toast(err.message, 'error'));
  return (
    <li data-reminder={r.id}>
      <div className="item-main">
        {link ? (
          <a href={link}>
            <strong>{r.title}</strong>
          </a>
        ) : (
          <strong>{r.title}</strong>
        )}
        <span className="sub">{dueText(r.dueAt, now)}</span>
      </div>
      <div className="row">
        <button type="button" onClick={() => void run(snooze.mutateAsync({ id: r.id, until: now + WEEK }), 'Snoozed for a week.')}>
          Snooze a week
        </button>
        <button type="button" onClick={() => void run(complete.mutateAsync({ id: r.id, done: true }), 'Done.')}>
          Done
        </button>
        {/* A reminder holds no history of its own: it goes without asking, and the toast offers Undo. */}
        <button
          type="button"
          className="ghost"
          aria-label={`Delete reminder: ${r.title}`}
          onClick={() =>
            void remove.mutateAsync({ id: r.id }).then(
              (res) => toast('Reminder deleted.', 'info', { undo: res.undo }),
              (err: Error) => toast(err.message, 'error'),
            )
          }
        >
          Delete
        </button>
      </div>
    </li>
  );
}

export function TodayScreen() {
  const today = useApi('today.get', {}, { refetchInterval: 60_000 });
  const firstRun = useFirstRun();
  // The same query as the Replies section (one cached answer): unseen replies mean Today is not empty.
  const unseen = useApi('replies.list', { unseenOnly: true, limit: 20 }, { refetchInterval: 60_000 });
  useNoticeTarget(!!today.data);
  if (today.isLoading) return <div className="page muted">Loading…</div>;
  if (today.error || !today.data) return <div className="page"><ErrorBanner>{today.error?.message}</ErrorBanner></div>;
  const t = today.data;
  const now = t.now;
  const nothing = !t.overdue.length && !t.dueSoon.length && !t.interviewsToday.length && !t.upcomingInterviews.length && !t.needsDebrief.length && !t.inProgress.length && !t.reminders.length && !unseen.data?.items.length;

  return (
    <div className="page">
      <div className="page-header">
        <h1>Today</h1>
        <span className="muted">{formatDate(now)}</span>
      </div>
      <div className="stat-strip">
        <div className={`stat ${t.counts.overdue ? 'danger' : ''}`}>
          <strong>{countText(t.counts.overdue, t.more.overdue)}</strong> overdue {t.counts.overdue === 1 ? 'note' : 'notes'}
        </div>
        <div className="stat">
          <strong>{countText(t.counts.dueSoon, t.more.dueSoon)}</strong> due in the next 2 days
        </div>
        <div className="stat">
          <strong>{countText(t.counts.interviewsToday, t.more.interviewsToday)}</strong> {t.counts.interviewsToday === 1 ? 'interview' : 'interviews'} today
        </div>
        <div className="stat">
          <strong>{t.inProgress.length}</strong> {t.inProgress.length === 1 ? 'card' : 'cards'} on the way
        </div>
      </div>
      {firstRun.show && firstRun.data ? (
        <FirstRun data={firstRun.data} />
      ) : nothing ? (
        <div className="empty-state">
          <h2>All caught up</h2>
          <p>
            Schedule an interview from an application in the <a href={href({ name: 'pipeline' })}>pipeline</a>: everyone you meet gets a thank-you to write, due within a day.
          </p>
        </div>
      ) : null}
      {t.counts.overdue || t.counts.dueSoon || t.upcomingInterviews.length ? (
        <NoticeOffer reason="Courtesy can tell you a few hours before a note is due and when it is late, even while you work in another window." />
      ) : null}
      <div className="today-grid">
        <div className="today-col">
          <OutboxSection />
          <RepliesSection />
          {t.overdue.length ? (
            <Section title="Overdue notes" count={t.counts.overdue} more={t.more.overdue}>
              <p className="muted" style={{ marginTop: 0 }}>A late note still beats no note: send it today.</p>
              <ul className="item-list">{t.overdue.map((n) => <NoteItem key={n.id} n={n} now={now} />)}</ul>
              <Shown shown={t.overdue.length} count={t.counts.overdue} more={t.more.overdue} />
            </Section>
          ) : null}
          <Section title="Due soon" count={t.counts.dueSoon} more={t.more.dueSoon} empty="No notes due in the next two days.">
            <ul className="item-list">{t.dueSoon.map((n) => <NoteItem key={n.id} n={n} now={now} />)}</ul>
            <Shown shown={t.dueSoon.length} count={t.counts.dueSoon} more={t.more.dueSoon} />
          </Section>
          <Section title="Interviews today" count={t.counts.interviewsToday} more={t.more.interviewsToday} empty="No interviews today.">
            <ul className="item-list">{t.interviewsToday.map((i) => <InterviewItem key={i.id} i={i} />)}</ul>
            <Shown shown={t.interviewsToday.length} count={t.counts.interviewsToday} more={t.more.interviewsToday} />
          </Section>
          {t.needsDebrief.length ? (
            <Section title="Write down what was said" count={t.counts.needsDebrief} more={t.more.needsDebrief}>
              <p className="muted" style={{ marginTop: 0 }}>These interviews ended without a debrief. Your notes will be better for it.</p>
              <ul className="item-list">
                {t.needsDebrief.map((i) => (
                  <InterviewItem key={i.id} i={i} action={<a className="button" href={href({ name: 'interview', id: i.id })}>Debrief</a>} />
                ))}
              </ul>
              <Shown shown={t.needsDebrief.length} count={t.counts.needsDebrief} more={t.more.needsDebrief} />
            </Section>
          ) : null}
          {t.inProgress.length ? (
            <Section title="Cards on their way" count={t.inProgress.length}>
              <ul className="item-list">{t.inProgress.map((n) => <NoteItem key={n.id} n={n} now={now} />)}</ul>
            </Section>
          ) : null}
        </div>
        <div className="today-col">
          {t.missingDetails.length ? (
            <Section title="Missing contact details" count={t.missingDetails.length}>
              <p className="muted" style={{ marginTop: 0 }}>A note cannot go out without these.</p>
              <ul className="item-list">
                {t.missingDetails.map((m) => (
                  <li key={m.noteId}>
                    <div className="item-main">
                      <strong>{m.name}</strong>
                      <span className="sub">
                        needs {m.missing === 'email' ? 'an email address' : 'a postal address'} for the {NOTE_KIND_LABELS[m.kind].toLowerCase()} {m.delivery === 'email' ? 'email' : 'card'}
                      </span>
                    </div>
                    <a className="button" href={href({ name: 'contact', id: m.contactId })}>
                      Add
                    </a>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          {t.reminders.length ? (
            <Section title="Reminders" count={t.reminders.length}>
              <ul className="item-list">
                {t.reminders.map((r) => (
                  <ReminderItem key={r.id} r={r} now={now} />
                ))}
              </ul>
            </Section>
          ) : null}
          {t.lowStock.length ? (
            <Section title="Running low" count={t.lowStock.length}>
              <ul className="item-list">
                {t.lowStock.map((s) => (
                  <li key={s.id}>
                    <div className="item-main">
                      <strong>{s.name}</strong>
                      <span className="sub">{plural(s.onHand, s.kind)} left</span>
                    </div>
                    <a className="button" href={href({ name: 'stationery' })}>
                      Stationery
                    </a>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          <Section title="Upcoming interviews" count={t.upcomingInterviews.length} empty="Nothing scheduled in the next two weeks.">
            <ul className="item-list">{t.upcomingInterviews.map((i) => <InterviewItem key={i.id} i={i} />)}</ul>
            <div className="form-actions">
              <CalendarExport />
            </div>
          </Section>
        </div>
      </div>
    </div>
  );
}
