// The shape of the settings. Below the domains so the settings domain validates a merged change with
// the very schema that settings.get answers with; the contract (api/contract/settings.ts) re-exports it.
import { z } from 'zod';
import { CARD_SIZES, DELIVERIES, ENVELOPE_SIZES } from '../domain';
import { REPLY_CHECK_MAX_MINUTES, REPLY_CHECK_OFF } from '../replies';
import { optEmail, optText } from '../fields';

export const Profile = z.object({
  name: optText(200, 'Your name'),
  email: optText(320, 'Your email'),
  phone: optText(50, 'Your phone'),
  addressLines: optText(500, 'Address'),
  city: optText(100, 'City'),
  region: optText(100, 'Region'),
  postalCode: optText(20, 'Postal code'),
  country: optText(100, 'Country'),
  signature: optText(1000, 'Signature'),
});
/** What a profile change may hold: the email follows the one rule (shared/email.ts). A profile saved
 * before that rule is still read back as it is, and refused only when the address is changed. */
export const ProfileInput = Profile.extend({ email: optEmail });

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

export const SettingsShape = z.object({
  profile: Profile,
  timeZone: z.string().refine(isTimeZone, 'Time zone is not one Courtesy knows; use a name like Europe/Paris.'),
  defaultDelivery: z.enum(DELIVERIES),
  thankYouDueHours: z.number().int().min(1, 'Thank-you due after must be at least 1 hour.').max(24 * 14, 'Thank-you due after can be at most 336 hours (two weeks).'),
  reconnectDays: z.number().int().min(1, 'Reconnect after a rejection must be at least 1 day.').max(3650),
  cardWordLimit: z.number().int().min(10, 'Card word limit must be at least 10 words.').max(1000, 'Card word limit can be at most 1,000 words.'),
  mailBusinessDays: z.number().int().min(1, 'Mail delivery must be at least 1 business day.').max(30),
  theme: z.enum(['system', 'light', 'dark']),
  /** The cards and envelopes in the drawer: the print sheets start from these, and the composer remembers a change here. */
  cardSize: z.enum(CARD_SIZES, { error: 'Choose an A2 or A7 card.' }),
  envelopeSize: z.enum(ENVELOPE_SIZES, { error: 'Choose #10, A2 or A7.' }),
  /** Automatic (daily) backups kept; older ones are removed. Backups made by hand are always kept. */
  keepAutomaticBackups: z
    .number({ error: 'Automatic backups to keep must be a number.' })
    .int('Automatic backups to keep must be a whole number.')
    .min(1, 'Keep at least 1 automatic backup.')
    .max(365, 'Keep at most 365 automatic backups.'),
  /** Closed stages the board shows as full columns; the others stay narrow drop targets so eight columns fit. */
  // Stage keys: settings.update checks each is a closed-kind stage (the stages table is the person's own).
  boardExpandedStages: z.array(z.string().min(1).max(64)).max(100),
  /** The person closed Today's first-run checklist before finishing it. */
  firstRunDismissed: z.boolean({ error: 'Say whether the first-run checklist is dismissed (true or false).' }),
  /** Minutes between checks for replies while the app is open (with an account connected); 0: only "Check now". */
  replyCheckMinutes: z
    .number({ error: 'Minutes between checks for replies must be a number.' })
    .int('Minutes between checks for replies must be a whole number.')
    .min(REPLY_CHECK_OFF, 'Minutes between checks for replies cannot be negative (0 turns automatic checks off).')
    .max(REPLY_CHECK_MAX_MINUTES, 'Check for replies at least once a day, or enter 0 to check only when you ask.'),
  /** Desktop notices (due thank-yous, reminders, failed sends, replies): off until turned on; they also need the system's permission. */
  notifications: z.boolean({ error: 'Say whether to show desktop notices (true or false).' }),
  /** The person answered "Not now" to the offer of desktop notices: it is not made again (Settings can still turn them on). */
  notificationsOfferDismissed: z.boolean({ error: 'Say whether the offer of desktop notices is dismissed (true or false).' }),
});
export type Settings = z.output<typeof SettingsShape>;
