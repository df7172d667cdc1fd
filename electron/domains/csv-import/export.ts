// CSV export of the applications a pipeline search shows; the file format is formats/csv's.
import { DateTime } from 'luxon';
import type { Ctx } from '../../db/context';
import { stmt } from '../../db/sql';
import type { MethodOutput, ParsedInput } from '../../api/contract';
import { parseDate, writeCsv } from '../../formats/csv';
import type { Priority } from '../../shared/domain';
import { listApplications } from '../applications/applications';
import { getSettings } from '../settings/settings';


export const EXPORT_HEADERS = [
  'Company',
  'Role',
  'Stage',
  'Priority',
  'Location',
  'Source',
  'Posting URL',
  'Salary min',
  'Salary max',
  'Salary currency',
  'Applied',
  'Deadline',
  'Notes',
  'Created',
  'Stage changed',
  'Interviews',
  'Notes sent',
];

interface ExportRow {
  company: string;
  role: string;
  /** The stage's name now (the person's own words, which the import maps back). */
  stage: string;
  priority: Priority;
  location: string | null;
  source: string | null;
  postingUrl: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  appliedAt: number | null;
  deadlineAt: number | null;
  notes: string | null;
  createdAt: number;
  stageChangedAt: number;
  archivedAt: number | null;
  interviews: number;
  notesSent: number;
}

/**
 * A date cell in the person's zone, as exact as the instant: "2026-11-03" at local midnight,
 * "2026-11-03 14:22" with a time, seconds and milliseconds only when there are some. Where the local
 * time happens twice (the hour a DST change repeats) or not at all, the UTC offset follows
 * ("2026-11-01 01:30 -05:00"), so the import gets the same instant back.
 */
export function localStamp(ms: number, zone: string): string {
  const dt = DateTime.fromMillis(ms, { zone });
  const time = dt.millisecond ? 'HH:mm:ss.SSS' : dt.second ? 'HH:mm:ss' : 'HH:mm';
  const plain = dt.hour || dt.minute || dt.second || dt.millisecond ? dt.toFormat(`yyyy-MM-dd ${time}`) : dt.toFormat('yyyy-MM-dd');
  const back = parseDate(plain, zone, 'mdy');
  return 'ms' in back && back.ms === ms ? plain : dt.toFormat(`yyyy-MM-dd ${time} ZZ`);
}

const PRIORITY_LABELS: Record<Priority, string> = { low: 'Low', medium: 'Medium', high: 'High' };

export function exportApplications(ctx: Ctx, input: ParsedInput<'csv.exportApplications'>): MethodOutput<'csv.exportApplications'> {
  const zone = getSettings(ctx).timeZone;
  const ids = listApplications(ctx, input).items.map((a) => a.id);
  const rows = stmt<ExportRow>(
    ctx.sqlite,
    `SELECT c.name AS company, a.role, coalesce((SELECT name FROM stages WHERE key = a.stage), a.stage) AS stage, a.priority, a.location, a.source, a.posting_url AS postingUrl,
            a.salary_min AS salaryMin, a.salary_max AS salaryMax, a.salary_currency AS salaryCurrency,
            a.applied_at AS appliedAt, a.deadline_at AS deadlineAt, a.notes, a.created_at AS createdAt,
            a.stage_changed_at AS stageChangedAt, a.archived_at AS archivedAt,
            (SELECT count(*) FROM interviews i WHERE i.application_id = a.id) AS interviews,
            (SELECT count(*) FROM notes n WHERE n.application_id = a.id AND n.status IN ('sent', 'mailed')) AS notesSent
     FROM applications a JOIN companies c ON c.id = a.company_id
     WHERE a.id IN (SELECT value FROM json_each(?))
     ORDER BY a.created_at, a.id`,
  ).all(JSON.stringify(ids));
  const day = (ms: number | null) => (ms == null ? '' : localStamp(ms, zone));
  const headers = input.includeArchived ? [...EXPORT_HEADERS, 'Archived'] : EXPORT_HEADERS;
  const data = rows.map((r) => {
    const cells: Array<string | number> = [
      r.company,
      r.role,
      r.stage,
      PRIORITY_LABELS[r.priority],
      r.location ?? '',
      r.source ?? '',
      r.postingUrl ?? '',
      r.salaryMin ?? '',
      r.salaryMax ?? '',
      r.salaryCurrency ?? '',
      day(r.appliedAt),
      day(r.deadlineAt),
      r.notes ?? '',
      day(r.createdAt),
      day(r.stageChangedAt),
      r.interviews,
      r.notesSent,
    ];
    if (input.includeArchived) cells.push(day(r.archivedAt));
    return cells;
  });
  const today = DateTime.fromMillis(ctx.clock.now(), { zone }).toISODate();
  return { filename: `courtesy-applications-${today}.csv`, content: writeCsv(headers, data), count: rows.length };
}

