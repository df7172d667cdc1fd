import { afterEach, describe, expect, it } from 'vitest';
import { errorOf, testCore, type TestCore } from '../../testing/core';
import { tx } from '../../db/sql';
import { createNote } from '../notes/records';

let core: TestCore;
afterEach(() => core?.close());
const T0 = Date.UTC(2026, 2, 2, 15);

async function setup(country: string | null) {
  core = await testCore({ now: T0 });
  await core.api('settings.update', { profile: { name: 'Alex Kim', addressLines: '9 Elm Street', city: 'Portland', region: 'OR', postalCode: '97201', country: 'United States' } });
  const { id: contactId } = await core.api('contacts.create', { name: 'Jana Müller', addressLines: 'Unter den Linden 5', city: 'Berlin', postalCode: '10117', country });
  const noteId = tx(core.ctx, () => createNote(core.ctx, { kind: 'thank_you', contactId, applicationId: null, interviewId: null, delivery: 'handwritten', dueAt: null }));
  return noteId;
}

async function stamp(name: string, postageCents: number | null, scope: 'domestic' | 'international', onHand: number) {
  const item = await core.api('stationery.createItem', { kind: 'stamp', name, postageCents, scope });
  if (onHand > 0) await core.api('stationery.record', { itemId: item.id, reason: 'purchase', quantity: onHand });
  return item;
}

const stampUses = () =>
  core.ctx.sqlite
    .prepare("SELECT i.name, l.delta FROM stationery_ledger l JOIN stationery_items i ON i.id = l.item_id WHERE l.reason = 'use' AND i.kind = 'stamp' ORDER BY i.name")
    .all() as Array<{ name: string; delta: number }>;
const onHand = (name: string) =>
  core.ctx.sqlite.prepare('SELECT coalesce(sum(l.delta), 0) FROM stationery_items i LEFT JOIN stationery_ledger l ON l.item_id = i.id WHERE i.name = ?').pluck().get(name);

