import { z } from 'zod';
import { ProfileInput, Profile, SettingsShape, type Settings } from '../../shared/inputs/settings';
import { method } from '../define';

// The shape lives below the domains (the settings domain validates a merged change with it).
export { Profile, SettingsShape, type Settings };

export const settingsContract = {
  'settings.get': method('Profile and preferences.', z.object({}), SettingsShape),
  'settings.update': method(
    'Change some settings; the profile merges field by field.',
    SettingsShape.omit({ profile: true })
      .partial()
      .extend({
        profile: ProfileInput.partial().optional(),
        /** With a new thankYouDueHours: true moves every open thank-you to the new hours after its interview; otherwise they keep theirs. */
        moveOpenDueTimes: z.boolean({ error: 'Say whether to move open thank-yous (true or false).' }).optional(),
      }),
    SettingsShape,
  ),
};
