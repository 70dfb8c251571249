/** The agenda of a meeting assembled from the loaded register: shared by agenda and minutes. */
import { join } from 'node:path';
import { ACTIONS_FILE, parseActions, type Action } from '../../core/actions.js';
import { buildAgenda, type Agenda } from '../../core/agenda.js';
import { absencesToEscalate, quorum } from '../../core/attendance.js';
import { addDays, addMonths, compareDates } from '../../core/calendar.js';
import { indexFields, type DocRecord } from '../../core/document.js';
import { RefusalError, UsageError } from '../../core/errors.js';
import { frontMatterData } from '../../core/front-matter.js';
import { meetingDates, meetings, nextMeeting, scheduledMeeting, type Meeting } from '../../core/meetings.js';
import type { Member } from '../../core/members.js';
import { listProblems, type Problem } from '../../core/problem.js';
import { dueRows } from '../../core/reviews.js';
import { decodeUtf8, readTextIfExists } from '../../io/fs.js';
import { commitAsOf, filesUnderAt, isInsideWorkTree } from '../../io/git.js';
import { readActions } from '../../io/register-files.js';
import type { LoadedRegister } from './load-register.js';
import { loadWorkingCalendar } from './working-calendar.js';

export interface AgendaOptions {
  today: string;
  meeting?: string;
  acceptLate?: readonly string[];
  /** Assemble it afresh from the register even when it was issued (to issue it again). */
  fresh?: boolean;
}

/** Returns the register-relative files of a meeting's issued agenda: its markdown and its data. */
export function issuedFiles(meeting: string): { markdown: string; data: string } {
  return { markdown: `meetings/${meeting}/agenda.md`, data: `meetings/${meeting}/agenda.json` };
}

/**
 * Returns the agenda of the meeting on options.meeting (else the next on or after today). A meeting that has taken
 * place is never described with today's state: its issued agenda when there is one, else the register as it stood at
 * its circulation deadline (from git), with the items late at that point as they were. Refuses when the files it
 * states facts from are broken.
 */
export async function agendaOf(loaded: LoadedRegister, options: AgendaOptions): Promise<Agenda> {
  const calendar = await loadWorkingCalendar(loaded.settings);
  const meeting =
    options.meeting !== undefined
      ? scheduledMeeting(loaded.settings, calendar, options.meeting)
      : nextMeeting(loaded.settings, calendar, options.today);
  if (!meeting) throw new UsageError('no meeting is scheduled in the next ten years; check meetings.rule in ppp.yaml');
  const issued = options.fresh ? undefined : readIssued(loaded.root, meeting.date);
  if (issued) return issued;
  if (compareDates(meeting.date, options.today) >= 0) {
    return assemble(loaded, meeting, options.today, loaded.records, readActions(loaded.root, membersOf(loaded)), {
      ...options,
      source: { kind: 'register', as_of: options.today },
    });
  }
  // A past meeting, never issued: the register at its circulation deadline, when git has it.
  const asOf = meeting.circulation_deadline;
  const commit = (await isInsideWorkTree(loaded.root)) ? await commitAsOf(loaded.root, asOf) : undefined;
  if (!commit) {
    return assemble(loaded, meeting, asOf, loaded.records, readActions(loaded.root, membersOf(loaded)), {
      ...options,
      source: { kind: 'register', as_of: asOf },
    });
  }
  const files = await filesUnderAt(loaded.root, commit, 'documents');
  const records = files
    .filter((f) => f.path.endsWith('.md'))
    .flatMap((f): DocRecord[] => {
      const text = decodeUtf8(f.bytes);
      const data = text === undefined ? undefined : frontMatterData(text);
      return data ? [{ file: f.path, hash: '', data: indexFields(data), positions: {}, problems: [] }] : [];
    });
  const actionsFile = (await filesUnderAt(loaded.root, commit, ACTIONS_FILE)).find((f) => f.path === ACTIONS_FILE);
  const actions = actionsFile
    ? parseActions(decodeUtf8(actionsFile.bytes) ?? '', membersOf(loaded))
    : { actions: [], problems: [] };
  return assemble(
    loaded,
    meeting,
    asOf,
    records,
    { actions: actions.actions, problems: [] },
    {
      ...options,
      source: { kind: 'history', as_of: asOf, commit },
    },
  );
}

function membersOf(loaded: LoadedRegister): Map<string, Member> {
  return new Map(loaded.members.map((m) => [m.id, m]));
}

/** Returns the issued agenda of a meeting, or undefined when none was issued; refuses a file that cannot be read. */
function readIssued(root: string, meeting: string): Agenda | undefined {
  const file = issuedFiles(meeting).data;
  const text = readTextIfExists(join(root, file));
  if (text === undefined) return undefined;
  try {
    const agenda = JSON.parse(text) as Agenda;
    if (agenda.meeting !== meeting || !Array.isArray(agenda.proposals_and_drafts)) throw new Error('not an agenda');
    return agenda;
  } catch (error) {
    throw new RefusalError(
      `${file} is not the issued agenda it should be (${(error as Error).message}); ` +
        `restore it from git (git checkout -- ${file})`,
    );
  }
}

async function assemble(
  loaded: LoadedRegister,
  meeting: Meeting,
  today: string,
  records: readonly DocRecord[],
  read: { actions: Action[]; problems: Problem[] },
  options: AgendaOptions & { source: NonNullable<Agenda['source']> },
): Promise<Agenda> {
  const { settings } = loaded;
  const calendar = await loadWorkingCalendar(settings);
  const previous = meetingDates(settings, addMonths(meeting.date, -12), addDays(meeting.date, -1)).pop();
  const afterNext = meetings(settings, calendar, addDays(meeting.date, 1), { count: 2 })[1]?.date;
  const members = membersOf(loaded);
  const { actions, problems: actionProblems } = read;
  // An agenda built on a broken attendance or actions file would state false facts: refuse instead.
  const problems = [...loaded.meetingProblems, ...actionProblems];
  if (problems.length)
    throw new RefusalError(
      `the agenda needs these files fixed first (nothing was written):\n${listProblems(problems)}`,
    );
  // The meetings held in the year before this one, in order; one with no attendance recorded breaks a run of absences.
  const recorded = new Map(loaded.meetingRecords.map((m) => [m.date, m.attendance]));
  // Only meetings that have taken place: one yet to meet may hold apologies, counted for neither quorum nor absences.
  const held = meetingDates(settings, addMonths(meeting.date, -12), addDays(meeting.date, -1)).filter(
    (d) => compareDates(d, today) <= 0,
  );
  const history = held.map((date) => ({ date, attendance: recorded.get(date) ?? null }));
  const lastHeld = history[history.length - 1];
  const acceptLate = new Set(options.acceptLate ?? []);
  const result = buildAgenda({
    group: settings.group,
    meeting,
    previous,
    afterNext,
    today,
    records,
    reviews: dueRows(records, today, settings),
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
  return { ...result, source: options.source };
}
