// Stationery: items (cards, envelopes, stamps) and a ledger of purchases, uses and corrections.
// The count on hand is always derived from the ledger (stationery-core.ts), never stored.
import type { z } from 'zod';
import type { Ctx, Handlers } from '../../db/context';
import { insertRow, pick, stmt, tx, updateRow } from '../../db/sql';
import { stationeryItems, stationeryLedger } from '../../db/schema';
import type { LedgerRow, StationeryItemT } from '../../api/contract/stationery';
import { conflict, invalid, notFound } from '../../shared/errors';
import type { StationeryKind } from '../../shared/domain';
import { listAnd, type Forms } from '../../shared/words';
import { planStamps } from './postage';

const KIND_LABEL: Record<StationeryKind, Forms> = {
  card: { one: 'card', other: 'cards' },
  envelope: { one: 'envelope', other: 'envelopes' },
  stamp: { one: 'stamp', other: 'stamps' },
};

interface OnHandRow {
  id: number;
  name: string;
  onHand: number;
}

// Raw SQL in this module: stock is a sum over the ledger, grouped per item (a report, not CRUD).

/** The non-archived item of a kind with the most on hand (ties: lowest id), or undefined. */
function bestItem(ctx: Ctx, kind: StationeryKind): OnHandRow | undefined {
  return stmt<OnHandRow>(
    ctx.sqlite,
    `SELECT i.id, i.name, coalesce(sum(l.delta), 0) AS onHand
     FROM stationery_items i LEFT JOIN stationery_ledger l ON l.item_id = i.id
     WHERE i.archived_at IS NULL AND i.kind = ?
     GROUP BY i.id ORDER BY onHand DESC, i.id ASC LIMIT 1`,
  ).get(kind);
}

export interface MailedCardUse {
  used: Array<{ itemId: number; kind: 'card' | 'stamp' | 'envelope'; onHandAfter: number; count: number }>;
  warnings: string[];
}

/**
 * Records one card, the stamps the postage needs (postage.ts: one domestic stamp; abroad, one international
 * stamp or domestic stamps of enough value) and (when the user keeps envelopes) one envelope as 'use' rows
 * linked to the note, one row per item. Call inside the caller's transaction. Throws a conflict (fields
 * `stamps` or `stock`) and writes nothing when the postage is not covered or an item would go below zero,
 * unless allowNegative.
 */
export function useForMailedCard(ctx: Ctx, noteId: number, opts: { allowNegative: boolean }): MailedCardUse {
  const warnings: string[] = [];
  const picks: Array<{ kind: StationeryKind; item: OnHandRow; count: number }> = [];
  for (const kind of ['card', 'envelope'] as const) {
    const item = bestItem(ctx, kind);
    if (!item) {
      // Envelopes are optional: many people do not track them. Cards and stamps are the point.
      if (kind !== 'envelope') warnings.push(`No ${KIND_LABEL[kind].other} are tracked in Stationery, so none was counted as used.`);
      continue;
    }
    picks.push({ kind, item, count: 1 });
  }
  const plan = planStamps(ctx, noteId);
  if (plan.untracked) warnings.push(`No ${plan.international ? 'international stamps' : 'stamps'} are tracked in Stationery, so none was counted as used.`);
  // Postage abroad not covered: its own field. A domestic stamp run out is plain stock, below.
  if (plan.short !== null && plan.international && !opts.allowNegative) {
    throw conflict(`${plan.short} Mark it mailed anyway?`, { stamps: plan.short });
  }
  if (plan.short !== null && plan.anyway.length === 0) warnings.push(`${plan.short} No stamp was counted as used.`);
  for (const st of plan.short === null ? plan.stamps : plan.anyway) picks.push({ kind: 'stamp', item: { id: st.itemId, name: st.name, onHand: st.onHand }, count: st.count });

  const short = picks.filter((p) => p.item.onHand - p.count < 0 && !(p.kind === 'stamp' && plan.international));
  if (short.length > 0 && !opts.allowNegative) {
    const names = listAnd(short.map((p) => `${p.item.name} (${KIND_LABEL[p.kind].one})`));
    throw conflict(`None left on hand: ${names}. Mark it mailed anyway and let the count go below zero?`, {
      stock: `Out of ${listAnd(short.map((p) => KIND_LABEL[p.kind].other))}: ${names}.`,
    });
  }
  const now = ctx.clock.now();
  const used: MailedCardUse['used'] = [];
  const order: Record<StationeryKind, number> = { card: 0, stamp: 1, envelope: 2 };
  for (const p of picks.sort((a, b) => order[a.kind] - order[b.kind])) {
    insertRow(ctx, stationeryLedger, { itemId: p.item.id, delta: -p.count, reason: 'use', noteId, at: now });
    const after = p.item.onHand - p.count;
    used.push({ itemId: p.item.id, kind: p.kind, onHandAfter: after, count: p.count });
    if (after < 0) warnings.push(`${p.item.name} is now below zero on hand (${after}); record a purchase or a correction.`);
  }
  return { used, warnings };
}

