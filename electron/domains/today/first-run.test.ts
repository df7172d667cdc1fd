import { afterEach, describe, expect, it } from 'vitest';
import { testCore, type TestCore } from '../../testing/core';

let core: TestCore;
afterEach(() => core?.close());
const T0 = Date.UTC(2026, 4, 4, 14);

describe('first-run checklist', () => {
  it('ticks each step from the data, and stays dismissed once closed', async () => {
    core = await testCore({ now: T0 });
    expect(await core.api('today.firstRun', {})).toEqual({
      profile: { name: false, returnAddress: false, signature: false },
      application: false,
      interview: false,
      complete: false,
      dismissed: false,
    });

    // Blank text is no name; a street without a town is no return address.
    await core.api('settings.update', { profile: { name: '   ', addressLines: '12 Rue Oberkampf' } });
    expect((await core.api('today.firstRun', {})).profile).toEqual({ name: false, returnAddress: false, signature: false });
    await core.api('settings.update', { profile: { name: 'Maya Chen', city: 'Paris', signature: 'Warmly,\nMaya' } });
    expect((await core.api('today.firstRun', {})).profile).toEqual({ name: true, returnAddress: true, signature: true });

    const app = await core.api('applications.create', { company: 'Globex', role: 'Platform Engineer' });
    // An archived application still counts as the first one.
    await core.api('applications.archive', { id: app.id, archived: true });
    expect(await core.api('today.firstRun', {})).toMatchObject({ application: true, interview: false, complete: false });

    await core.api('interviews.create', { applicationId: app.id, startAt: T0 + 86_400_000, endAt: T0 + 86_400_000 + 3_600_000, timeZone: 'Europe/Paris', kind: 'video' });
    expect(await core.api('today.firstRun', {})).toMatchObject({ interview: true, complete: true, dismissed: false });

    await core.api('settings.update', { firstRunDismissed: true });
    expect((await core.api('today.firstRun', {})).dismissed).toBe(true);
    expect((await core.api('settings.get', {})).firstRunDismissed).toBe(true);
  });
});
