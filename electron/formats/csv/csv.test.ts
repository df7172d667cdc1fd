import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  autoMap,
  currencyFromHeader,
  detectDateOrder,
  parseAmountCell,
  parseDate,
  parseSalary,
  priorityFromWord,
  readCsv,
  stageFromWord,
  writeCsv,
} from '.';

const fixture = (name: string) => readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', name), 'utf8');

const ZONE = 'America/New_York';
const day = (iso: string, zone = ZONE) => DateTime.fromISO(iso, { zone }).toMillis();

describe('stage words, salaries and dates', () => {
  it('reads the stage words spreadsheets use', () => {
    const cases: Array<[string, string | null]> = [
      ['Applied', 'applied'],
      ['Phone screen', 'screening'],
      ['Recruiter call', 'screening'],
      ['Interview', 'interviewing'],
      ['Interviewing', 'interviewing'],
      ['🟡 Interviewing', 'interviewing'],
      ['Onsite', 'interviewing'],
      ['Offer', 'offer'],
      ['Offer accepted', 'accepted'],
      ['Rejected', 'rejected'],
      ['Declined', 'rejected'],
      ['🔴 Rejected after final round', 'rejected'],
      ['Withdrawn', 'withdrawn'],
      ['Withdrew', 'withdrawn'],
      ['Wishlist', 'wishlist'],
      ['Wish list', 'wishlist'],
      ['Saved', 'wishlist'],
      ['Interested', 'wishlist'],
      ['Not applied yet', 'wishlist'],
      ['SCREENING', 'screening'],
      ['In progress', 'applied'],
      ['IN-PROGRESS', 'applied'],
      ['Not started', 'wishlist'],
      ['To do', 'wishlist'],
      ['Offer received', 'offer'],
      ['Offer declined', 'withdrawn'],
      ['Position filled', 'rejected'],
      ['Maybe later?', null],
      ['42', null],
    ];
    expect(cases.map(([w]) => [w, stageFromWord(w)])).toEqual(cases);
  });

  it('reads salary ranges into min, max and currency', () => {
    const pick = (s: string) => {
      const r = parseSalary(s);
      return r.unreadable ? 'unreadable' : [r.min, r.max, r.currency];
    };
    expect(pick('$120k–140k')).toEqual([120000, 140000, 'USD']);
    expect(pick('120000-140000')).toEqual([120000, 140000, null]);
    expect(pick('$150,000 - $175,000')).toEqual([150000, 175000, 'USD']);
    expect(pick('120-140k')).toEqual([120000, 140000, null]);
    expect(pick('EUR 70k-80k')).toEqual([70000, 80000, 'EUR']);
    expect(pick('55.000–65.000 €')).toEqual([55000, 65000, 'EUR']);
    expect(pick("CHF 120'000")).toEqual([120000, 120000, 'CHF']);
    expect(pick('£45,000 to £55,000 per year')).toEqual([45000, 55000, 'GBP']);
    expect(pick('CA$90k')).toEqual([90000, 90000, 'CAD']);
    expect(pick('150k+')).toEqual([150000, null, null]);
    expect(pick('up to 90k')).toEqual([null, 90000, null]);
    expect(pick('1.2m')).toEqual([1200000, 1200000, null]);
    expect(pick('Competitive')).toBe('unreadable');
    expect(pick('100-200-300')).toBe('unreadable');
    expect(parseSalary('$45/hr').hourly).toBe(true);
  });

  it('reads ISO, US, day-first and written-out dates in the user’s zone', () => {
    const ms = (s: string, order: 'mdy' | 'dmy' = 'mdy') => {
      const r = parseDate(s, ZONE, order);
      return 'ms' in r ? r.ms : r.error;
    };
    const nov3 = day('2026-11-03');
    for (const s of ['2026-11-03', '2026/11/03', '11/3/2026', '11/03/26', 'Nov 3, 2026', 'November 3, 2026', 'nov 3rd, 2026', 'Tue, Nov 3, 2026', '3 Nov 2026', '3-Nov-26'])
      expect([s, ms(s)]).toEqual([s, nov3]);
    expect(ms('03/11/2026', 'dmy')).toBe(nov3);
    expect(ms('03.11.2026')).toBe(nov3); // dotted dates are day-first whatever the order
    expect(ms('Sept 30, 2026')).toBe(day('2026-09-30'));
    expect(ms('November 1, 2026 9:14 AM')).toBe(day('2026-11-01T09:14'));
    expect(ms('11/3/2026 14:30:00')).toBe(day('2026-11-03T14:30'));
    expect(ms('2026-11-03T14:30:00Z')).toBe(Date.UTC(2026, 10, 3, 14, 30));
    // Our export's forms: seconds, milliseconds, and an offset where a local time repeats.
    expect(ms('2026-11-03 14:30:05.042')).toBe(day('2026-11-03T14:30:05.042'));
    expect(ms('2025-11-02 01:30 -05:00')).toBe(Date.UTC(2025, 10, 2, 6, 30));
    expect(ms('2025-11-02 01:30 -04:00')).toBe(Date.UTC(2025, 10, 2, 5, 30));
    expect(ms('2025-11-02 01:30:00.5 Z')).toBe(Date.UTC(2025, 10, 2, 1, 30, 0, 500));
    // Without a clock a date without a year cannot be placed.
    expect(ms('Mar 3')).toMatch(/is not a date we can read/);
    expect(ms('November 3, 2026 → November 5, 2026')).toBe(nov3);
    expect(ms('13/45/2026')).toMatch(/is not a date we can read/);
    expect(ms('sometime in October')).toBe('“sometime in October” is not a date we can read (use 2026-11-03, 11/03/2026 or Nov 3, 2026).');
    // The zone decides the instant: midnight in Paris is six hours before midnight in New York.
    const paris = parseDate('2026-11-03', 'Europe/Paris', 'mdy');
    expect('ms' in paris && paris.ms).toBe(day('2026-11-03', 'Europe/Paris'));
  });
});

