import { z } from 'zod';
import { WORK_MODES } from '../../shared/domain';
import { OfferSave } from '../../shared/inputs/offers';
import { id, method, ok } from '../define';

export const Offer = z.object({
  id: z.number(),
  applicationId: z.number(),
  company: z.string(),
  role: z.string(),
  stage: z.string(),
  currency: z.string(),
  baseSalary: z.number().nullable(),
  bonus: z.number().nullable(),
  signOnBonus: z.number().nullable(),
  equityTotal: z.number().nullable(),
  vestingYears: z.number().nullable(),
  cliffMonths: z.number().nullable(),
  equityNotes: z.string().nullable(),
  benefits: z.string().nullable(),
  startDate: z.string().nullable(),
  deadlineAt: z.number().nullable(),
  location: z.string().nullable(),
  workMode: z.enum(WORK_MODES).nullable(),
  notes: z.string().nullable(),
  reminderId: z.number().nullable(),
  /** Computed from the amounts (electron/shared/offers.ts): facts, in the offer's own currency. */
  totals: z.object({
    equityPerYear: z.number().nullable(),
    firstYear: z.number(),
    perYear: z.number(),
    notStated: z.array(z.string()),
  }),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type OfferT = z.output<typeof Offer>;

export const offersContract = {
  'offers.list': method('Every offer, with its application, side by side (active applications first, then by deadline).', z.object({}), z.object({ items: z.array(Offer) })),
  'offers.get': method("An application's offer, or null when none is recorded.", z.object({ applicationId: id }), Offer.nullable()),
  'offers.save': method(
    "Record or revise an application's offer, whole (a field left out is cleared); a deadline keeps a reminder two days before it (or at once when sooner).",
    OfferSave,
    Offer,
  ),
  'offers.delete': method("Remove an application's offer and its open deadline reminder.", z.object({ applicationId: id }), ok),
};
