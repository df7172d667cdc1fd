// The CSV import's column targets: the contract validates a mapping against them and the codec fills them.

/** What a CSV column can become. `salary` is a range ("$120k–140k"); `appendToNotes` keeps a column as "Header: value" in the notes. */
export const CSV_TARGETS = [
  'ignore',
  'company',
  'role',
  'stage',
  'priority',
  'location',
  'source',
  'postingUrl',
  'salary',
  'salaryMin',
  'salaryMax',
  'salaryCurrency',
  'appliedAt',
  'deadlineAt',
  'stageChangedAt',
  'createdAt',
  'archivedAt',
  'notes',
  'appendToNotes',
] as const;
export type Target = (typeof CSV_TARGETS)[number];
