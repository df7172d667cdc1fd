import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../testing/core';

let core: TestCore;
afterEach(() => core?.close());
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 15);

describe('insights', () => {
  it('counts thank-yous sent and on time, the delivery mix, and outcomes side by side', async () => {
    core = await testCore({ now: T0 });
    const a = await core.api('applications.create', { company: 'Acme', role: 'Engineer', stage: 'applied' });
    const b = await core.api('applications.create', { company: 'Globex', role: 'Engineer', stage: 'applied' });
    const ia = await core.api('interviews.create', { applicationId: a.id, kind: 'video', startAt: T0, endAt: T0 + HOUR, participants: [{ name: 'Ana' }, { name: 'Bo' }] });
    await core.api('interviews.create', { applicationId: b.id, kind: 'video', startAt: T0, endAt: T0 + HOUR, participants: [{ name: 'Cy' }] });
    core.ctx.clock.set(T0 + 2 * HOUR);
    // Both of Acme's interviewers thanked: one email on time, one card mailed late.
    const [ana, bo] = ia.participants.map((p) => p.thankYouNoteId!);
    core.ctx.sqlite.prepare("UPDATE notes SET status = 'sent', sent_at = ? WHERE id = ?").run(T0 + 3 * HOUR, ana);
    core.ctx.sqlite.prepare("UPDATE notes SET status = 'mailed', delivery = 'handwritten', mailed_at = ? WHERE id = ?").run(T0 + 40 * HOUR, bo);
    await core.api('applications.moveStage', { id: a.id, stage: 'offer' });
    await core.api('applications.moveStage', { id: b.id, stage: 'rejected' });
    const i = await core.api('insights.get', {});
    expect(i.interviewsThanked).toEqual({ count: 1, of: 2 });
    expect(i.thankYousOnTime).toEqual({ count: 1, of: 2 });
    expect(i.delivery).toEqual({ email: 1, handwritten: 1 });
    expect(i.afterRejection).toEqual({ count: 0, of: 1 });
    expect(i.outcomes).toEqual([
      { group: 'all_thanked', applications: 1, reachedOffer: 1 },
      { group: 'some_thanked', applications: 0, reachedOffer: 0 },
      { group: 'none_thanked', applications: 1, reachedOffer: 0 },
    ]);
    expect(i.stages.find((s) => s.stage === 'offer')?.count).toBe(1);
  });
});
