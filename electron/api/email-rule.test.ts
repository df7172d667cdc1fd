// Issue 11: the profile accepted "maya@@example" while the contact form refused "priya@northwind".
// Both now go through shared/email.ts, so both are refused with the same message.
import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../testing/core';
import { EMAIL_MESSAGE } from '../shared/email';

let core: TestCore;
afterEach(() => core?.close());

async function fieldsOf(method: Parameters<TestCore['call']>[0], input: unknown) {
  const env = await core.call(method, input as never);
  if (env.ok) throw new Error(`${method} accepted ${JSON.stringify(input)}`);
  expect(env.error.code).toBe('validation');
  return env.error.fields;
}

describe('one email rule for the profile and for contacts', () => {
  it('refuses the same addresses in both places, with the same message', async () => {
    core = await testCore({ now: Date.UTC(2026, 0, 5, 12) });
    for (const bad of ['maya@@example', 'priya@northwind']) {
      expect(await fieldsOf('settings.update', { profile: { email: bad } })).toEqual({ 'profile.email': EMAIL_MESSAGE });
      expect(await fieldsOf('contacts.create', { name: 'Priya', email: bad })).toEqual({ email: EMAIL_MESSAGE });
    }
  });

  it('accepts an address with a dotted domain in both places', async () => {
    core = await testCore({ now: Date.UTC(2026, 0, 5, 12) });
    const s = await core.api('settings.update', { profile: { email: ' maya@example.com ' } });
    expect(s.profile.email).toBe('maya@example.com');
    const c = await core.api('contacts.create', { name: 'Priya', email: 'priya@northwind.example' });
    expect(c.email).toBe('priya@northwind.example');
  });
});
