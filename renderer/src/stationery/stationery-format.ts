// Stationery's words and money: kind labels, and cents to and from what a person types.
import type { StationeryKind } from '../../../electron/shared/domain';

export const KIND_LABELS: Record<StationeryKind, string> = { card: 'Card', envelope: 'Envelope', stamp: 'Stamp' };
export const KIND_PLURAL: Record<StationeryKind, string> = { card: 'cards', envelope: 'envelopes', stamp: 'stamps' };

/** Minor units to a currency string: 78, "USD" → "$0.78". */
export function cents(value: number | null, currency: string): string {
  if (value == null) return '—';
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(value / 100);
  } catch {
    return `${(value / 100).toFixed(2)} ${currency}`;
  }
}

/** "12.50" → 1250; "" → null; anything else → undefined (invalid). */
export function parseMoney(v: string): number | null | undefined {
  const s = v.trim().replace(',', '.');
  if (s === '') return null;
  if (!/^\d+(\.\d{0,2})?$/.test(s)) return undefined;
  return Math.round(Number(s) * 100);
}

export const centsToInput = (c: number | null) => (c == null ? '' : (c / 100).toFixed(2));
