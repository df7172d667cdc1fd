import { describe, expect, it } from 'vitest';
import { checkNote, countWords, formatSpan, stem, type Check, type CheckId, type CheckInput } from './checks';
import { renderTemplate } from './merge';
import { DANA_PERFUNCTORY, DANA_SUBSTANTIVE, DISTINCT_CASES, INTERVIEWS, PERSONAL_CASES, PRIYA_SUBSTANTIVE, contextFor } from './fixtures/notes';

const H = 3_600_000;
const NOW = Date.UTC(2025, 2, 4, 15, 0, 0);
const nw = INTERVIEWS.northwind;

function input(over: Partial<CheckInput> = {}): CheckInput {
  return {
    body: DANA_SUBSTANTIVE,
    subject: 'Thank you, and a thought on the Airflow migration',
    delivery: 'email',
    recipient: { name: 'Dana Lee', email: 'dana.lee@northwind.example', hasPostalAddress: true },
    context: contextFor(nw, nw.participants.dana),
    dueAt: NOW + 20 * H,
    now: NOW,
    status: 'draft',
    others: [],
    cardWordLimit: 80,
    ...over,
  };
}

function check(inp: CheckInput, id: CheckId): Check {
  const c = checkNote(inp).checks.find((x) => x.id === id);
  if (!c) throw new Error(`no ${id} check`);
  return c;
}

