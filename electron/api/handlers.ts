// Every contract method's handler. The type makes a missing or extra handler a compile error.
import type { MethodName } from './contract';
import type { Handlers } from './context';
import { applicationsHandlers } from '../domains/applications';
import { companiesHandlers } from '../domains/companies';
import { interviewsHandlers } from '../domains/interviews';
import { contactsHandlers } from '../domains/contacts';
import { todayHandlers } from '../domains/today';
import { backupsHandlers } from '../domains/backups';
import { insightsHandlers } from '../domains/insights';
import { templatesHandlers } from '../domains/templates';
import { notesHandlers } from '../domains/notes';
import { settingsHandlers } from '../domains/settings';
import { systemHandlers } from '../domains/system';
import { stationeryHandlers } from '../domains/stationery';
import { remindersHandlers } from '../domains/reminders';
import { rejectionsHandlers } from '../domains/rejections';
import { printHandlers } from '../domains/print';
import { csvHandlers } from '../domains/csv';

export const handlers: Handlers<MethodName> = {
  ...systemHandlers,
  ...settingsHandlers,
  ...applicationsHandlers,
  ...companiesHandlers,
  ...interviewsHandlers,
  ...contactsHandlers,
  ...todayHandlers,
  ...backupsHandlers,
  ...insightsHandlers,
  ...templatesHandlers,
  ...notesHandlers,
  ...stationeryHandlers,
  ...remindersHandlers,
  ...rejectionsHandlers,
  ...printHandlers,
  ...csvHandlers,
};
