// The single API contract: every method the renderer may call, declared once with its zod input and
// output. The renderer client, the preload allow-list, the HTTP routes and the handler types all
// derive from this object.
import type { z } from 'zod';
import { applicationsContract } from './applications';
import { interviewsContract } from './interviews';
import { contactsContract } from './contacts';
import { todayContract } from './today';
import { backupsContract } from './backups';
import { insightsContract } from './insights';
import { templatesContract } from './templates';
import { notesContract } from './notes';
import { settingsContract } from './settings';
import { systemContract } from './system';
import { stationeryContract } from './stationery';
import { remindersContract } from './reminders';
import { rejectionsContract } from './rejections';
import { printContract } from './print';
import { csvContract } from './csv';
import { dataContract } from './data';
import { offersContract } from './offers';
import { mailContract } from './mail';
import { documentsContract } from './documents';
import { undoContract } from './undo';
import { repliesContract } from './replies';
import { notificationsContract } from './notifications';
import { stagesContract } from './stages';

export const contract = {
  ...systemContract,
  ...settingsContract,
  ...applicationsContract,
  ...interviewsContract,
  ...contactsContract,
  ...todayContract,
  ...backupsContract,
  ...insightsContract,
  ...templatesContract,
  ...notesContract,
  ...stationeryContract,
  ...remindersContract,
  ...rejectionsContract,
  ...printContract,
  ...csvContract,
  ...dataContract,
  ...offersContract,
  ...mailContract,
  ...documentsContract,
  ...undoContract,
  ...repliesContract,
  ...notificationsContract,
  ...stagesContract,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;

export const methodNames = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