function words(s: string): string[] {
  return s.toLowerCase().match(/[a-z0-9']+/g) ?? [];
}

function expectOffsetsMatch(body: string, c: Check, subject?: string) {
  for (const p of c.passages) {
    const src = p.where === 'subject' ? subject! : body;
    expect(p.end).toBeGreaterThan(p.start);
    expect(src.slice(p.start, p.end)).toBe(p.text);
  }
}

describe('checkNote: shape', () => {
  it('returns the five checks in order with scores in 0..1', () => {
    const r = checkNote(input());
    expect(r.checks.map((c) => c.id)).toEqual(['personal', 'distinct', 'timely', 'deliverable', 'merge']);
    for (const c of r.checks) {
      expect(c.score).toBeGreaterThanOrEqual(0);
      expect(c.score).toBeLessThanOrEqual(1);
      expect(c.title).not.toBe('');
      expect(c.message).not.toBe('');
    }
  });

  it('ok is true only when nothing warns or fails', () => {
    expect(checkNote(input()).ok).toBe(true);
    expect(checkNote(input({ body: DANA_PERFUNCTORY })).ok).toBe(false);
    expect(checkNote(input({ dueAt: NOW - H })).ok).toBe(false);
    // info (no due time, nothing to compare with) does not spoil ok
    expect(checkNote(input({ dueAt: null })).ok).toBe(true);
  });
});

describe('personal: labelled notes', () => {
  for (const c of PERSONAL_CASES) {
    it(`${c.id} (${c.label}) -> ${c.expected}`, () => {
      const inp = input({ body: c.body, context: c.context, recipient: { name: c.recipientName, email: 'x@example.com', hasPostalAddress: true } });
      const p = check(inp, 'personal');
      expect(p.verdict, `${c.why}\n${p.message}`).toBe(c.expected);
      expectOffsetsMatch(c.body, p);
      if (c.label === 'substantive') {
        expect(p.passages.some((x) => x.kind === 'reference')).toBe(true);
        expect(p.passages.some((x) => x.kind === 'name')).toBe(true);
      }
      if (c.label === 'perfunctory') {
        expect(p.passages.some((x) => x.kind === 'reference')).toBe(false);
        expect(p.message).toMatch(/perfunctory/);
      }
      if (c.label === 'unnamed') expect(p.message).toMatch(/doesn't name Priya/);
    });
  }

  it('substantive notes outscore perfunctory ones for the same person', () => {
    const good = check(input(), 'personal').score;
    const bad = check(input({ body: DANA_PERFUNCTORY }), 'personal').score;
    expect(good).toBeGreaterThan(bad);
  });

  it('a perfunctory note is told which debrief items it could mention, this person first', () => {
    const p = check(input({ body: DANA_PERFUNCTORY }), 'personal');
    expect(p.message).toContain("on-call burnout after the last migration");
    expect(p.message).toContain('Airflow DAGs');
    expect(p.message).toContain('stock phrases like "thank you for taking the time"');
    expect(p.message.indexOf('on-call burnout')).toBeLessThan(p.message.indexOf('Airflow DAGs'));
  });

  it('highlights the name and the words that refer to the conversation', () => {
    const p = check(input(), 'personal');
    const texts = p.passages.map((x) => x.text);
    expect(texts).toContain('Dana');
    expect(texts.some((t) => /Airflow/.test(t))).toBe(true);
    expect(texts.some((t) => /dbt/.test(t))).toBe(true);
    expect(p.passages.filter((x) => x.kind === 'reference').every((x) => !/Best regards/.test(x.text))).toBe(true);
  });

  it('matches the full name, the first name and an honorific with the last name, at word boundaries', () => {
    const ctx = { topics: 'Kubernetes' };
    const named = (body: string, name = 'Dana Lee') => check(input({ body, context: ctx, recipient: { name, email: 'a@b.co', hasPostalAddress: false } }), 'personal');
    expect(named('Dear dana lee, Kubernetes').passages[0].text).toBe('dana lee');
    expect(named('Ms. Lee, about Kubernetes').verdict).toBe('pass');
    expect(named('DANA: Kubernetes').verdict).toBe('pass');
    // "Danal" and "Lee" alone (no honorific) do not name her
    expect(named('Danal, Kubernetes').verdict).toBe('warn');
    expect(named('Lee, Kubernetes').verdict).toBe('warn');
    // accents and possessives fold
    expect(named("José's point about Kubernetes", 'Jose Ruiz').verdict).toBe('pass');
  });

  it('treats company and role words as generic, not as references', () => {
    const bl = INTERVIEWS.brightline;
    const body = 'Dear Marcus, I would love to lead the design system work at Brightline. Jordan';
    const p = check(input({ body, context: contextFor(bl, bl.participants.marcus), recipient: { name: 'Marcus Bell', email: 'm@b.co', hasPostalAddress: false } }), 'personal');
    expect(p.verdict).toBe('warn');
    // The same words count once the role is not "Design Systems Lead".
    const p2 = check(input({ body, context: { ...contextFor(bl, bl.participants.marcus), role: 'Staff Engineer' }, recipient: { name: 'Marcus Bell', email: 'm@b.co', hasPostalAddress: false } }), 'personal');
    expect(p2.verdict).toBe('pass');
  });

  it('words inside an unfilled merge field are not counted as a reference', () => {
    const body = 'Hi Dana, {{Airflow DAGs}} was fun.';
    expect(check(input({ body }), 'personal').verdict).toBe('warn');
    expect(check(input({ body: 'Hi Dana, Airflow DAGs were fun.' }), 'personal').verdict).toBe('pass');
  });
});

describe('distinct: labelled pairs', () => {
  for (const c of DISTINCT_CASES) {
    for (const [me, other] of [
      [c.a, c.b],
      [c.b, c.a],
    ] as const) {
      it(`${c.id}: note to ${me.label} vs ${other.label} -> ${c.expected}`, () => {
        const d = check(input({ body: me.body, recipient: { name: me.recipientName, email: 'x@example.com', hasPostalAddress: false }, others: [{ id: 7, label: other.label, body: other.body }] }), 'distinct');
        expect(d.verdict, `${c.why}\n${d.message}`).toBe(c.expected);
        expectOffsetsMatch(me.body, d);
        for (const p of d.passages) {
          expect(p.kind).toBe('shared');
          expect(p.otherId).toBe(7);
          expect(p.otherStart).toBeTypeOf('number');
          // The highlighted words are the same words in the other note.
          expect(words(other.body.slice(p.otherStart, p.otherEnd))).toEqual(words(p.text));
        }
        if (c.expected !== 'pass') {
          expect(d.message).toMatch(new RegExp(`^\\d+% alike with the note to ${other.label}`));
          expect(d.passages.length).toBeGreaterThan(0);
        }
        const pct = Number(/(\d+)% alike/.exec(d.message)![1]);
        expect(d.score).toBeCloseTo(1 - pct / 100, 1);
      });
    }
  }

  it('ignores the greeting and the sign-off: a name swap is 100% alike', () => {
    const c = DISTINCT_CASES.find((x) => x.id === 'name-swapped')!;
    const d = check(input({ body: c.a.body, others: [{ id: 1, label: 'Priya Raman', body: c.b.body }] }), 'distinct');
    expect(d.message).toMatch(/^100% alike/);
    expect(d.score).toBe(0);
    expect(d.passages.every((p) => !/Dear|Best regards/.test(p.text))).toBe(true);
  });

  it('an edited copy highlights the shared paragraphs, not the rewritten one', () => {
    const c = DISTINCT_CASES.find((x) => x.id === 'one-paragraph-edited')!;
    const d = check(input({ body: c.a.body, others: [{ id: 'p', label: 'Priya Raman', body: c.b.body }] }), 'distinct');
    const shared = d.passages.map((p) => p.text).join(' ');
    expect(shared).toContain('Airflow estate to dbt');
    expect(shared).toContain('cutover checklist');
    expect(shared).not.toContain('ranking the DAGs');
  });

  it('names the most alike note among several and ignores empty ones', () => {
    const c = DISTINCT_CASES.find((x) => x.id === 'name-swapped')!;
    const d = check(
      input({
        body: c.a.body,
        others: [
          { id: 1, label: 'Priya Raman', body: PRIYA_SUBSTANTIVE },
          { id: 2, label: 'Sam Ortiz', body: c.b.body },
          { id: 3, label: 'Empty', body: '   ' },
        ],
      }),
      'distinct',
    );
    expect(d.verdict).toBe('fail');
    expect(d.message).toMatch(/^100% alike with the note to Sam Ortiz/);
    expect(d.message).not.toContain('Priya');
    expect(new Set(d.passages.map((p) => p.otherId))).toEqual(new Set([2]));
  });

  it('with no other notes it is info', () => {
    expect(check(input({ others: [] }), 'distinct').verdict).toBe('info');
    expect(check(input({ others: [{ id: 1, label: 'X', body: '' }] }), 'distinct').verdict).toBe('info');
  });

  it('is stable across repeated calls (cached others give the same answer)', () => {
    const c = DISTINCT_CASES.find((x) => x.id === 'one-paragraph-edited')!;
    const inp = input({ body: c.a.body, others: [{ id: 1, label: 'Priya Raman', body: c.b.body }] });
    const first = check(inp, 'distinct');
    const again = check(inp, 'distinct');
    expect(again).toEqual(first);
  });
});

describe('timely', () => {
  const due = NOW;
  const at = (now: number, over: Partial<CheckInput> = {}) => check(input({ dueAt: due, now, ...over }), 'timely');

  it('no due time is info', () => {
    expect(check(input({ dueAt: null }), 'timely').verdict).toBe('info');
  });

  it('counts down while due in the future', () => {
    expect(at(due - 5 * H)).toMatchObject({ verdict: 'pass', message: 'Due in 5 h.' });
    expect(at(due - 5 * H - 59 * 60_000).message).toBe('Due in 5 h.');
    expect(at(due - 45 * 60_000).message).toBe('Due in 45 min.');
    expect(at(due - 50 * H).message).toBe('Due in 2 days.');
  });

  it('is due now at the exact due time and overdue a millisecond later', () => {
    expect(at(due)).toMatchObject({ verdict: 'pass', message: 'Due now.' });
    expect(at(due + 1).verdict).toBe('fail');
    expect(at(due + 3 * H + 10 * 60_000)).toMatchObject({ verdict: 'fail', message: 'Overdue by 3 h.', score: 0 });
  });

  it('scores the fraction left of a 24 h window', () => {
    expect(at(due - 12 * H).score).toBe(0.5);
    expect(at(due - 48 * H).score).toBe(1);
    expect(at(due - 6 * H).score).toBe(0.25);
  });

  it('a sent or mailed note is on time whatever the clock says', () => {
    expect(at(due + 30 * H, { status: 'sent' }).verdict).toBe('pass');
    expect(at(due + 30 * H, { status: 'mailed', delivery: 'handwritten' }).verdict).toBe('pass');
    expect(at(due + 30 * H, { status: 'draft' }).verdict).toBe('fail');
  });

  it('formats spans rounding down', () => {
    expect(formatSpan(30_000)).toBe('under a minute');
    expect(formatSpan(47 * H + 59 * 60_000)).toBe('47 h');
    expect(formatSpan(72 * H)).toBe('3 days');
  });
});

describe('deliverable', () => {
  const card = (body: string, hasPostalAddress = true) =>
    check(input({ delivery: 'handwritten', body, recipient: { name: 'Dana Lee', email: null, hasPostalAddress } }), 'deliverable');

  it('fails without a recipient', () => {
    expect(check(input({ recipient: null }), 'deliverable').verdict).toBe('fail');
  });

  it('email needs an address that looks like one', () => {
    expect(check(input(), 'deliverable').verdict).toBe('pass');
    const none = check(input({ recipient: { name: 'Dana Lee', email: null, hasPostalAddress: true } }), 'deliverable');
    expect(none.verdict).toBe('fail');
    expect(none.message).toMatch(/No email address for Dana Lee.*handwritten card/);
    expect(check(input({ recipient: { name: 'Dana Lee', email: 'dana at northwind', hasPostalAddress: false } }), 'deliverable').verdict).toBe('fail');
  });

  it('an email without a subject warns; an unchecked subject does not', () => {
    expect(check(input({ subject: '  ' }), 'deliverable').verdict).toBe('warn');
    expect(check(input({ subject: undefined }), 'deliverable').verdict).toBe('pass');
  });

  it('a card needs a postal address, not an email', () => {
    expect(card('Dear Dana, thank you.').verdict).toBe('pass');
    expect(card('Dear Dana, thank you.', false).verdict).toBe('fail');
  });

  it('a card over the word limit warns with the count', () => {
    const long = Array.from({ length: 92 }, (_, i) => `word${i}`).join(' ');
    const c = card(long);
    expect(c.verdict).toBe('warn');
    expect(c.message).toContain('92 of 80 words');
    const exact = Array.from({ length: 80 }, () => 'word').join(' ');
    expect(card(exact)).toMatchObject({ verdict: 'pass' });
    expect(card(exact).message).toContain('80 of 80 words');
    expect(card(exact + ' one').verdict).toBe('warn');
  });

  it('counts words as a person would', () => {
    expect(countWords("Dear Dana -- it's a well-known fact, isn't it? 100%")).toBe(9);
    expect(countWords('  \n ')).toBe(0);
  });
});

describe('merge', () => {
  it('passes with no fields left', () => {
    expect(check(input(), 'merge')).toMatchObject({ verdict: 'pass', passages: [] });
  });

  it('fails on each field left in body or subject, with offsets into each', () => {
    const body = 'Dear {{contact.firstName}},\n\nAbout {{ interview.challenge }}: I have ideas.';
    const subject = 'Thanks, {{contact.firstName}}';
    const m = check(input({ body, subject }), 'merge');
    expect(m.verdict).toBe('fail');
    expect(m.score).toBe(0);
    expect(m.passages).toHaveLength(3);
    expectOffsetsMatch(body, m, subject);
    expect(m.passages.filter((p) => p.where === 'subject').map((p) => p.text)).toEqual(['{{contact.firstName}}']);
    expect(m.message).toMatch(/^3 merge fields are not filled/);
  });

  it('flags what a template render left behind', () => {
    const r = renderTemplate('Dear {{contact.firstName}},\n\nYou named {{interview.challenge}} as the hard part.\n\n{{profile.name}}', {
      contact: { name: 'Dana Lee' },
      profile: { name: 'Jordan' },
    });
    const m = check(input({ body: r.text }), 'merge');
    expect(m.verdict).toBe('fail');
    expect(m.passages.map((p) => [p.start, p.end])).toEqual(r.unfilled.map((u) => [u.start, u.end]));
  });
});

describe('stem', () => {
  it('conflates the usual inflections', () => {
    const same = (...ws: string[]) => expect(new Set(ws.map(stem)).size, ws.join('/')).toBe(1);
    same('schedule', 'scheduling', 'schedules', 'scheduled');
    same('migrate', 'migrating', 'migration', 'migrations', 'migrated');
    same('plan', 'planning', 'planned');
    same('staff', 'staffing');
    same('contract', 'contracts');
    same('process', 'processes');
    same('strategy', 'strategies');
    expect(stem('roll')).not.toBe(stem('role'));
  });
});

describe('verdicts explain themselves', () => {
  it('personal names the debrief items it found, credited through other forms, compounds and numbers', () => {
    const ctx = { challenge: 'The monthly close takes 12 working days.', topics: 'on-call rotation; burned out engineers', company: 'Ashby', role: 'Analyst' };
    const p = check(input({ body: 'Dear Dana, twelve days to close is long. I have run oncall for years.', context: ctx }), 'personal');
    expect(p.verdict).toBe('pass');
    expect(p.found!.map((f) => f.text)).toEqual(['The monthly close takes 12 working days.', 'on-call rotation']);
    expect(p.message).toContain('"The monthly close takes 12 working days."');
    const burnout = check(input({ body: 'Dear Dana, burnout on your team worries me.', context: ctx }), 'personal');
    expect(burnout.found!.map((f) => f.text)).toEqual(['burned out engineers']);
  });

  it('distinct says how many passages are shared', () => {
    const c = DISTINCT_CASES.find((x) => x.id === 'name-swapped')!;
    const d = check(input({ body: c.a.body, others: [{ id: 1, label: 'Priya Raman', body: c.b.body }] }), 'distinct');
    expect(d.message).toMatch(/^100% alike with the note to Priya Raman: (one passage is|\d+ passages are) shared\./);
  });
});
