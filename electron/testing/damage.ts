// Test helper: damage that the checks at open let through. The file's header, length and schema stay
// sound while a few leaf pages of a table hold garbage, so only a full check (quick_check) finds it.
import fs from 'node:fs';
import Database from 'better-sqlite3';

/** 600 applications with long notes, written straight into the file: the table spans many leaf pages. */
export function fillApplications(file: string) {
  const db = new Database(file);
  db.transaction(() => {
    const company = Number(db.prepare("INSERT INTO companies (name) VALUES ('Acme')").run().lastInsertRowid);
    const ins = db.prepare('INSERT INTO applications (company_id, role, notes) VALUES (?, ?, ?)');
    for (let i = 0; i < 600; i++) ins.run(company, `Engineer ${i}`, `notes ${i} `.repeat(40));
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** Overwrites the body of four leaf pages of `table` (the file must be closed and checkpointed). */
export function damageLeafPages(file: string, table = 'applications') {
  const db = new Database(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").pluck().all(table) as number[];
  db.close();
  if (pages.length <= 10) throw new Error(`${table} spans only ${pages.length} leaf pages: fill it first`);
  const bytes = fs.readFileSync(file);
  for (const p of pages.slice(2, 6)) bytes.fill(0xa5, (p - 1) * pageSize + 8, p * pageSize);
  fs.writeFileSync(file, bytes);
}
