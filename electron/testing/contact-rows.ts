// Test helper: tests that write contacts with plain SQL in the old shape (email, phone and address on the
// contacts row) call this afterwards, so each gets its primary email, phone and address rows exactly as
// migration 0007 moved existing data. The app reads the rows; the contacts columns only mirror them.
import type { Sqlite } from '../db/open';

export function rowsFromContactColumns(sqlite: Sqlite): void {
  sqlite.exec(`
    INSERT INTO contact_emails (contact_id, address, label, is_primary, position)
      SELECT id, email, 'other', 1, 0 FROM contacts c WHERE email IS NOT NULL AND email <> ''
        AND NOT EXISTS (SELECT 1 FROM contact_emails e WHERE e.contact_id = c.id);
    INSERT INTO contact_phones (contact_id, number, label, is_primary, position)
      SELECT id, phone, 'other', 1, 0 FROM contacts c WHERE phone IS NOT NULL AND phone <> ''
        AND NOT EXISTS (SELECT 1 FROM contact_phones p WHERE p.contact_id = c.id);
    INSERT INTO contact_addresses (contact_id, lines, city, region, postal_code, country, label, is_primary, position)
      SELECT id, address_lines, city, region, postal_code, country, 'other', 1, 0 FROM contacts c
      WHERE coalesce(address_lines, city, region, postal_code, country) IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM contact_addresses a WHERE a.contact_id = c.id);`);
}