describe('reading a file', () => {
  it('detects the delimiter, drops the BOM and trailing empty columns, and numbers rows as a spreadsheet does', () => {
    const excel = readCsv(fixture('excel-semicolon-bom-crlf.csv'));
    expect(excel.delimiter).toBe(';');
    expect(excel.headers[0]).toBe('Employer'); // no BOM in front
    expect(excel.headers).toHaveLength(11); // the two empty trailing columns are gone
    expect(excel.fileErrors).toEqual([]);
    expect(excel.records[0]).toMatchObject({ row: 2 });
    expect(excel.records[0].cells[0]).toBe('Société Générale');

    const sheets = readCsv(fixture('google-sheets-job-tracker.csv'));
    expect(sheets.delimiter).toBe(',');
    // A quoted note over two lines is one row; a blank line still counts as a row.
    expect(sheets.records.map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 12]);
    expect(sheets.records[0].cells[9]).toBe('Referred by Dana (ex-colleague).\nFollow up on Nov 10 if no answer.');
  });

  it('reports an empty file and a quote that is never closed', () => {
    expect(readCsv('\uFEFF\r\n ,\r\n').fileErrors).toEqual(['The file is empty.']);
    const broken = readCsv('Company,Role\nAcme,"Engineer\nGlobex,Designer\n');
    expect(broken.fileErrors).toHaveLength(1);
    expect(broken.fileErrors[0]).toMatch(/^Row 2: .*never closed/);
  });
});

describe('column mapping from headers', () => {
  it('maps exact names first, then names inside odd headers; one column per field except notes', () => {
    expect(autoMap(['Company', 'Job Title', 'Status', 'Date Applied', 'Salary', 'Link', 'Notes', 'Comments'])).toEqual([
      'company',
      'role',
      'stage',
      'appliedAt',
      'salary',
      'postingUrl',
      'notes',
      'notes',
    ]);
    expect(autoMap(['Name', 'Company 🏢', 'Status', 'Applied On', 'Salary Range (USD)', 'URL', 'Tags', 'Created time', 'Deadline', 'Notes / Comments'])).toEqual([
      'ignore',
      'company',
      'stage',
      'appliedAt',
      'salary',
      'postingUrl',
      'ignore',
      'ignore',
      'deadlineAt',
      'notes',
    ]);
    expect(autoMap(['Company', 'Employer'])).toEqual(['company', 'ignore']);
  });
});

describe('cells', () => {
  it('reads priorities, single amounts and the currency a header names', () => {
    expect(['High', 'h', '★★★', 'med', 'LOW', 'whenever'].map(priorityFromWord)).toEqual(['high', 'high', 'high', 'medium', 'low', null]);
    expect(parseAmountCell('USD 120,000 per year')).toBe(120000);
    expect(parseAmountCell('95k')).toBe(95000);
    expect(parseAmountCell('0')).toBe(0);
    expect(parseAmountCell('lots')).toBeNull();
    expect(['Salary (EUR)', 'Pay (£)', 'Salary', 'Salary (approx)'].map(currencyFromHeader)).toEqual(['EUR', 'GBP', null, null]);
  });

  it('decides the order of slash dates from the file, or says it assumed month first', () => {
    expect(detectDateOrder(['2026-11-03', 'Nov 3, 2026'], undefined)).toBeNull();
    expect(detectDateOrder(['25/10/2026', '03/11/2026'], undefined)).toEqual({ order: 'dmy', assumed: false, example: '03/11/2026', mixed: false });
    expect(detectDateOrder(['10/25/2026', '03/11/2026'], undefined)).toMatchObject({ order: 'mdy', assumed: false, mixed: false });
    expect(detectDateOrder(['03/11/2026'], undefined)).toEqual({ order: 'mdy', assumed: true, example: '03/11/2026', mixed: false });
    expect(detectDateOrder(['03/11/2026'], 'dmy')).toMatchObject({ order: 'dmy', assumed: false });
    expect(detectDateOrder(['25/10/2026', '10/25/2026'], undefined)).toMatchObject({ order: 'mdy', mixed: true });
  });
});

describe('writing a file', () => {
  it('writes a BOM, CRLF line ends and formula-safe cells that read back as written', () => {
    const rows = [
      ["'=typed apostrophe", "''+two", "'plain"],
      ['=HYPERLINK("http://evil.example")', '+1 555', 'plain, with comma'],
      ['-5', '@SUM(A1)', 'line one\n=line two'],
      [42, 'Zoë €', ''],
    ];
    const out = writeCsv(['A', 'B', 'C'], rows);
    expect(out.startsWith('\uFEFFA,B,C\r\n')).toBe(true);
    expect(out.endsWith('\r\n')).toBe(true);
    expect(out).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(out).toContain("'+1 555");
    expect(out).toContain(`"''=typed apostrophe","'''+two",'plain`);
    const back = readCsv(out);
    expect(back.headers).toEqual(['A', 'B', 'C']);
    expect(back.records.map((r) => r.cells)).toEqual(rows.map((r) => r.map(String)));
  });
});