describe('postage for a mailed card', () => {
  it('at home uses one domestic stamp and keeps the international ones', async () => {
    const noteId = await setup('USA');
    await stamp('Global Forever', 170, 'international', 5);
    await stamp('Forever', 78, 'domestic', 3);
    const plan = await core.api('stationery.postagePlan', { noteId });
    expect(plan).toMatchObject({ international: false, short: null, stamps: [{ name: 'Forever', count: 1, scope: 'domestic' }] });
    const res = await core.api('notes.advance', { id: noteId, status: 'mailed' });
    expect(res.stationery).toEqual([expect.objectContaining({ kind: 'stamp', count: 1, onHandAfter: 2 })]);
    expect(stampUses()).toEqual([{ name: 'Forever', delta: -1 }]);
  });

  it('follows the address chosen for the envelope, not only the primary one', async () => {
    const noteId = await setup('USA');
    await stamp('Forever', 78, 'domestic', 3);
    await stamp('Global Forever', 170, 'international', 2);
    expect((await core.api('stationery.postagePlan', { noteId })).international).toBe(false);
    const contactId = core.ctx.sqlite.prepare('SELECT contact_id FROM notes WHERE id = ?').pluck().get(noteId) as number;
    const berlin = core.ctx.sqlite
      .prepare("INSERT INTO contact_addresses (contact_id, lines, city, postal_code, country, label, position) VALUES (?, 'Friedrichstraße 1', 'Berlin', '10117', 'DE', 'work', 1)")
      .run(contactId).lastInsertRowid;
    core.ctx.sqlite.prepare('UPDATE notes SET address_id = ? WHERE id = ?').run(berlin, noteId);
    expect(await core.api('stationery.postagePlan', { noteId })).toMatchObject({ international: true, destination: 'Germany', stamps: [{ name: 'Global Forever' }] });
  });

  it('abroad uses an international stamp', async () => {
    const noteId = await setup('Deutschland');
    await stamp('Forever', 78, 'domestic', 3);
    await stamp('Global Forever', 170, 'international', 2);
    const plan = await core.api('stationery.postagePlan', { noteId });
    expect(plan).toMatchObject({ international: true, destination: 'Germany', short: null, stamps: [{ name: 'Global Forever', count: 1 }] });
    await core.api('notes.advance', { id: noteId, status: 'mailed' });
    expect(stampUses()).toEqual([{ name: 'Global Forever', delta: -1 }]);
  });

  it('abroad without an international stamp on hand uses domestic stamps adding up to its value, fewest first', async () => {
    const noteId = await setup('DE');
    await stamp('Global Forever', 170, 'international', 0);
    await stamp('Forever', 78, 'domestic', 5);
    await stamp('Postcard', 56, 'domestic', 1);
    await stamp('Two cents', 2, 'domestic', 10);
    const plan = await core.api('stationery.postagePlan', { noteId });
    // Highest values first: three 78¢ stamps (234¢) cover 170¢; the smaller ones stay.
    expect(plan.short).toBeNull();
    expect(plan.stamps.map((s) => [s.name, s.count])).toEqual([['Forever', 3]]);
    const res = await core.api('notes.advance', { id: noteId, status: 'mailed' });
    expect(res.stationery.filter((s) => s.kind === 'stamp')).toEqual([expect.objectContaining({ count: 3, onHandAfter: 2 })]);
    expect(stampUses()).toEqual([{ name: 'Forever', delta: -3 }]);
    // One transaction wrote the use and the status together.
    expect((await core.api('notes.get', { id: noteId })).status).toBe('mailed');
  });

  it('mixes values when the largest alone runs out', async () => {
    const noteId = await setup('DE');
    await stamp('Global Forever', 170, 'international', 0);
    await stamp('Forever', 78, 'domestic', 2);
    await stamp('Postcard', 56, 'domestic', 1);
    const plan = await core.api('stationery.postagePlan', { noteId });
    expect(plan.stamps.map((s) => [s.name, s.count])).toEqual([
      ['Forever', 2],
      ['Postcard', 1],
    ]);
  });

  it('abroad with not enough refuses with a field error and writes nothing', async () => {
    const noteId = await setup('Germany');
    await stamp('Global Forever', 170, 'international', 0);
    await stamp('Forever', 78, 'domestic', 2);
    const plan = await core.api('stationery.postagePlan', { noteId });
    expect(plan.short).toBe(
      'Not enough postage for Germany: it takes $1.70 (Global Forever). No international stamps are on hand and your domestic stamps add up to $1.56.',
    );
    const before = core.ctx.sqlite.prepare('SELECT count(*) FROM stationery_ledger').pluck().get();
    const err = await errorOf(core.api('notes.advance', { id: noteId, status: 'mailed' }));
    expect(err.code).toBe('conflict');
    expect(err.fields?.stamps).toBe(plan.short);
    expect(core.ctx.sqlite.prepare('SELECT count(*) FROM stationery_ledger').pluck().get()).toBe(before);
    expect((await core.api('notes.get', { id: noteId })).status).toBe('draft');
    // Going ahead anyway counts one international stamp below zero.
    const res = await core.api('notes.advance', { id: noteId, status: 'mailed', allowNegativeStock: true });
    expect(res.warnings.join(' ')).toMatch(/Global Forever is now below zero/);
    expect(onHand('Global Forever')).toBe(-1);
  });

  it('abroad with only domestic stamps tracked says how to set the international rate', async () => {
    const noteId = await setup('Japan');
    await stamp('Forever', 78, 'domestic', 9);
    const err = await errorOf(core.api('notes.advance', { id: noteId, status: 'mailed' }));
    expect(err.fields?.stamps).toMatch(/goes to Japan and no international stamp is tracked/);
    expect(stampUses()).toEqual([]);
  });

  it('edits a stamp’s value and scope; other kinds stay domestic', async () => {
    await setup(null);
    const s = await stamp('Forever', 78, 'domestic', 0);
    expect(await core.api('stationery.updateItem', { id: s.id, postageCents: 170, scope: 'international' })).toMatchObject({ postageCents: 170, scope: 'international' });
    expect(await core.api('stationery.updateItem', { id: s.id, kind: 'card' })).toMatchObject({ postageCents: null, scope: 'domestic' });
    expect((await errorOf(core.api('stationery.updateItem', { id: s.id, scope: 'galactic' as never }))).fields?.scope).toMatch(/domestic or international/);
    expect((await errorOf(core.api('stationery.postagePlan', { noteId: 999 }))).code).toBe('not_found');
  });
});
