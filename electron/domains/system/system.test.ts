import { afterEach, describe, expect, it } from 'vitest';
import { createClock } from '../../db/context';
import { startCore, type Core } from '../../host/core';
import { MIGRATIONS, testCore } from '../../testing/core';

const T = Date.UTC(2026, 10, 24, 15);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let core: Core | undefined;
afterEach(() => core?.close());

describe('the clock', () => {
  it('runs with real time until it is set', async () => {
    const clock = createClock();
    expect(clock.overridden()).toBe(false);
    const before = Date.now();
    const now = clock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('stands still once set, however much real time passes', async () => {
    const clock = createClock();
    clock.set(T);
    expect(clock.overridden()).toBe(true);
    expect(clock.now()).toBe(T);
    await pause(25);
    expect(clock.now()).toBe(T);
    clock.set(T - 1000); // set again: back in time is allowed too
    expect(clock.now()).toBe(T - 1000);
  });

  it('moves only when advanced, by exactly that much', async () => {
    const clock = createClock();
    clock.set(T);
    clock.advance(1);
    clock.advance(3_600_000);
    expect(clock.now()).toBe(T + 3_600_001);
    clock.advance(0);
    expect(clock.now()).toBe(T + 3_600_001);
    expect(() => clock.advance(-1)).toThrow(/only moves forward/);
    expect(() => clock.advance(Number.NaN)).toThrow(/only moves forward/);
    expect(clock.now()).toBe(T + 3_600_001);
  });

  it('refuses to advance real time (a test that does has forgotten to set it)', () => {
    const clock = createClock();
    expect(() => clock.advance(1000)).toThrow(/needs a set clock/);
    expect(clock.overridden()).toBe(false);
  });

  it('returns to real time when set to null', async () => {
    const clock = createClock();
    clock.set(T);
    clock.set(null);
    expect(clock.overridden()).toBe(false);
    const before = Date.now();
    await pause(5);
    const now = clock.now();
    expect(now).toBeGreaterThan(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describe('system.setNow and system.info', () => {
  it('set a clock that stands still, and null returns to real time', async () => {
    const tc = await testCore();
    core = tc;
    expect((await tc.api('system.info', {})).clockOverridden).toBe(false);
    await tc.api('system.setNow', { now: T });
    await pause(25);
    expect(await tc.api('system.info', {})).toMatchObject({ now: T, clockOverridden: true });
    // What is written takes the still time too.
    const app = await tc.api('applications.create', { company: 'Acme', role: 'Engineer', stage: 'applied' });
    expect(app).toMatchObject({ createdAt: T, appliedAt: T, stageChangedAt: T });
    await tc.api('system.setNow', { now: T + 60_000 });
    expect((await tc.api('system.info', {})).now).toBe(T + 60_000);
    await tc.api('system.setNow', { now: null });
    const info = await tc.api('system.info', {});
    expect(info.clockOverridden).toBe(false);
    expect(Math.abs(info.now - Date.now())).toBeLessThan(60_000);
  });

  it('refuse to set the clock outside a --test-clock session', async () => {
    core = await startCore({ dataDir: '/nonexistent', dbFile: ':memory:', migrationsFolder: MIGRATIONS, version: 'test', dispatch: { log: () => {} } });
    const env = await core.call('system.setNow', { now: T });
    expect(!env.ok && env.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/--test-clock/) });
    expect(core.ctx.clock.overridden()).toBe(false);
  });
});
