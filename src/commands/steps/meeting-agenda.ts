/** The agenda of a meeting assembled from the loaded register: shared by agenda and minutes. */
import { buildAgenda, type Agenda } from '../../core/agenda.js';
import { absencesToEscalate, quorum } from '../../core/attendance.js';
import { addDays, addMonths } from '../../core/calendar.js';
import { RefusalError, UsageError } from '../../core/errors.js';
import { meetingDates, meetings, nextMeeting, scheduledMeeting } from '../../core/meetings.js';
import { listProblems } from '../../core/problem.js';
import { dueRows } from '../../core/reviews.js';
import { readActions } from '../../io/register-files.js';
import type { LoadedRegister } from './load-register.js';
import { loadWorkingCalendar } from './working-calendar.js';

/**
 * Returns the agenda of the meeting on options.meeting (else the next on or after today); refuses when the files it
 * states facts from are broken.
 */
export async function agendaOf(
  loaded: LoadedRegister,
  options: { today: string; meeting?: string; acceptLate?: readonly string[] },
): Promise<Agenda> {
  const { settings } = loaded;
  const { today } = options;
  const calendar = await loadWorkingCalendar(settings);
  const meeting =
    options.meeting !== undefined
      ? scheduledMeeting(settings, calendar, options.meeting)
      : nextMeeting(settings, calendar, today);
  if (!meeting) throw new UsageError('no meeting is scheduled in the next ten years; check meetings.rule in ppp.yaml');
  const previous = meetingDates(settings, addMonths(meeting.date, -12), addDays(meeting.date, -1)).pop();
  const afterNext = meetings(settings, calendar, addDays(meeting.date, 1), { count: 2 })[1]?.date;
  const members = new Map(loaded.members.map((m) => [m.id, m]));
  const { actions, problems: actionProblems } = readActions(loaded.root, members);
  // An agenda built on a broken attendance or actions file would state false facts: refuse instead.
  const problems = [...loaded.attendanceProblems, ...actionProblems];
  if (problems.length)
    throw new RefusalError(
      `the agenda needs these files fixed first (nothing was written):\n${listProblems(problems)}`,
    );
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
    lastMeeting: lastHeld
      ? {
          date: lastHeld.date,
          quorate: lastHeld.attendance ? quorum(lastHeld.attendance, members, settings).quorate : null,
        }
      : null,
    acceptLate,
  });
  for (const id of acceptLate) {
    const late = [...result.proposals_and_drafts, ...result.reviews].some(
      (i) => i.id === id && i.note?.includes('accepted by the chair'),
    );
    if (!late)
      throw new UsageError(
        `--accept-late ${id}: ${id} is not a late submission for the meeting of ` +
          `${meeting.date}; only items received after its deadline can be accepted late`,
      );
  }
  return result;
}
