/** ppp attendance: write meetings/DATE/attendance.yaml from the chair's list. */
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseAttendance, quorum, type Attendance } from '../core/attendance.js';
import { compareDates } from '../core/calendar.js';
import { RefusalError, UsageError } from '../core/errors.js';
import { scheduledMeeting } from '../core/meetings.js';
import { requireMember } from '../core/members.js';
import { recordingToday } from '../io/clock.js';
import { pathExists, writeFileAtomic } from '../io/fs.js';
import type { Io } from '../io/io.js';
import { readMembers, membersSetupError } from '../io/register-files.js';
import { loadSettings } from './steps/load-register.js';
import { loadWorkingCalendar } from './steps/working-calendar.js';

export interface AttendanceOptions {
  register?: string;
  today?: string;
  date: string;
  present?: string;
  apologies?: string;
  absent?: string;
  replace?: boolean;
}

const ids = (list?: string) =>
  (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Returns the apologies of "id,id=Delegate name, with commas,id": a comma starts a new entry only before a member id.
 */
function apologies(list: string | undefined, members: ReadonlyMap<string, unknown>): Attendance['apologies'] {
  const out: Attendance['apologies'] = [];
  for (const part of (list ?? '').split(',')) {
    const [id, ...rest] = part.split('=');
    const last = out[out.length - 1];
    if (last?.delegate && !members.has(id!.trim()) && !rest.length) {
      last.delegate += `,${part}`;
      continue;
    }
    if (!part.trim()) continue;
    out.push({ member: id!.trim(), delegate: rest.join('=').trim() || null });
  }
  return out;
}

/** Writes the attendance of a meeting and returns it with its quorum; every member must be accounted for. */
export async function recordAttendance(
  options: AttendanceOptions,
  io: Io,
): Promise<{ file: string; attendance: Attendance; quorate: boolean; short: string[]; ahead: boolean }> {
  const { root, settings } = await loadSettings(io, options.register, 'attendance');
  const meeting = scheduledMeeting(settings, await loadWorkingCalendar(settings), options.date);
  const read = readMembers(root, settings);
  const membersMissing = membersSetupError(root, read, 'ppp attendance');
  if (membersMissing) throw membersMissing;
  const members = new Map(read.members.map((m) => [m.id, m]));
  const attendance: Attendance = {
    present: ids(options.present),
    apologies: apologies(options.apologies, members),
    absent: ids(options.absent),
  };
  const named = [...attendance.present, ...attendance.apologies.map((a) => a.member), ...attendance.absent];
  for (const [flag, list] of [
    ['--present', attendance.present],
    ['--apologies', attendance.apologies.map((a) => a.member)],
    ['--absent', attendance.absent],
  ] as const)
    for (const id of list) requireMember(flag, id, members.values());
  const twice = named.filter((id, i) => named.indexOf(id) !== i);
  if (twice.length) throw new UsageError(`recorded twice: ${[...new Set(twice)].join(', ')}; name each member once`);
  // A meeting yet to take place may hold apologies sent in advance, but nobody was present or absent yet.
  const today = recordingToday(io, settings.timezone, options.today);
  const ahead = compareDates(meeting.date, today) > 0;
  if (ahead && (attendance.present.length || attendance.absent.length)) {
    throw new RefusalError(
      `the meeting of ${meeting.date} has not taken place yet (today is ${today}); record only apologies sent in ` +
        'advance (--apologies) until it has met; nothing was changed',
    );
  }
  const missing = ahead ? [] : [...members.keys()].filter((id) => !named.includes(id));
  if (missing.length)
    throw new UsageError(
      `not recorded: ${missing.join(', ')}; add each to --present, --apologies ` +
        `(id=delegate when someone came in their place) or --absent`,
    );
  const file = `meetings/${meeting.date}/attendance.yaml`;
  const path = join(root, file);
  if (pathExists(path) && !options.replace)
    throw new RefusalError(`${file} exists; nothing was changed. Edit it, or pass --replace to write it again`);
  const text =
    `# Attendance at the meeting of ${meeting.date}, recorded with ppp ` +
    `attendance.\n${stringify(attendance, { lineWidth: 0, flowCollectionPadding: false })}`;
  const check = parseAttendance(file, text, members);
  if (!check.attendance || check.problems.length)
    throw new Error(`the attendance written would not read back: ${JSON.stringify(check.problems)}`);
  writeFileAtomic(path, text);
  return { file, attendance, ...quorum(attendance, members, settings), ahead };
}
