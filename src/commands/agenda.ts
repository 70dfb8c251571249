/** ppp agenda: the agenda of the next meeting, or of a named one. */
import { join } from 'node:path';
import { parseActions, ACTIONS_FILE, type Action } from '../core/actions.js';
import { buildAgenda, type Agenda } from '../core/agenda.js';
import { absencesToEscalate, quorum } from '../core/attendance.js';
import { addDays, addMonths, isIsoDate } from '../core/calendar.js';
import { RefusalError, UsageError } from '../core/errors.js';
import { meetingDates, meetingOn, meetings, nextMeeting, type Meeting } from '../core/meetings.js';
import type { Member } from '../core/members.js';
import type { Problem } from '../core/problem.js';
import { dueRows } from '../core/reviews.js';
import type { Settings } from '../core/config.js';
import type { WorkingCalendar } from '../core/working-days.js';
import { today as todayOf } from '../io/clock.js';
import { readTextIfExists } from '../io/fs.js';
import type { Io } from '../io/io.js';
import { registerCalendar } from './calendar.js';
import { loadRegister, type LoadedRegister } from './load-register.js';

export interface AgendaOptions {
  register?: string;
  today?: string;
  meeting?: string;
  acceptLate?: string[];
}

/** Returns the meeting on date, or a usage error naming the scheduled meetings nearest to it. */
export function scheduledMeeting(settings: Settings, calendar: WorkingCalendar, date: string): Meeting {
  if (!isIsoDate(date)) throw new UsageError(`${date} is not a real date written YYYY-MM-DD`);
  const around = meetingDates(settings, addDays(date, -100), addDays(date, 100));
  if (!around.includes(date)) {
    const before = around.filter((d) => d < date).pop();
    const after = around.find((d) => d > date);
    throw new UsageError(`${date} is not a scheduled meeting; the nearest are ${[before, after].filter(Boolean).join(' and ') || 'none within 100 days'} (ppp meetings lists them)`);
  }
  return meetingOn(settings, calendar, date);
}

/** Returns the actions of actions.yaml (none when there is no file) and their problems. */
export function readActions(root: string, members: ReadonlyMap<string, Member>): { actions: Action[]; problems: Problem[] } {
  const text = readTextIfExists(join(root, ACTIONS_FILE));
  return text === undefined ? { actions: [], problems: [] } : parseActions(text, members);
}

/** Returns the agenda of the meeting, with the register's members for naming people. */
export async function agenda(options: AgendaOptions, io: Io): Promise<{ agenda: Agenda; members: Member[]; loaded: LoadedRegister }> {
  const loaded = await loadRegister(io, { register: options.register });
  const { settings } = loaded;
  const today = todayOf(io, settings.timezone, options.today);
  const calendar = await registerCalendar(settings);
  const meeting = options.meeting !== undefined ? scheduledMeeting(settings, calendar, options.meeting) : nextMeeting(settings, calendar, today);
  if (!meeting) throw new UsageError('no meeting is scheduled in the next ten years; check meetings.rule in ppp.yaml');
  const previous = meetingDates(settings, addMonths(meeting.date, -12), addDays(meeting.date, -1)).pop();
  const afterNext = meetings(settings, calendar, addDays(meeting.date, 1), { count: 2 })[1]?.date;
  const members = new Map(loaded.members.map((m) => [m.id, m]));
  const { actions, problems: actionProblems } = readActions(loaded.root, members);
  // An agenda built on a broken attendance or actions file would state false facts: refuse instead.
  const problems = [...loaded.attendanceProblems, ...actionProblems];
  if (problems.length) {
    throw new RefusalError(`the agenda needs these files fixed first (nothing was written):\n${problems.map((p) => `  ${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n')}`);
  }
  // The meetings held in the year before this one, in order; one with no attendance recorded breaks a run of absences.
  const recorded = new Map(loaded.meetingRecords.map((m) => [m.date, m.attendance]));
  const held = meetingDates(settings, addMonths(meeting.date, -12), addDays(meeting.date, -1));
  const history = held.map((date) => ({ date, attendance: recorded.get(date) ?? null }));
  const lastHeld = history[history.length - 1];
  const acceptLate = new Set(options.acceptLate ?? []);
  const result = buildAgenda({
    group: settings.group,
    meeting,
    previous,
    afterNext,
    today,
    records: loaded.records,
    reviews: dueRows(loaded.records, today, settings),
    actions,
    absences: absencesToEscalate(history, members, settings),
    lastMeeting: lastHeld ? { date: lastHeld.date, quorate: lastHeld.attendance ? quorum(lastHeld.attendance, members, settings).quorate : null } : null,
    acceptLate,
  });
  for (const id of acceptLate) {
    const late = [...result.proposals_and_drafts, ...result.reviews].some((i) => i.id === id && i.note?.includes('accepted by the chair'));
    if (!late) throw new UsageError(`--accept-late ${id}: ${id} is not a late submission for the meeting of ${meeting.date}; only items received after its deadline can be accepted late`);
  }
  return { agenda: result, members: loaded.members, loaded };
}
