// Test helper: what the first start after an upgrade that brings a new migration meets. Kept apart from
// migrations.ts, whose folder constant needs __dirname: the bench runs this as an ES module.
import fs from 'node:fs';
import path from 'node:path';

/** A copy of the migrations in `from`, in `dir`, with one more after them holding `sql`. Returns the folder. */
export function withExtraMigration(from: string, dir: string, sql: string, tag = '9999_extra'): string {
  const folder = path.join(dir, 'migrations');
  fs.cpSync(from, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  const last = journal.entries.at(-1);
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(folder, `${tag}.sql`), sql);
  return folder;
}
