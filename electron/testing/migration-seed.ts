// Rows written with plain SQL, the way the first schema (0000_init) stored them, for migration tests.
// Only columns that exist since 0000 are named, so the same seed runs at any later migration as long as
// migrations stay additive. Every table of 0000 gets at least one row, so a migration that rebuilds or
// rewrites any of them has data to lose.
import type { Sqlite } from '../db/open';

export interface SeededIds {
  company: number;
  application: number;
  contact: number;
  interview: number;
  note: number;
  card: number;
  item: number;
}

/**
 * Writes one connected set of rows. `tag` makes names unique (companies have a unique name) and makes
 * the rows findable by full-text search: every searchable field contains it.
 */
export function seedRows(sqlite: Sqlite, tag: string): SeededIds {
  const id = (sql: string, params: Record<string, unknown> = {}) => Number(sqlite.prepare(sql).run({ tag, ...params }).lastInsertRowid);
  return sqlite.transaction(() => {
    const company = id("INSERT INTO companies (name, website, address) VALUES ('Acme ' || @tag, 'https://acme.example', '1 Main St')");
    const application = id(
      `INSERT INTO applications (company_id, role, posting_url, source, location, salary_min, salary_max, salary_currency,
         priority, stage, stage_changed_at, applied_at, deadline_at, notes, created_at, updated_at)
       VALUES (@company, 'Engineer ' || @tag, 'https://acme.example/jobs/1', 'referral', 'Lisbon ' || @tag, 50000, 70000, 'EUR',
         'high', 'interviewing', 1700000000000, 1699000000000, 1701000000000, 'Met ' || @tag || ' at a meetup', 1698000000000, 1700000000000)`,
      { company },
    );
    id("INSERT INTO stage_events (application_id, from_stage, to_stage, at, note) VALUES (@application, 'applied', 'interviewing', 1700000000000, 'call')", {
      application,
    });
    const contact = id(
      `INSERT INTO contacts (name, title, company_id, email, phone, address_lines, city, region, postal_code, country, url, met_how, notes)
       VALUES ('Dana ' || @tag, 'Recruiter ' || @tag, @company, @tag || '@acme.example', '+1 555 0100', '1 Main St', 'Springfield', 'IL',
         '62701', 'US', 'https://dana.example', 'conference', 'Likes ' || @tag)`,
      { company },
    );
    id("INSERT INTO application_contacts (application_id, contact_id, role) VALUES (@application, @contact, 'recruiter')", { application, contact });
    const interview = id(
      `INSERT INTO interviews (application_id, round, kind, start_at, end_at, time_zone, location, topics, impression)
       VALUES (@application, 'Onsite', 'onsite', 1700100000000, 1700103600000, 'Europe/Lisbon', 'HQ', 'systems', 'good')`,
      { application },
    );
    id("INSERT INTO interview_participants (interview_id, contact_id, talked_about) VALUES (@interview, @contact, 'on-call')", { interview, contact });
    const note = id(
      `INSERT INTO notes (kind, contact_id, application_id, interview_id, delivery, subject, body, status, due_at)
       VALUES ('thank_you', @contact, @application, @interview, 'email', 'Thanks ' || @tag, 'Thank you for the ' || @tag || ' chat', 'draft', 1700200000000)`,
      { contact, application, interview },
    );
    const card = id(
      `INSERT INTO notes (kind, recipient_name, application_id, delivery, body, status, sent_at, mailed_at, expected_arrival_at)
       VALUES ('follow_up', 'Pat ' || @tag, @application, 'handwritten', 'Card for ' || @tag, 'mailed', 1700300000000, 1700300000000, 1700600000000)`,
      { application },
    );
    id("INSERT INTO note_events (note_id, status, at, detail) VALUES (@card, 'mailed', 1700300000000, 'first class')", { card });
    const item = id("INSERT INTO stationery_items (kind, name, postage_cents, currency, low_stock_threshold) VALUES ('stamp', 'Forever ' || @tag, 73, 'USD', 5)");
    id("INSERT INTO stationery_ledger (item_id, delta, reason, note_id, cost_cents, memo, at) VALUES (@item, -1, 'use', @card, 73, 'card', 1700300000000)", {
      item,
      card,
    });
    id("INSERT INTO reminders (kind, title, due_at, application_id, contact_id, note_id) VALUES ('follow_up', 'Chase ' || @tag, 1700700000000, @application, @contact, @note)", {
      application,
      contact,
      note,
    });
    id("INSERT INTO templates (kind, delivery, name, subject, body, built_in) VALUES ('thank_you', 'email', 'Mine ' || @tag, 'Hi', 'Body', 0)");
    id("INSERT INTO settings (key, value) VALUES ('seed.' || @tag, '\"yes\"')");
    return { company, application, contact, interview, note, card, item };
  })();
}

/** Every row of every ordinary table (not FTS storage, not bookkeeping), for before/after comparison. */
export function allRows(sqlite: Sqlite): Map<string, Record<string, unknown>[]> {
  const tables = sqlite
    .prepare(
      // type 'table' leaves out virtual tables and their 'shadow' storage tables.
      `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'
         AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '__drizzle_migrations'
       ORDER BY name`,
    )
    .pluck()
    .all() as string[];
  const out = new Map<string, Record<string, unknown>[]>();
  for (const t of tables) {
    const cols = (sqlite.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').pluck().all(t) as string[]).map((c) => `"${c}"`);
    out.set(t, sqlite.prepare(`SELECT * FROM "${t}" ORDER BY ${cols.join(', ')}`).all() as Record<string, unknown>[]);
  }
  return out;
}
