/** ppp agenda: the agenda of the next meeting, or of a named one, printed or written to a file. */
import { join, resolve } from 'node:path';
import type { Agenda } from '../core/agenda.js';
import type { Member } from '../core/members.js';
import { compareDates } from '../core/calendar.js';
import { RefusalError, UsageError } from '../core/errors.js';
import { realToday, today as todayOf } from '../io/clock.js';
import { readTextIfExists, removePath, writeFileAtomic } from '../io/fs.js';
import type { Io } from '../io/io.js';
import { loadRegister, type LoadedRegister } from './steps/load-register.js';
import { agendaOf, issuedFiles } from './steps/meeting-agenda.js';

export interface AgendaOptions {
  register?: string;
  today?: string;
  meeting?: string;
  acceptLate?: string[];
  /** Write the markdown to this file (from the current folder) instead of returning it for printing. */
  out?: string;
  /** Save it as the meeting's issued agenda: meetings/DATE/agenda.md and agenda.json. */
  issue?: boolean;
}

export interface AgendaResult {
  agenda: Agenda;
  /** The register's members, for naming people. */
  members: Member[];
  /** The agenda as markdown. */
  markdown: string;
  /** The file written, with out. */
  written?: string;
  /** The files of the issued agenda, with issue (register-relative). */
  issued?: string[];
}

/** Returns the agenda of the meeting and its markdown, written to options.out when given. */
export async function agenda(options: AgendaOptions, io: Io): Promise<AgendaResult> {
  const loaded = await loadRegister(io, {
    register: options.register,
    write: options.issue ? 'agenda --issue' : undefined,
  });
  const today = todayOf(io, loaded.settings.timezone, options.today);
  if (options.issue) return issue(loaded, options, today, realToday(io, loaded.settings.timezone));
  const result = await agendaOf(loaded, { today, meeting: options.meeting, acceptLate: options.acceptLate });
  const { agendaMarkdown } = await import('../report/agenda.js');
  const markdown = agendaMarkdown(result, loaded.members);
  if (options.out === undefined) return { agenda: result, members: loaded.members, markdown };
  const path = resolve(io.cwd, options.out);
  writeFileAtomic(path, markdown, { makeFolders: false });
  return { agenda: result, members: loaded.members, markdown, written: path };
}

/**
 * Saves the agenda as issued to members, with the late items the chair accepted, and returns it. Issued on the real
 * date (never a later one, whatever --today says); a meeting that has taken place is not issued any more.
 */
async function issue(
  loaded: LoadedRegister,
  options: AgendaOptions,
  today: string,
  real: string,
): Promise<AgendaResult> {
  if (options.out !== undefined) throw new UsageError('--issue saves the agenda in meetings/DATE/; leave out --out');
  const asOf = compareDates(today, real) < 0 ? today : real;
  const agenda = await agendaOf(loaded, {
    today: asOf,
    meeting: options.meeting,
    acceptLate: options.acceptLate,
    fresh: true,
  });
  if (compareDates(agenda.meeting, asOf) < 0) {
    throw new RefusalError(
      `the meeting of ${agenda.meeting} has taken place; its agenda can no longer be issued (nothing was written)`,
    );
  }
  const issued: Agenda = { ...agenda, source: { kind: 'issued', as_of: asOf }, issued_on: real };
  const { agendaMarkdown } = await import('../report/agenda.js');
  const markdown = agendaMarkdown(issued, loaded.members);
  const files = issuedFiles(agenda.meeting);
  // Both files or neither: should the second write fail, the first is put back as it was.
  const dataPath = join(loaded.root, files.data);
  const before = readTextIfExists(dataPath);
  writeFileAtomic(dataPath, JSON.stringify(issued, null, 2) + '\n');
  try {
    writeFileAtomic(join(loaded.root, files.markdown), markdown);
  } catch (error) {
    if (before === undefined) removePath(dataPath);
    else writeFileAtomic(dataPath, before);
    throw error;
  }
  return { agenda: issued, members: loaded.members, markdown, issued: [files.markdown, files.data] };
}
