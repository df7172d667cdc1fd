// What an offer may be saved with. Below the domains so the domain and the contract validate alike.
import { z } from 'zod';
import { WORK_MODES } from '../domain';
import { id, optText, timestamp } from '../fields';

const amount = (label: string) =>
  z
    .number({ error: `${label} must be a number.` })
    .int(`${label} must be a whole number.`)
    .min(0, `${label} cannot be negative.`)
    .max(1e10, `${label} is too large.`)
    .nullish()
    .transform((v) => v ?? null);

const isCalendarDay = (v: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] && +m[1] >= 1900 && +m[1] <= 2200;
};

export const OfferSave = z
  .object({
    applicationId: id,
    currency: z
      .string({ error: 'Currency is required.' })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as USD or EUR.'),
    baseSalary: amount('Base salary'),
    bonus: amount('Bonus'),
    signOnBonus: amount('Sign-on bonus'),
    equityTotal: amount('Equity'),
    vestingYears: z
      .number({ error: 'Vesting years must be a number.' })
      .int('Vesting years must be a whole number.')
      .min(1, 'Vesting takes at least 1 year.')
      .max(10, 'Vesting years can be at most 10.')
      .nullish()
      .transform((v) => v ?? null),
    cliffMonths: z
      .number({ error: 'Cliff must be a number of months.' })
      .int('Cliff must be a whole number of months.')
      .min(0, 'Cliff cannot be negative.')
      .max(60, 'Cliff can be at most 60 months.')
      .nullish()
      .transform((v) => v ?? null),
    equityNotes: optText(2000, 'Equity notes'),
    benefits: optText(5000, 'Benefits'),
    startDate: z
      .string()
      .trim()
      .nullish()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || isCalendarDay(v), 'Start date must be a day like 2027-02-01.'),
    deadlineAt: timestamp.nullish().transform((v) => v ?? null),
    location: optText(200, 'Location'),
    workMode: z.enum(WORK_MODES, { error: 'Choose on-site, hybrid or remote.' }).nullish().transform((v) => v ?? null),
    notes: optText(20000, 'Notes'),
  })
  .refine((o) => o.equityTotal == null || o.vestingYears != null, {
    message: 'Say over how many years the equity vests.',
    path: ['vestingYears'],
  });
export type OfferSaveInput = z.output<typeof OfferSave>;
