import { afterEach, describe, expect, it } from 'vitest';
import { tx } from '../../db/sql';
import { AppError } from '../../shared/errors';
import { errorOf, testCore, type TestCore } from '../../testing/core';
import { createNote } from '../notes/records';
import { useForMailedCard } from './stationery';

let core: TestCore;
afterEach(() => core?.close());
const T0 = Date.UTC(2026, 2, 2, 15);


function cardNote(contactName: string) {
  const contactId = Number(core.ctx.sqlite.prepare('INSERT INTO contacts (name) VALUES (?)').run(contactName).lastInsertRowid);
  return tx(core.ctx, () => createNote(core.ctx, { kind: 'thank_you', contactId, applicationId: null, interviewId: null, delivery: 'handwritten', dueAt: null }));
}

const ledgerCount = () => (core.ctx.sqlite.prepare('SELECT count(*) AS n FROM stationery_ledger').get() as { n: number }).n;

describe('stationery ledger', () => {
  it('derives on hand, the average unit cost and the low flag from purchases, uses and corrections', async () => {
    core = await testCore({ now: T0 });
    const cards = await core.api('stationery.createItem', { kind: 'card', name: 'Letterpress thank-you cards', lowStockThreshold: 3 });
    expect(cards).toMatchObject({ onHand: 0, low: true, averageUnitCostCents: null, postageCents: null, currency: 'USD' });
    await core.api('stationery.record', { itemId: cards.id, reason: 'purchase', quantity: 10, costCents: 1800 });
    const r = await core.api('stationery.record', { itemId: cards.id, reason: 'purchase', quantity: 5, costCents: 1200, memo: 'Paper shop' });
    expect(r.item).toMatchObject({ onHand: 15, low: false, purchased: 15, averageUnitCostCents: 200 });
    expect(r.entry).toMatchObject({ delta: 5, reason: 'purchase', costCents: 1200, memo: 'Paper shop', itemName: 'Letterpress thank-you cards' });
    // A purchase without a cost adds stock but leaves the average alone.
    await core.api('stationery.record', { itemId: cards.id, reason: 'purchase', quantity: 5 });
    const fix = await core.api('stationery.record', { itemId: cards.id, reason: 'correction', quantity: -17, memo: 'Water damage' });
    expect(fix.item).toMatchObject({ onHand: 3, low: true, purchased: 20, averageUnitCostCents: 200 });
    expect(r.entry.at).toBe(T0);
    const [listed] = (await core.api('stationery.list', {})).items;
    expect(listed).toMatchObject({ id: cards.id, onHand: 3, low: true });
  });

  it('adds a pack with its count and cost in one call, as the item and its first purchase', async () => {
    core = await testCore({ now: T0 });
    const stamps = await core.api('stationery.createItem', { kind: 'stamp', name: 'Forever stamps', postageCents: 78, lowStockThreshold: 5, quantity: 20, costCents: 1560 });
    expect(stamps).toMatchObject({ onHand: 20, low: false, purchased: 20, averageUnitCostCents: 78 });
    expect((await core.api('stationery.ledger', { itemId: stamps.id })).items).toMatchObject([{ delta: 20, reason: 'purchase', costCents: 1560 }]);
    // A cost without a count is refused, and nothing is created.
    const err = await errorOf(core.api('stationery.createItem', { kind: 'card', name: 'Cards', costCents: 1200 }));
    expect(err.fields).toEqual({ quantity: 'Say how many the cost is for.' });
    expect((await core.api('stationery.list', {})).items).toHaveLength(1);
    expect((await errorOf(core.api('stationery.createItem', { kind: 'card', name: 'Cards', quantity: 0 }))).fields?.quantity).toMatch(/at least 1/);
    expect(ledgerCount()).toBe(1);
  });

  it('asks before going below zero, and records nothing until allowed', async () => {
    core = await testCore({ now: T0 });
    const stamps = await core.api('stationery.createItem', { kind: 'stamp', name: 'Forever stamps', postageCents: 78, currency: 'usd' });
    expect(stamps.currency).toBe('USD');
    await core.api('stationery.record', { itemId: stamps.id, reason: 'purchase', quantity: 2, costCents: 156 });
    const err = await errorOf(core.api('stationery.record', { itemId: stamps.id, reason: 'correction', quantity: -3 }));
    expect(err.code).toBe('conflict');
    expect(err.fields?.quantity).toMatch(/Only 2 on hand/);
    expect(ledgerCount()).toBe(1);
    const forced = await core.api('stationery.record', { itemId: stamps.id, reason: 'correction', quantity: -3, allowNegative: true });
    expect(forced.item.onHand).toBe(-1);
  });

  it('validates quantities and costs beside the field', async () => {
    core = await testCore({ now: T0 });
    const item = await core.api('stationery.createItem', { kind: 'envelope', name: 'A2 envelopes' });
    const zero = await errorOf(core.api('stationery.record', { itemId: item.id, reason: 'correction', quantity: 0 }));
    expect(zero.fields?.quantity).toMatch(/cannot be zero/);
    const negPurchase = await errorOf(core.api('stationery.record', { itemId: item.id, reason: 'purchase', quantity: -2 }));
    expect(negPurchase.fields?.quantity).toMatch(/positive/);
    const badCost = await errorOf(core.api('stationery.record', { itemId: item.id, reason: 'purchase', quantity: 2, costCents: -5 }));
    expect(badCost.fields?.costCents).toMatch(/cannot be negative/);
    const badName = await errorOf(core.api('stationery.createItem', { kind: 'card', name: '  ' }));
    expect(badName.fields?.name).toMatch(/required/);
    const badCurrency = await errorOf(core.api('stationery.createItem', { kind: 'stamp', name: 'x', currency: 'dollars' }));
    expect(badCurrency.fields?.currency).toMatch(/three-letter/);
    const missing = await errorOf(core.api('stationery.record', { itemId: 999, reason: 'purchase', quantity: 1 }));
    expect(missing.code).toBe('not_found');
    expect(ledgerCount()).toBe(0);
  });

  it('edits and archives items; only stamps keep a postage value', async () => {
    core = await testCore({ now: T0 });
    const item = await core.api('stationery.createItem', { kind: 'stamp', name: 'Stamps', postageCents: 78 });
    const edited = await core.api('stationery.updateItem', { id: item.id, name: 'Global Forever', postageCents: 170, lowStockThreshold: 2 });
    expect(edited).toMatchObject({ name: 'Global Forever', postageCents: 170, lowStockThreshold: 2 });
    const asCard = await core.api('stationery.updateItem', { id: item.id, kind: 'card' });
    expect(asCard.postageCents).toBeNull();
    const archived = await core.api('stationery.archiveItem', { id: item.id });
    expect(archived.archivedAt).toBe(T0); // the test clock stands still at T0
    expect((await core.api('stationery.list', {})).items).toHaveLength(0);
    expect((await core.api('stationery.list', { includeArchived: true })).items).toHaveLength(1);
    const err = await errorOf(core.api('stationery.record', { itemId: item.id, reason: 'purchase', quantity: 1 }));
    expect(err.code).toBe('conflict');
    expect((await core.api('stationery.archiveItem', { id: item.id, archived: false })).archivedAt).toBeNull();
  });
});

