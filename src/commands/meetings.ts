/** ppp meetings: the meeting schedule with its deadlines, and the same as an iCalendar file. */
import { resolve } from 'node:path';
import { quorum } from '../core/attendance.js';
import { addMonths, isIsoDate } from '../core/calendar.js';
import { UsageError } from '../core/errors.js';
import { meetingOn, meetings as scheduled, type MeetingRow } from '../core/meetings.js';
import { instant, today as todayOf } from '../io/clock.js';
import { writeFileAtomic } from '../io/fs.js';
import type { Io } from '../io/io.js';
import { readMeetingRecords, readMembers } from '../io/register-files.js';
import { loadSettings } from './steps/load-register.js';
import { settingsWarnings } from './steps/settings-warnings.js';
import { loadWorkingCalendar } from './steps/working-calendar.js';

export interface MeetingsOptions {
  register?: string;
  today?: string;
  from?: string;
  to?: string;
  count?: string;
  /** Also write the meetings as an iCalendar file here (from the current folder). */
  ics?: string;
}

export type { MeetingRow };

/** The longest span --from and --to may list. */
const MAX_YEARS = 10;

/**
 * Returns the meetings asked for, with both deadlines and the working days left before each submission deadline; writes
 * them as iCalendar with ics.
 */
export async function listMeetings(options: MeetingsOptions, io: Io) {
  for (const [flag, value] of [
    ['--from', options.from],
    ['--to', options.to],
  ] as const) {
    if (value !== undefined && !isIsoDate(value))
      throw new UsageError(`${flag} ${value} is not a real date written YYYY-MM-DD`);
  }
  if (options.to !== undefined && options.count !== undefined) throw new UsageError('give --to or --count, not both');
  const count = options.count === undefined ? undefined : Number(options.count);
  if (count !== undefined && (!Number.isInteger(count) || count < 1 || count > 500))
    throw new UsageError(`--count ${options.count} must be a whole number from 1 to 500`);
  const { settings, root } = await loadSettings(io, options.register);
  const today = todayOf(io, settings.timezone, options.today);
  const from = options.from ?? today;
  if (from < addMonths(today, -100 * 12) || from > addMonths(today, 100 * 12))
    throw new UsageError(`--from ${from} is more than 100 years from today (${today}); give a nearer date`);
  if (options.to !== undefined && options.to < from) throw new UsageError(`--to ${options.to} is before ${from}`);
  // Ten years of meetings is already some 100 of them; a longer span is a typo (2207 for 2027) more often than a plan.
  if (options.to !== undefined && options.to > addMonths(from, 12 * MAX_YEARS))
    throw new UsageError(
      `--from ${from} --to ${options.to} spans more than ${MAX_YEARS} years; ` +
        `list at most ${MAX_YEARS} years at a time (--to ${addMonths(from, 12 * MAX_YEARS)} at the latest)`,
    );
  const calendar = await loadWorkingCalendar(settings);
  const list = scheduled(
    settings,
    calendar,
    from,
    options.to !== undefined ? { to: options.to } : { count: count ?? 6 },
  );
  const members = new Map(readMembers(root, settings).members.map((m) => [m.id, m]));
  const attended = new Map(readMeetingRecords(root, members).records.map((r) => [r.date, r.attendance] as const));
  const rows: MeetingRow[] = list.map((m) => {
    const attendance = attended.get(m.date);
    return {
      ...m,
      working_days_to_submission:
        m.submission_deadline >= today ? calendar.workingDaysBetween(today, m.submission_deadline) : null,
      // A meeting yet to take place may hold apologies sent in advance: it has no quorum to speak of.
      quorate: attendance && m.date <= today ? quorum(attendance, members, settings).quorate : null,
    };
  });
  let ics: string | undefined;
  if (options.ics !== undefined) {
    const { meetingsIcs } = await import('../report/meetings.js');
    // The meetings cancelled within the span listed are written too, under their UIDs, so a calendar removes them.
    const end = options.to ?? rows.at(-1)?.date ?? from;
    const cancelled = [...new Set(settings.meetings.cancel)]
      .filter((d) => d >= from && d <= end)
      .sort()
      .map((d) => meetingOn(settings, calendar, d));
    ics = resolve(io.cwd, options.ics);
    writeFileAtomic(ics, meetingsIcs(rows, settings, { cancelled, generatedAt: instant(io) }), { makeFolders: false });
  }
  // Set-up mistakes about meetings are shown where the schedule is read: warnings, the list stands.
  const warnings = await settingsWarnings({ root, settings });
  return { today, settings, root, rows, ics, warnings };
}
