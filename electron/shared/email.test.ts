import { describe, expect, it } from 'vitest';
import { Email, EMAIL_MESSAGE, isEmail } from './email';

describe('isEmail: one rule for every email field', () => {
  it('accepts ordinary addresses with a dotted domain', () => {
    for (const ok of ['priya@northwind.example', 'jane.doe@acme.example', "o'brien+jobs@mail.example.co.uk", 'a_b-c@x-y.io']) expect([ok, isEmail(ok)]).toEqual([ok, true]);
  });

  it('refuses what the profile and contact forms used to disagree on, and other typos', () => {
    const bad = ['maya@@example', 'priya@northwind', 'no at sign', 'two@at@example.com', 'space in@example.com', '.dot@example.com', 'a..b@example.com', 'x@example.c', 'x@example.123', ''];
    for (const b of bad) expect([b, isEmail(b)]).toEqual([b, false]);
  });

  it('says what it expects', () => {
    const r = Email.safeParse('maya@@example');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toBe(EMAIL_MESSAGE);
  });
});