// ---------------------------------------------------------------------------------------------------------
// Items and ledger

type Item = StationeryItemT;

const ITEM_SELECT = `
SELECT i.id, i.kind, i.name, i.postage_cents AS postageCents, i.scope, i.currency, i.low_stock_threshold AS lowStockThreshold,
       i.archived_at AS archivedAt,
       coalesce(sum(l.delta), 0) AS onHand,
       coalesce(sum(CASE WHEN l.reason = 'purchase' THEN l.delta END), 0) AS purchased,
       coalesce(-sum(CASE WHEN l.reason = 'use' THEN l.delta END), 0) AS used,
       sum(CASE WHEN l.reason = 'purchase' AND l.cost_cents IS NOT NULL AND l.delta > 0 THEN l.cost_cents END) AS costSum,
       sum(CASE WHEN l.reason = 'purchase' AND l.cost_cents IS NOT NULL AND l.delta > 0 THEN l.delta END) AS costQty
FROM stationery_items i LEFT JOIN stationery_ledger l ON l.item_id = i.id`;

type ItemRow = Omit<Item, 'low' | 'averageUnitCostCents'> & { costSum: number | null; costQty: number | null };

function toItem(r: ItemRow): Item {
  const { costSum, costQty, ...rest } = r;
  return {
    ...rest,
    low: r.onHand <= r.lowStockThreshold,
    averageUnitCostCents: costSum !== null && costQty ? costSum / costQty : null,
  };
}

export function listItems(ctx: Ctx, includeArchived = false): Item[] {
  return stmt<ItemRow>(
    ctx.sqlite,
    `${ITEM_SELECT} WHERE (@all = 1 OR i.archived_at IS NULL) GROUP BY i.id
     ORDER BY i.archived_at IS NOT NULL, CASE i.kind WHEN 'card' THEN 0 WHEN 'envelope' THEN 1 ELSE 2 END, i.name COLLATE NOCASE, i.id`,
  )
    .all({ all: includeArchived ? 1 : 0 })
    .map(toItem);
}

export function getItem(ctx: Ctx, itemId: number): Item {
  const row = stmt<ItemRow>(ctx.sqlite, `${ITEM_SELECT} WHERE i.id = ? GROUP BY i.id`).get(itemId);
  if (!row) throw notFound('Stationery item', itemId);
  return toItem(row);
}

/** What one unit of an item costs: a stamp's face value, otherwise the average purchase price. */
function unitCost(item: Pick<Item, 'kind' | 'postageCents' | 'averageUnitCostCents'>): number | null {
  if (item.kind === 'stamp' && item.postageCents !== null) return item.postageCents;
  return item.averageUnitCostCents;
}

const LEDGER_SELECT = `
SELECT l.id, l.item_id AS itemId, i.name AS itemName, i.kind, i.currency, l.delta, l.reason, l.note_id AS noteId,
       CASE WHEN l.note_id IS NULL THEN NULL ELSE coalesce(ct.name, n.recipient_name) END AS recipientName,
       l.cost_cents AS costCents, l.memo, l.at
FROM stationery_ledger l
JOIN stationery_items i ON i.id = l.item_id
LEFT JOIN notes n ON n.id = l.note_id
LEFT JOIN contacts ct ON ct.id = n.contact_id`;
type LedgerRowT = z.output<typeof LedgerRow>;

