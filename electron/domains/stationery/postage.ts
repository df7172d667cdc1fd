// Which stamps a card needs. Mail within the sender's country takes one domestic stamp. Mail abroad (the
// recipient's country differs from the profile's) takes one international stamp; with none on hand,
// domestic stamps whose face values add up to the international rate stand in. The rate is the postage
// value of the person's international stamp item (the highest, if several): keeping one, even with none
// on hand, is how Courtesy learns what a card abroad costs. Stamps of another currency never mix.
import type { Ctx } from '../../db/context';
import { stmt } from '../../db/sql';
import { countryCode, countryName, isInternational } from '../../shared/countries';
import type { StampScope } from '../../shared/domain';
import { notFound } from '../../shared/errors';
import { getSettings } from '../settings/settings';

export interface StampRow {
  id: number;
  name: string;
  onHand: number;
  postageCents: number | null;
  scope: StampScope;
  currency: string;
}

export interface StampPlan {
  international: boolean;
  /** The recipient's country as printed for people ("Germany"), when known. */
  destination: string | null;
  stamps: Array<{ itemId: number; name: string; count: number; postageCents: number | null; scope: StampScope; currency: string; onHand: number }>;
  /** Why the stamps on hand do not cover the postage; null when they do (or when no stamps are tracked). */
  short: string | null;
  /** The stamps to use anyway (count going below zero) when the person goes ahead despite `short`. */
  anyway: StampPlan['stamps'];
  /** Nothing to count: no stamp item is tracked (or none for mail abroad). */
  untracked: boolean;
}

const STAMPS = `
SELECT i.id, i.name, coalesce(sum(l.delta), 0) AS onHand, i.postage_cents AS postageCents, i.scope, i.currency
FROM stationery_items i LEFT JOIN stationery_ledger l ON l.item_id = i.id
WHERE i.archived_at IS NULL AND i.kind = 'stamp'
GROUP BY i.id ORDER BY onHand DESC, i.id ASC`;

export const money = (cents: number, currency: string) => new Intl.NumberFormat('en', { style: 'currency', currency }).format(cents / 100);
const use = (s: StampRow, count: number) => ({ itemId: s.id, name: s.name, count, postageCents: s.postageCents, scope: s.scope, currency: s.currency, onHand: s.onHand });

/** The recipient's country for a note: the address chosen for its envelope, else the contact's primary one. */
function recipientCountry(ctx: Ctx, noteId: number): string | null {
  const row = stmt<{ country: string | null }>(
    ctx.sqlite,
    `SELECT CASE WHEN ca.id IS NOT NULL THEN ca.country ELSE ct.country END AS country
     FROM notes n LEFT JOIN contacts ct ON ct.id = n.contact_id LEFT JOIN contact_addresses ca ON ca.id = n.address_id
     WHERE n.id = ?`,
  ).get(noteId);
  if (!row) throw notFound('Note', noteId);
  return row.country;
}

export function planStamps(ctx: Ctx, noteId: number): StampPlan {
  const to = recipientCountry(ctx, noteId);
  const from = getSettings(ctx).profile.country;
  const international = isInternational(from, to);
  const code = countryCode(to);
  const destination = to === null ? null : ((code && countryName(code)) ?? to.trim());
  const all = stmt<StampRow>(ctx.sqlite, STAMPS).all();
  const base = { international, destination, stamps: [], short: null, anyway: [], untracked: false };

  if (!international) {
    // Any stamp pays for mail at home; domestic ones first, so international ones are kept for abroad.
    const pick = all.find((s) => s.scope === 'domestic') ?? all[0];
    if (!pick) return { ...base, untracked: true };
    const short = pick.onHand < 1 ? `None left on hand: ${pick.name}.` : null;
    return { ...base, stamps: short ? [] : [use(pick, 1)], short, anyway: [use(pick, 1)] };
  }

  const abroad = all.filter((s) => s.scope === 'international');
  if (abroad.length === 0) {
    return {
      ...base,
      untracked: all.length === 0,
      short:
        all.length === 0
          ? null
          : `This card goes to ${destination} and no international stamp is tracked. Add one in Stationery with its postage value; domestic stamps adding up to that value can then stand in.`,
    };
  }
  const intl = abroad[0]; // the most on hand
  if (intl.onHand >= 1) return { ...base, stamps: [use(intl, 1)], anyway: [use(intl, 1)] };

  const rateItem = abroad.filter((s) => s.postageCents !== null).sort((a, b) => b.postageCents! - a.postageCents!)[0];
  const anyway = [use(intl, 1)];
  if (!rateItem) {
    return { ...base, anyway, short: `No international stamps on hand (${intl.name}). Give it a postage value in Stationery so domestic stamps of enough value can stand in.` };
  }
  const rate = rateItem.postageCents!;
  // Fewest stamps: the highest values first, each as many times as it is on hand, until the rate is met.
  const domestic = all
    .filter((s) => s.scope === 'domestic' && s.postageCents && s.onHand > 0 && s.currency === rateItem.currency)
    .sort((a, b) => b.postageCents! - a.postageCents! || a.id - b.id);
  const stamps: StampPlan['stamps'] = [];
  let total = 0;
  for (const s of domestic) {
    if (total >= rate) break;
    const n = Math.min(s.onHand, Math.ceil((rate - total) / s.postageCents!));
    stamps.push(use(s, n));
    total += n * s.postageCents!;
  }
  if (total >= rate) return { ...base, stamps, anyway: stamps };
  const have = domestic.reduce((t, s) => t + s.onHand * s.postageCents!, 0);
  return {
    ...base,
    anyway,
    short: `Not enough postage for ${destination}: it takes ${money(rate, rateItem.currency)} (${rateItem.name}). No international stamps are on hand and your domestic stamps add up to ${money(have, rateItem.currency)}.`,
  };
}
