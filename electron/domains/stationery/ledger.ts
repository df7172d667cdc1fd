// Stock on hand is derived from the ledger, never stored. Shared by Today and the stationery domain.
import type { Ctx } from '../../db/context';
import { stmt } from '../../db/sql';
import type { StationeryKind } from '../../shared/domain';

export interface StockRow {
  id: number;
  kind: StationeryKind;
  name: string;
  onHand: number;
  lowStockThreshold: number;
  postageCents: number | null;
  currency: string;
}

export const STOCK_SELECT = `
SELECT i.id, i.kind, i.name, coalesce(sum(l.delta), 0) AS onHand, i.low_stock_threshold AS lowStockThreshold,
       i.postage_cents AS postageCents, i.currency
FROM stationery_items i LEFT JOIN stationery_ledger l ON l.item_id = i.id
WHERE i.archived_at IS NULL
GROUP BY i.id`;

export function stock(ctx: Ctx): StockRow[] {
  return stmt<StockRow>(ctx.sqlite, STOCK_SELECT + ' ORDER BY i.kind, i.name, i.id').all();
}

/** Items at or below their threshold (an item with threshold 0 warns only when none are left). */
export function lowStock(ctx: Ctx): StockRow[] {
  return stock(ctx).filter((s) => s.onHand <= s.lowStockThreshold);
}