function ledgerRows(ctx: Ctx, itemId: number | null, limit: number): LedgerRowT[] {
  return stmt<LedgerRowT>(ctx.sqlite, `${LEDGER_SELECT} WHERE (@item IS NULL OR l.item_id = @item) ORDER BY l.at DESC, l.id DESC LIMIT @limit`).all({
    item: itemId,
    limit,
  });
}

/** Records a purchase or a correction. Refuses (conflict on `quantity`) to go below zero unless allowed. */
export function recordEntry(
  ctx: Ctx,
  input: { itemId: number; reason: 'purchase' | 'correction'; quantity: number; costCents?: number | null; memo?: string | null; allowNegative?: boolean },
) {
  return tx(ctx, () => {
    const item = getItem(ctx, input.itemId);
    if (item.archivedAt !== null) throw conflict(`${item.name} is archived; restore it before recording.`, { itemId: 'This item is archived.' });
    const after = item.onHand + input.quantity;
    if (after < 0 && !input.allowNegative) {
      throw conflict(`${item.name}: this would leave ${after} on hand (${item.onHand} now). Record it anyway?`, {
        quantity: `Only ${item.onHand} on hand; this would go below zero (${after}).`,
      });
    }
    const entryId = insertRow(ctx, stationeryLedger, {
      itemId: item.id,
      delta: input.quantity,
      reason: input.reason,
      costCents: input.reason === 'purchase' ? (input.costCents ?? null) : null,
      memo: input.memo ?? null,
      at: ctx.clock.now(),
    });
    const entry = stmt<LedgerRowT>(ctx.sqlite, `${LEDGER_SELECT} WHERE l.id = ?`).get(entryId)!;
    return { entry, item: getItem(ctx, item.id) };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Cost per note mailed

interface Breakdown {
  currency: string;
  postageCents: number;
  cardCents: number;
  envelopeCents: number;
  totalCents: number;
}
const PART: Record<StationeryKind, 'cardCents' | 'envelopeCents' | 'postageCents'> = { card: 'cardCents', envelope: 'envelopeCents', stamp: 'postageCents' };
const round2 = (n: number) => Math.round(n * 100) / 100;

export function summary(ctx: Ctx) {
  const items = new Map(listItems(ctx, true).map((i) => [i.id, i]));
  const missing = new Set<string>();
  const costOf = (item: Item) => {
    const c = unitCost(item);
    if (c === null) missing.add(item.name);
    return c ?? 0;
  };

  // Actual uses so far, grouped by the item's currency.
  const uses = stmt<{ itemId: number; noteId: number | null; count: number }>(
    ctx.sqlite,
    "SELECT item_id AS itemId, note_id AS noteId, -sum(delta) AS count FROM stationery_ledger WHERE reason = 'use' GROUP BY item_id, note_id",
  ).all();
  const perNote = new Map<string, Breakdown & { noteIds: Set<number | string> }>();
  for (const u of uses) {
    const item = items.get(u.itemId)!;
    let b = perNote.get(item.currency);
    if (!b) perNote.set(item.currency, (b = { currency: item.currency, postageCents: 0, cardCents: 0, envelopeCents: 0, totalCents: 0, noteIds: new Set() }));
    b[PART[item.kind]] += costOf(item) * u.count;
    b.noteIds.add(u.noteId ?? `item${u.itemId}`);
  }

  // The next card: the items useForMailedCard would pick now.
  const next = new Map<string, Breakdown>();
  for (const kind of ['card', 'stamp', 'envelope'] as const) {
    const pick = bestItem(ctx, kind);
    if (!pick) continue;
    const item = items.get(pick.id)!;
    let b = next.get(item.currency);
    if (!b) next.set(item.currency, (b = { currency: item.currency, postageCents: 0, cardCents: 0, envelopeCents: 0, totalCents: 0 }));
    b[PART[kind]] += costOf(item);
  }

  const finish = (b: Breakdown, divisor: number): Breakdown => {
    const postageCents = round2(b.postageCents / divisor);
    const cardCents = round2(b.cardCents / divisor);
    const envelopeCents = round2(b.envelopeCents / divisor);
    return { currency: b.currency, postageCents, cardCents, envelopeCents, totalCents: round2(postageCents + cardCents + envelopeCents) };
  };
  const cardsMailed = stmt<{ n: number }>(ctx.sqlite, "SELECT count(*) AS n FROM notes WHERE delivery = 'handwritten' AND status = 'mailed'").get()!.n;
  return {
    cardsMailed,
    perNote: [...perNote.values()]
      .sort((a, b) => a.currency.localeCompare(b.currency))
      .map((b) => ({ ...finish(b, b.noteIds.size), notes: b.noteIds.size })),
    nextNote: [...next.values()].sort((a, b) => a.currency.localeCompare(b.currency)).map((b) => finish(b, 1)),
    missingCosts: [...missing],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Handlers

/** The fields stationery.updateItem may change, by their schema names. */
const ITEM_FIELDS = ['kind', 'name', 'postageCents', 'scope', 'currency', 'lowStockThreshold'] as const;

export const stationeryHandlers: Handlers<
  'stationery.list' | 'stationery.createItem' | 'stationery.updateItem' | 'stationery.archiveItem' | 'stationery.record' | 'stationery.ledger' | 'stationery.postagePlan' | 'stationery.summary'
> = {
  'stationery.list': ({ includeArchived }, ctx) => ({ items: listItems(ctx, includeArchived ?? false) }),
  'stationery.createItem': (input, ctx) => {
    if (input.costCents != null && input.quantity === undefined) throw invalid({ quantity: 'Say how many the cost is for.' }, 'Say how many the cost is for.');
    // The item and its first purchase together: never an item that says "0 left" for what was just bought.
    const id = tx(ctx, () => {
      const itemId = insertRow(ctx, stationeryItems, {
        kind: input.kind,
        name: input.name,
        postageCents: input.kind === 'stamp' ? (input.postageCents ?? null) : null,
        scope: input.kind === 'stamp' ? (input.scope ?? 'domestic') : 'domestic',
        currency: input.currency ?? 'USD',
        lowStockThreshold: input.lowStockThreshold ?? 0,
      });
      if (input.quantity !== undefined) recordEntry(ctx, { itemId, reason: 'purchase', quantity: input.quantity, costCents: input.costCents ?? null });
      return itemId;
    });
    return getItem(ctx, id);
  },
  'stationery.updateItem': (input, ctx) => {
    const current = getItem(ctx, input.id);
    const kind = input.kind ?? current.kind;
    // Only stamps carry postage: any other kind has none, whatever the input says.
    const noPostage = kind !== 'stamp' && (input.postageCents !== undefined || current.postageCents !== null || input.scope !== undefined || current.scope !== 'domestic');
    const changes = { ...pick(input, ITEM_FIELDS), ...(noPostage ? { postageCents: null, scope: 'domestic' as const } : {}) };
    if (!updateRow(ctx, stationeryItems, input.id, changes)) return current;
    return getItem(ctx, input.id);
  },
  'stationery.archiveItem': ({ id, archived }, ctx) => {
    getItem(ctx, id);
    updateRow(ctx, stationeryItems, id, { archivedAt: archived === false ? null : ctx.clock.now() });
    return getItem(ctx, id);
  },
  'stationery.record': (input, ctx) => recordEntry(ctx, input),
  'stationery.ledger': ({ itemId, limit }, ctx) => {
    if (itemId !== undefined) getItem(ctx, itemId);
    return { items: ledgerRows(ctx, itemId ?? null, limit ?? 500) };
  },
  'stationery.postagePlan': ({ noteId }, ctx) => {
    const { anyway: _anyway, ...plan } = planStamps(ctx, noteId);
    return plan;
  },
  'stationery.summary': (_input, ctx) => summary(ctx),
};
