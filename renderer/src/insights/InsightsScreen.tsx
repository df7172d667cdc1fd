import { useApi } from '../lib/hooks';
import { href } from '../lib/router';
import { ErrorBanner } from '../ui/ErrorBanner';
import { useStages } from '../lib/stages';

const pct = (count: number, of: number) => (of ? `${Math.round((count / of) * 100)}%` : '—');
const GROUP_LABELS = { all_thanked: 'Everyone met got a thank-you', some_thanked: 'Some got one', none_thanked: 'No thank-yous went out' } as const;

export function InsightsScreen() {
  const q = useApi('insights.get', {});
  const stages = useStages();
  if (q.isLoading) return <div className="page muted">Loading…</div>;
  if (q.error || !q.data) return <div className="page"><ErrorBanner>{q.error?.message}</ErrorBanner></div>;
  const i = q.data;
  const maxStage = Math.max(1, ...i.stages.map((s) => s.count));
  const sent = i.delivery.email + i.delivery.handwritten;
  return (
    <div className="page">
      <div className="page-header">
        <h1>Insights</h1>
      </div>
      <p className="muted" style={{ margin: 0 }}>
        Facts side by side, not causes: a specific, timely note can tilt a close decision, but it never guarantees one.
      </p>
      <div className="insight-grid">
        <section className="panel" aria-label="Thank-yous">
          <h2>Interviews where everyone got a thank-you</h2>
          <div className="big-number">{pct(i.interviewsThanked.count, i.interviewsThanked.of)}</div>
          <p>
            {i.interviewsThanked.count} of {i.interviewsThanked.of} ended interviews.
          </p>
          <p className="muted">Benchmark: in one published poll, 88% of executives said a thank-you helps, yet only 51% of applicants sent one.</p>
        </section>
        <section className="panel" aria-label="On time">
          <h2>Thank-yous on time</h2>
          <div className="big-number">{pct(i.thankYousOnTime.count, i.thankYousOnTime.of)}</div>
          <p>
            {i.thankYousOnTime.count} of {i.thankYousOnTime.of} went out by their due time.
          </p>
          <p className="muted">Advice: email within 24 hours; a handwritten card can follow, mailed the same day.</p>
        </section>
        <section className="panel" aria-label="Delivery">
          <h2>How your notes went out</h2>
          <div className="split-bar" role="img" aria-label={`${i.delivery.email} by email, ${i.delivery.handwritten} handwritten`}>
            <span style={{ flexGrow: i.delivery.email || (sent ? 0 : 1) }} className="seg-email" />
            <span style={{ flexGrow: i.delivery.handwritten || (sent ? 0 : 1) }} className="seg-card" />
          </div>
          <p>
            {i.delivery.email} by email · {i.delivery.handwritten} handwritten
          </p>
          <p className="muted">Benchmark: 52% of executives prefer a handwritten note, 44% email.</p>
        </section>
        <section className="panel" aria-label="Replies">
          <h2>Notes that got a reply</h2>
          <div className="reply-rates">
            <div>
              <div className="big-number">{pct(i.replies.email.count, i.replies.email.of)}</div>
              <div>by email</div>
              <div className="muted">{i.replies.email.count} of {i.replies.email.of} sent</div>
            </div>
            <div>
              <div className="big-number">{pct(i.replies.handwritten.count, i.replies.handwritten.of)}</div>
              <div>handwritten</div>
              <div className="muted">{i.replies.handwritten.count} of {i.replies.handwritten.of} mailed</div>
            </div>
          </div>
          <p className="muted">
            {i.repliesTracked ? (
              'Replies found in your inbox, counted as they are: who answers depends on far more than how the note went.'
            ) : (
              <>
                No inbox checked yet: connect your mail account in <a href={href({ name: 'settings' })}>Settings</a> to count replies.
              </>
            )}
          </p>
        </section>
        <section className="panel" aria-label="After rejections">
          <h2>Gracious notes after a rejection</h2>
          <div className="big-number">{pct(i.afterRejection.count, i.afterRejection.of)}</div>
          <p>
            {i.afterRejection.count} of {i.afterRejection.of} rejected applications. No is not forever.
          </p>
        </section>
      </div>
      <div className="detail-grid">
        <section className="panel" aria-label="Outcomes">
          <h2>Outcomes, side by side</h2>
          <table className="data plain">
            <thead>
              <tr>
                <th>Applications with interviews</th>
                <th>Applications</th>
                <th>Reached an offer</th>
              </tr>
            </thead>
            <tbody>
              {i.outcomes.map((o) => (
                <tr key={o.group}>
                  <td>{GROUP_LABELS[o.group]}</td>
                  <td>{o.applications}</td>
                  <td>
                    {o.reachedOffer} {o.applications ? <span className="muted">({pct(o.reachedOffer, o.applications)})</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">Small numbers say little; many things decide an offer.</p>
        </section>
        <section className="panel" aria-label="Pipeline">
          <h2>Pipeline</h2>
          <ul className="bars">
            {i.stages.map((s) => (
              <li key={s.stage}>
                <span className="bar-label">{stages.name(s.stage)}</span>
                <span className="bar" style={{ width: `${(s.count / maxStage) * 100}%` }} />
                <span className="bar-value">{s.count}</span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
