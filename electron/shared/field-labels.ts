// Field names in words, for messages a person reads ("Time zone", not "timeZone"). The label is the
// one the form shows beside the field where the two could differ; anything not listed is spelled out
// from its name ("cardWordLimit" → "Card word limit"), which is right for most fields.
export const FIELD_LABELS: Record<string, string> = {
  // Full paths first, where the form names the field for whose it is.
  'profile.name': 'Your name',
  'profile.email': 'Your email',
  'profile.phone': 'Phone',
  addressLines: 'Street address',
  lines: 'Street address',
  region: 'State or region',
  postingUrl: 'Posting link',
  url: 'Link',
  salaryMin: 'Salary from',
  salaryMax: 'Salary to',
  salaryCurrency: 'Currency',
  appliedAt: 'Applied on',
  deadlineAt: 'Deadline',
  startAt: 'Starts',
  endAt: 'Ends',
  dueAt: 'Due',
  mailedOn: 'Mailed on',
  body: 'Text',
  metHow: 'How you met',
  lookingFor: 'What they are looking for',
  talkedAbout: 'What you talked about',
  thankYouDueHours: 'Thank-you due after',
  reconnectDays: 'Reconnect after a rejection',
  reconnectInDays: 'Reconnect in',
  mailBusinessDays: 'Mail delivery',
  keepAutomaticBackups: 'Automatic backups to keep',
  defaultDelivery: 'Default delivery',
  postageCents: 'Postage',
  costCents: 'Cost',
  lowStockThreshold: 'Running-low threshold',
  givenName: 'Given name',
  familyName: 'Family name',
  nameOrder: 'Name order',
  noteCount: 'Notes kept',
  isPrimary: 'Primary',
};

/** One item of a list field, by the list's name: emails.1 → "Email 2". */
const LIST_ITEMS: Record<string, string> = {
  emails: 'Email',
  phones: 'Phone',
  addresses: 'Address',
  participants: 'Participant',
  talkedAbout: 'Participant',
  rows: 'Row',
};
/** The field of a list item that the item's own name already says (emails.1.address → "Email 2"). */
const MAIN_OF_ITEM = new Set(['address', 'number', 'lines', 'contactId', 'name']);

const spelledOut = (key: string) => {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const labelOf = (key: string) => FIELD_LABELS[key] ?? spelledOut(key);

/** The words for a field path: ["profile", "email"] → "Email", ["emails", 1, "address"] → "Email 2". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const keys = path.map((p) => (typeof p === 'symbol' ? '' : p));
  const last = keys.at(-1);
  if (last === undefined) return 'This request';
  const whole = FIELD_LABELS[keys.join('.')];
  if (whole) return whole;
  const index = keys.findLastIndex((k) => typeof k === 'number');
  if (index > 0 && typeof keys[index - 1] === 'string') {
    const item = `${LIST_ITEMS[keys[index - 1] as string] ?? labelOf(keys[index - 1] as string)} ${(keys[index] as number) + 1}`;
    if (index === keys.length - 1) return item;
    const field = String(keys.at(-1));
    return MAIN_OF_ITEM.has(field) ? item : `${item}: ${labelOf(field).toLowerCase()}`;
  }
  return labelOf(String(last));
}
