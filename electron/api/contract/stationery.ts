import { z } from 'zod';
import { LEDGER_REASONS, STAMP_SCOPES, STATIONERY_KINDS } from '../../shared/domain';
import { id, method, optText, reqText } from '../define';

export const StationeryKindField = z.enum(STATIONERY_KINDS, { error: 'Choose card, envelope or stamp.' });

const currency = z
  .string({ error: 'Use a three-letter currency code such as USD or EUR.' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as USD or EUR.');
const cents = (label: string) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be in whole cents.`)
    .min(0, `${label} cannot be negative.`)
    .max(100_000_000, `${label} is too large.`);
const threshold = z
  .number({ error: 'The low-stock threshold must be a number.' })
  .int('The low-stock threshold must be a whole number.')
  .min(0, 'The low-stock threshold cannot be negative.')
  .max(100_000, 'The low-stock threshold is too large.');

export const StationeryItem = z.object({
  id: z.number(),
  kind: z.enum(STATIONERY_KINDS),
  name: z.string(),
  /** Face value of a stamp, in minor units of `currency`. */
  postageCents: z.number().nullable(),
  /** Stamps: good for mail at home (domestic) or abroad (international). Other kinds: always domestic. */
  scope: z.enum(STAMP_SCOPES),
  currency: z.string(),
  lowStockThreshold: z.number(),
  archivedAt: z.number().nullable(),
  onHand: z.number(),
  /** At or below the threshold (with threshold 0: none left). */
  low: z.boolean(),
  /** Total cost of purchases with a cost, divided by their quantity; null when no cost was recorded. */
  averageUnitCostCents: z.number().nullable(),
  purchased: z.number(),
  used: z.number(),
});
export type StationeryItemT = z.output<typeof StationeryItem>;

export const LedgerRow = z.object({
  id: z.number(),
  itemId: z.number(),
  itemName: z.string(),
  kind: z.enum(STATIONERY_KINDS),
  currency: z.string(),
  delta: z.number(),
  reason: z.enum(LEDGER_REASONS),
  noteId: z.number().nullable(),
  recipientName: z.string().nullable(),
  costCents: z.number().nullable(),
  memo: z.string().nullable(),
  at: z.number(),
});

const CostBreakdown = z.object({
  currency: z.string(),
  postageCents: z.number(),
  cardCents: z.number(),
  envelopeCents: z.number(),
  totalCents: z.number(),
});

const itemFields = {
  kind: StationeryKindField,
  name: reqText('Name', 200),
  postageCents: cents('Postage value').nullish(),
  scope: z.enum(STAMP_SCOPES, { error: 'Choose domestic or international.' }).optional(),
  currency: currency.optional(),
  lowStockThreshold: threshold.optional(),
};

export const stationeryContract = {
  'stationery.list': method(
    'Stationery items with the count on hand (derived from the ledger), low-stock flag and average unit cost.',
    z.object({ includeArchived: z.boolean().optional() }),
    z.object({ items: z.array(StationeryItem) }),
  ),
  'stationery.createItem': method(
    'Add a card, envelope or stamp item; with quantity (and optional total cost) its first purchase is recorded in the same transaction.',
    z.object({
      ...itemFields,
      quantity: z
        .number({ error: 'How many must be a number.' })
        .int('How many must be a whole number.')
        .min(1, 'How many must be at least 1 (or leave it empty).')
        .max(100_000, 'How many is too large.')
        .optional(),
      costCents: cents('The total cost').nullish(),
    }),
    StationeryItem,
  ),
  'stationery.updateItem': method(
    'Edit an item (only the fields given change).',
    z.object({ id, ...itemFields }).partial().required({ id: true }),
    StationeryItem,
  ),
  'stationery.archiveItem': method('Archive or restore an item; its ledger is kept.', z.object({ id, archived: z.boolean().optional() }), StationeryItem),
  'stationery.record': method(
    'Record a purchase (positive quantity, optional total cost) or a correction (+/-). Going below zero needs allowNegative.',
    z
      .object({
        itemId: id,
        reason: z.enum(['purchase', 'correction'], { error: 'Choose purchase or correction.' }),
        quantity: z
          .number({ error: 'Enter a quantity.' })
          .int('The quantity must be a whole number.')
          .min(-100_000, 'The quantity is too large.')
          .max(100_000, 'The quantity is too large.')
          .refine((q) => q !== 0, 'The quantity cannot be zero.'),
        costCents: cents('The total cost').nullish(),
        memo: optText(500, 'Memo'),
        allowNegative: z.boolean().optional(),
      })
      .refine((v) => v.reason !== 'purchase' || v.quantity > 0, { message: 'A purchase adds a positive quantity.', path: ['quantity'] })
      .refine((v) => v.reason === 'purchase' || v.costCents == null, { message: 'Only purchases have a cost.', path: ['costCents'] }),
    z.object({ entry: LedgerRow, item: StationeryItem }),
  ),
  'stationery.ledger': method(
    'Ledger rows, newest first, with the recipient of the linked note.',
    z.object({ itemId: id.optional(), limit: z.number().int().min(1).max(10_000).optional() }),
    z.object({ items: z.array(LedgerRow) }),
  ),
  'stationery.postagePlan': method(
    'The stamps mailing this card would use: one domestic stamp at home; abroad, one international stamp or domestic stamps adding up to the international rate.',
    z.object({ noteId: id }),
    z.object({
      international: z.boolean(),
      destination: z.string().nullable(),
      stamps: z.array(
        z.object({ itemId: z.number(), name: z.string(), count: z.number(), postageCents: z.number().nullable(), scope: z.enum(STAMP_SCOPES), currency: z.string(), onHand: z.number() }),
      ),
      /** Why the stamps on hand do not cover the postage; null when they do. */
      short: z.string().nullable(),
      untracked: z.boolean(),
    }),
  ),
  'stationery.summary': method(
    'Cards mailed and the cost per note mailed (postage + card + envelope), per currency: on average so far and for the next card.',
    z.object({}),
    z.object({
      cardsMailed: z.number(),
      /** Average over the notes that used stationery, per currency. */
      perNote: z.array(CostBreakdown.extend({ notes: z.number() })),
      /** What the next card will cost with the items it would use. */
      nextNote: z.array(CostBreakdown),
      /** Items whose cost is unknown (no postage value, no purchase cost), so the figures leave them out. */
      missingCosts: z.array(z.string()),
    }),
  ),
};
