import { z } from 'zod';
import { ProfileInput, Profile, SettingsShape, type Settings } from '../../shared/inputs/settings';
import { method } from '../define';

// The shape lives below the domains (the settings domain validates a merged change with it).
export { Profile, SettingsShape, type Settings };

export const settingsContract = {
  'settings.get': method('Profile and preferences.', z.object({}), SettingsShape),
  'settings.update': method(
    'Change some settings; the profile merges field by field.',
    SettingsShape.omit({ profile: true }).partial().extend({ profile: ProfileInput.partial().optional() }),
    SettingsShape,
  ),
};
