// Today's first-run checklist. Each step is read from the data itself (not remembered in the page), so
// a step done anywhere (a CSV import, the API, another window) ticks it, and a restored backup shows
// exactly what that database holds.
import type { Handlers } from '../../db/context';
import { stmt } from '../../db/sql';
import { getSettings } from '../settings/settings';

const filled = (v: string | null) => v !== null && v.trim() !== '';

export const firstRunHandlers: Handlers<'today.firstRun'> = {
  'today.firstRun': (_input, ctx) => {
    const { profile, firstRunDismissed } = getSettings(ctx);
    // EXISTS stops at the first row: constant time on a large book. Archived applications count too.
    const any = (table: 'applications' | 'interviews') => stmt<{ n: number }>(ctx.sqlite, `SELECT EXISTS (SELECT 1 FROM ${table}) AS n`).get()!.n === 1;
    const steps = {
      profile: {
        name: filled(profile.name),
        // A card needs a street and a town at least; the rest depends on the country.
        returnAddress: filled(profile.addressLines) && filled(profile.city),
        signature: filled(profile.signature),
      },
      application: any('applications'),
      interview: any('interviews'),
    };
    const complete = steps.profile.name && steps.profile.returnAddress && steps.profile.signature && steps.application && steps.interview;
    return { ...steps, complete, dismissed: firstRunDismissed };
  },
};
