// Every contract method's handler. The type makes a missing or extra handler a compile error.
import type { MethodName } from './contract';
import type { Handlers } from '../db/context';
import { applicationsHandlers } from '../domains/applications/applications';
import { companiesHandlers } from '../domains/companies/companies';
import { interviewsHandlers } from '../domains/interviews/interviews';
import { contactsHandlers } from '../domains/contacts/contacts';
import { todayHandlers } from '../domains/today/today';
import { firstRunHandlers } from '../domains/today/first-run';
import { backupsHandlers } from '../domains/backups/backups';
import { insightsHandlers } from '../domains/insights/insights';
import { templatesHandlers } from '../domains/templates/templates';
import { notesHandlers } from '../domains/notes/notes';
import { settingsHandlers } from '../domains/settings/handlers';
import { systemHandlers } from '../domains/system/system';
import { stationeryHandlers } from '../domains/stationery/stationery';
import { remindersHandlers } from '../domains/reminders/reminders';
import { rejectionsHandlers } from '../domains/rejections/rejections';
import { printHandlers } from '../domains/notes/print';
import { csvHandlers } from '../domains/csv-import/csv';
import { dataHandlers } from '../domains/data/data';
import { offersHandlers } from '../domains/offers/offers';
import { accountHandlers } from '../domains/mail/account';
import { outboxHandlers } from '../domains/mail/outbox';
import { documentsHandlers } from '../domains/documents/documents';
import { undoHandlers } from '../domains/undo/undo';
import { repliesHandlers } from '../domains/replies/replies';
import { notificationsHandlers } from '../domains/notifications/notifications';
import { stagesHandlers } from '../domains/stages/stages';

export const handlers: Handlers<MethodName> = {
  ...systemHandlers,
  ...settingsHandlers,
  ...applicationsHandlers,
  ...companiesHandlers,
  ...interviewsHandlers,
  ...contactsHandlers,
  ...todayHandlers,
  ...firstRunHandlers,
  ...backupsHandlers,
  ...insightsHandlers,
  ...templatesHandlers,
  ...notesHandlers,
  ...stationeryHandlers,
  ...remindersHandlers,
  ...rejectionsHandlers,
  ...printHandlers,
  ...csvHandlers,
  ...dataHandlers,
  ...offersHandlers,
  ...accountHandlers,
  ...outboxHandlers,
  ...documentsHandlers,
  ...undoHandlers,
  ...repliesHandlers,
  ...notificationsHandlers,
  ...stagesHandlers,
};
