// Which cached answers a write makes stale. Queries are keyed [method, input]; a method's domain is the part
// before the dot ('notes.get' → 'notes'). A write declares the data it changes (by default its own domain;
// WRITES lists the methods that change more), and every query domain that READS one of those goes stale.
// Correct beats minimal: a screen showing old data is a bug, an extra refetch of local data is cheap.
import type { MethodName } from '../../../electron/api/contract';

export type Domain = MethodName extends `${infer D}.${string}` ? D : never;

export const domainOf = (method: string) => method.slice(0, method.indexOf('.')) as Domain;

/** The data each query domain's answers are built from (besides its own). */
const READS: Record<Domain, Domain[]> = {
  // Board cards and the detail page count due notes and thank-yous, show interviews, reminders and contacts.
  // The board's columns are the stages in their order.
  applications: ['companies', 'notes', 'interviews', 'reminders', 'contacts', 'rejections', 'stages'],
  companies: ['applications', 'contacts'],
  // A contact's page lists roles on applications, interviews met at and the notes to them.
  contacts: ['companies', 'applications', 'interviews', 'notes', 'reminders'],
  // Participants are contacts; thank-you status comes from notes.
  interviews: ['applications', 'companies', 'contacts', 'notes', 'reminders'],
  // Notes carry recipient, company, role, the interview's debrief and the profile as merge data.
  notes: ['contacts', 'companies', 'applications', 'interviews', 'templates', 'settings', 'stationery', 'rejections'],
  today: ['notes', 'interviews', 'reminders', 'stationery', 'contacts', 'applications', 'companies', 'settings', 'rejections', 'replies'],
  insights: ['notes', 'interviews', 'applications', 'companies', 'stationery', 'contacts', 'rejections', 'replies', 'stages'],
  templates: [],
  settings: [],
  // The ledger names the recipient of each card mailed.
  stationery: ['notes', 'contacts', 'settings'],
  reminders: ['applications', 'companies', 'contacts', 'rejections'],
  rejections: ['applications', 'companies', 'contacts', 'notes', 'interviews', 'reminders'],
  backups: [],
  system: [],
  undo: [],
  print: [],
  // The import preview marks rows that duplicate applications already saved.
  csv: ['applications', 'companies', 'stages'],
  // Whether the database is empty (data.status) depends on everything in it.
  data: ['applications', 'companies', 'contacts', 'interviews', 'notes', 'templates', 'settings', 'stationery', 'reminders', 'rejections', 'offers', 'replies'],
  // An offer shows its application's company, role and stage.
  offers: ['applications', 'companies'],
  mail: [],
  // Entries name the note's recipient, subject and due time; sending needs the account.
  outbox: ['notes', 'contacts', 'mail'],
  // "Which applications got this version" names each application.
  documents: ['applications', 'companies'],
  // A reply is shown with its contact, application (stage) and note; replies.status reads settings.
  replies: ['contacts', 'applications', 'companies', 'notes', 'settings'],
  // Notices are about due notes (their interviews and applications), reminders, the outbox and replies;
  // the setting turns them off.
  notifications: ['notes', 'interviews', 'applications', 'companies', 'contacts', 'reminders', 'outbox', 'replies', 'settings', 'rejections'],
  // The stage list itself; screens name stages from it (renderer/src/lib/stages.ts).
  stages: [],
};

/** Every domain of the contract (READS must name each one: the type checks it). */
export const DOMAINS = Object.keys(READS) as Domain[];

/**
 * Methods that change data beyond their own domain ('*': everything), or nothing at all ([]: reads run
 * on demand, such as a file to download, a preview or a PDF).
 */
const WRITES: Partial<Record<MethodName, Domain[] | '*'>> = {
  'applications.create': ['applications', 'companies'],
  'applications.update': ['applications', 'companies'],
  // Deleting an application deletes its interviews, notes and reminders with it.
  'applications.delete': ['applications', 'interviews', 'notes', 'reminders', 'offers', 'documents'],
  'applications.moveStage': ['applications', 'notes', 'reminders'],
  // Interviews owe thank-yous: creating, moving or deleting one creates, re-times or removes draft notes.
  'interviews.create': ['interviews', 'notes'],
  'interviews.update': ['interviews', 'notes', 'contacts'],
  'interviews.delete': ['interviews', 'notes'],
  'interviews.addParticipant': ['interviews', 'notes', 'contacts', 'applications'],
  'interviews.removeParticipant': ['interviews', 'notes'],
  'contacts.create': ['contacts', 'companies'],
  'contacts.update': ['contacts', 'companies', 'notes'],
  'contacts.delete': ['contacts', 'notes', 'interviews', 'applications', 'reminders'],
  'contacts.merge': ['contacts', 'notes', 'interviews', 'applications', 'reminders'],
  'contacts.setRole': ['contacts', 'applications'],
  'contacts.removeRole': ['contacts', 'applications'],
  'contacts.importCommit': ['contacts', 'companies'],
  // Mailing a card uses stationery and writes the ledger.
  'notes.advance': ['notes', 'stationery'],
  // Deleting a template clears it from the notes made with it.
  'templates.delete': ['templates', 'notes'],
  'rejections.apply': ['applications', 'notes', 'reminders', 'contacts'],
  'csv.importApplications': ['applications', 'companies'],
  // An offer's deadline keeps a reminder in step.
  'offers.save': ['offers', 'reminders'],
  'offers.delete': ['offers', 'reminders'],
  // Profile, time zone, card word limit and mail days feed almost every answer; a restore replaces all
  // data; the test clock moves every due time.
  'settings.update': '*',
  // An import fills an empty database with everything.
  'data.import': '*',
  'backups.restore': '*',
  'system.setNow': '*',
  // Undo puts back whatever the action changed, in any domain.
  'undo.apply': '*',
  // A stage's kind drives the rules (thank-yous owed, Today, Insights, offers); archiving moves applications.
  'stages.update': '*',
  'stages.archive': '*',
  'stages.restore': ['stages'],
  // Reads run on demand: nothing changes.
  'contacts.exportVcf': [],
  'contacts.importPreview': [],
  'interviews.exportIcs': [],
  'notes.emailDraft': [],
  'notes.check': [],
  'print.cardText': [],
  'print.envelope': [],
  'csv.exportApplications': [],
  'csv.previewApplications': [],
  'templates.render': [],
  'data.export': [],
  'data.upload': [],
  'mail.testConnection': [],
  // The outbox marks notes sent (the worker also does so on its own; the screens showing an entry poll).
  'outbox.runNow': ['outbox', 'notes'],
  'outbox.resolve': ['outbox', 'notes'],
  'mail.removeAccount': ['mail', 'outbox'],
  'documents.download': [],
  'documents.open': [],
};

/** The query domains a successful call to `method` makes stale. */
export function staleAfter(method: MethodName): Set<Domain> {
  const writes = WRITES[method] ?? [domainOf(method)];
  if (writes === '*') return new Set(DOMAINS);
  const stale = new Set<Domain>(writes);
  for (const d of DOMAINS) if (READS[d].some((r) => writes.includes(r))) stale.add(d);
  return stale;
}