describe('useForMailedCard', () => {
  it('uses one card, one stamp and one envelope linked to the note, from the item with the most on hand', async () => {
    core = await testCore({ now: T0 });
    const few = await core.api('stationery.createItem', { kind: 'card', name: 'Few cards' });
    const many = await core.api('stationery.createItem', { kind: 'card', name: 'Many cards', lowStockThreshold: 5 });
    const stampA = await core.api('stationery.createItem', { kind: 'stamp', name: 'Stamp A', postageCents: 78 });
    const stampB = await core.api('stationery.createItem', { kind: 'stamp', name: 'Stamp B', postageCents: 78 });
    const env = await core.api('stationery.createItem', { kind: 'envelope', name: 'Envelopes' });
    await core.api('stationery.record', { itemId: few.id, reason: 'purchase', quantity: 2 });
    await core.api('stationery.record', { itemId: many.id, reason: 'purchase', quantity: 6, costCents: 1200 });
    for (const s of [stampA, stampB]) await core.api('stationery.record', { itemId: s.id, reason: 'purchase', quantity: 3 });
    await core.api('stationery.record', { itemId: env.id, reason: 'purchase', quantity: 4, costCents: 100 });
    const noteId = cardNote('Dana Lee');

    const res = tx(core.ctx, () => useForMailedCard(core.ctx, noteId, { allowNegative: false }));
    expect(res.warnings).toEqual([]);
    expect(res.used).toEqual([
      { itemId: many.id, kind: 'card', onHandAfter: 5, count: 1 },
      { itemId: stampA.id, kind: 'stamp', onHandAfter: 2, count: 1 }, // tie: lowest id
      { itemId: env.id, kind: 'envelope', onHandAfter: 3, count: 1 },
    ]);
    const items = (await core.api('stationery.list', {})).items;
    expect(items.find((i) => i.id === many.id)).toMatchObject({ onHand: 5, used: 1, low: true });
    const ledger = (await core.api('stationery.ledger', {})).items.filter((r) => r.reason === 'use');
    expect(ledger.map((r) => [r.itemName, r.delta, r.noteId, r.recipientName])).toEqual([
      ['Envelopes', -1, noteId, 'Dana Lee'],
      ['Stamp A', -1, noteId, 'Dana Lee'],
      ['Many cards', -1, noteId, 'Dana Lee'],
    ]);
    expect((await core.api('stationery.ledger', { itemId: stampB.id })).items).toHaveLength(1);

    // Cost per note: card 200 + envelope 25 + postage 78.
    core.ctx.sqlite.prepare("UPDATE notes SET status = 'mailed' WHERE id = ?").run(noteId);
    const summary = await core.api('stationery.summary', {});
    expect(summary.cardsMailed).toBe(1);
    expect(summary.perNote).toEqual([{ currency: 'USD', notes: 1, cardCents: 200, envelopeCents: 25, postageCents: 78, totalCents: 303 }]);
    expect(summary.nextNote).toEqual([{ currency: 'USD', cardCents: 200, envelopeCents: 25, postageCents: 78, totalCents: 303 }]);
    expect(summary.missingCosts).toEqual([]);
  });

  it('warns when a kind is not tracked, skips envelopes silently, and refuses to go below zero unless allowed', async () => {
    core = await testCore({ now: T0 });
    const stamp = await core.api('stationery.createItem', { kind: 'stamp', name: 'Forever', postageCents: 78 });
    const noteId = cardNote('Sam Rivera');
    let err: unknown;
    try {
      tx(core.ctx, () => useForMailedCard(core.ctx, noteId, { allowNegative: false }));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('conflict');
    expect((err as AppError).fields?.stock).toMatch(/stamps: Forever/);
    expect(ledgerCount()).toBe(0);

    const res = tx(core.ctx, () => useForMailedCard(core.ctx, noteId, { allowNegative: true }));
    expect(res.used).toEqual([{ itemId: stamp.id, kind: 'stamp', onHandAfter: -1, count: 1 }]);
    expect(res.warnings).toHaveLength(2);
    expect(res.warnings[0]).toMatch(/No cards are tracked/);
    expect(res.warnings[1]).toMatch(/below zero/);
    expect(res.warnings.join(' ')).not.toMatch(/envelope/);

    const summary = await core.api('stationery.summary', {});
    expect(summary.perNote).toEqual([{ currency: 'USD', notes: 1, cardCents: 0, envelopeCents: 0, postageCents: 78, totalCents: 78 }]);
  });

  it('keeps costs apart per currency and names items whose cost is unknown', async () => {
    core = await testCore({ now: T0 });
    const card = await core.api('stationery.createItem', { kind: 'card', name: 'Cards', currency: 'EUR' });
    const stamp = await core.api('stationery.createItem', { kind: 'stamp', name: 'Timbres', currency: 'EUR', postageCents: 139 });
    const env = await core.api('stationery.createItem', { kind: 'envelope', name: 'Envelopes', currency: 'GBP' });
    for (const i of [card, stamp, env]) await core.api('stationery.record', { itemId: i.id, reason: 'purchase', quantity: 4, costCents: i.id === env.id ? 200 : null });
    const summary = await core.api('stationery.summary', {});
    expect(summary.nextNote).toEqual([
      { currency: 'EUR', cardCents: 0, envelopeCents: 0, postageCents: 139, totalCents: 139 },
      { currency: 'GBP', cardCents: 0, envelopeCents: 50, postageCents: 0, totalCents: 50 },
    ]);
    expect(summary.missingCosts).toEqual(['Cards']);
    expect(summary.perNote).toEqual([]);
    expect(summary.cardsMailed).toBe(0);
  });
});
