// Facts, side by side, never causes: a note tilts a close decision at most, so Insights shows what
// was sent and what happened, and leaves the reading to the person.
import type { Handlers } from '../../db/context';
import { stmt } from '../../db/sql';
import { activeStages } from '../stages/rules';

/** A note "went out" when emailed or mailed; its time is whichever happened. */
const WENT_OUT = "n.status IN ('sent', 'mailed')";
const OUT_AT = 'coalesce(n.sent_at, n.mailed_at)';

export const insightsHandlers: Handlers<'insights.get'> = {
  'insights.get': (_input, ctx) => {
    const now = ctx.clock.now();
    const counts = new Map(stmt<{ stage: string; n: number }>(ctx.sqlite, 'SELECT stage, count(*) AS n FROM applications WHERE archived_at IS NULL GROUP BY stage').all().map((r) => [r.stage, r.n]));
    // The person's stages in board order (archiving a stage moves its applications, so none is left out).
    const stages = activeStages(ctx).map(({ key }) => ({ stage: key, count: counts.get(key) ?? 0 }));

    // Per ended interview: people met, and how many of them got a thank-you that went out.
    const perInterview = stmt<{ applicationId: number; people: number; thanked: number }>(
      ctx.sqlite,
      `SELECT i.application_id AS applicationId, count(p.contact_id) AS people,
              sum(EXISTS (SELECT 1 FROM notes n WHERE n.interview_id = i.id AND n.contact_id = p.contact_id AND n.kind = 'thank_you' AND ${WENT_OUT})) AS thanked
       FROM interviews i JOIN interview_participants p ON p.interview_id = i.id
       WHERE i.end_at <= ? GROUP BY i.id`,
    ).all(now);
    const interviewsThanked = { count: perInterview.filter((r) => r.thanked === r.people).length, of: perInterview.length };

    const onTime = stmt<{ total: number; onTime: number }>(
      ctx.sqlite,
      `SELECT count(*) AS total, coalesce(sum(n.due_at IS NULL OR ${OUT_AT} <= n.due_at), 0) AS onTime FROM notes n WHERE n.kind = 'thank_you' AND ${WENT_OUT}`,
    ).get()!;
    // Notes that went out per delivery, and those a reply was matched to (a wrong match the person
    // unmatched does not count). Replies are counted, not explained.
    const byDelivery = stmt<{ delivery: 'email' | 'handwritten'; sent: number; replied: number }>(
      ctx.sqlite,
      `SELECT n.delivery AS delivery, count(*) AS sent,
              coalesce(sum(EXISTS (SELECT 1 FROM replies r WHERE r.note_id = n.id AND r.unmatched_at IS NULL)), 0) AS replied
       FROM notes n WHERE ${WENT_OUT} GROUP BY n.delivery`,
    ).all();
    const of = (d: 'email' | 'handwritten') => byDelivery.find((r) => r.delivery === d) ?? { sent: 0, replied: 0 };
    const delivery = { email: of('email').sent, handwritten: of('handwritten').sent };
    const repliesByDelivery = {
      email: { count: of('email').replied, of: of('email').sent },
      handwritten: { count: of('handwritten').replied, of: of('handwritten').sent },
    };
    const repliesTracked = stmt(ctx.sqlite, 'SELECT 1 FROM reply_scans LIMIT 1').get() !== undefined;
    const rejected = stmt<{ total: number; sent: number }>(
      ctx.sqlite,
      `SELECT count(*) AS total, coalesce(sum(EXISTS (SELECT 1 FROM notes n WHERE n.application_id = a.id AND n.kind = 'after_rejection' AND ${WENT_OUT})), 0) AS sent
       FROM applications a WHERE a.stage IN (SELECT key FROM stages WHERE kind = 'rejected')`,
    ).get()!;

    // Outcomes: per application with ended interviews, whether everyone met was thanked.
    const byApp = new Map<number, { people: number; thanked: number }>();
    for (const r of perInterview) {
      const cur = byApp.get(r.applicationId) ?? { people: 0, thanked: 0 };
      byApp.set(r.applicationId, { people: cur.people + r.people, thanked: cur.thanked + r.thanked });
    }
    const offered = new Set(
      stmt<{ id: number }>(ctx.sqlite, "SELECT DISTINCT application_id AS id FROM stage_events WHERE to_stage IN (SELECT key FROM stages WHERE kind IN ('offer', 'accepted'))")
        .all()
        .map((r) => r.id),
    );
    const groups = { all_thanked: { applications: 0, reachedOffer: 0 }, some_thanked: { applications: 0, reachedOffer: 0 }, none_thanked: { applications: 0, reachedOffer: 0 } };
    for (const [appId, r] of byApp) {
      const g = r.thanked === r.people ? groups.all_thanked : r.thanked > 0 ? groups.some_thanked : groups.none_thanked;
      g.applications++;
      if (offered.has(appId)) g.reachedOffer++;
    }
    return {
      stages,
      interviewsThanked,
      thankYousOnTime: { count: onTime.onTime, of: onTime.total },
      delivery,
      replies: repliesByDelivery,
      repliesTracked,
      afterRejection: { count: rejected.sent, of: rejected.total },
      outcomes: (Object.keys(groups) as Array<keyof typeof groups>).map((group) => ({ group, ...groups[group] })),
    };
  },
};
