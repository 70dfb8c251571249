/** ppp agenda: the agenda of the next meeting, or of a named one, printed or written to a file. */
import { resolve } from 'node:path';
import type { Agenda } from '../core/agenda.js';
import type { Member } from '../core/members.js';
import { today as todayOf } from '../io/clock.js';
import { writeFileAtomic } from '../io/fs.js';
import type { Io } from '../io/io.js';
import { loadRegister } from './steps/load-register.js';
import { agendaOf } from './steps/meeting-agenda.js';

export interface AgendaOptions {
  register?: string;
  today?: string;
  meeting?: string;
  acceptLate?: string[];
  /** Write the markdown to this file (from the current folder) instead of returning it for printing. */
  out?: string;
}

export interface AgendaResult {
  agenda: Agenda;
  /** The register's members, for naming people. */
  members: Member[];
  /** The agenda as markdown. */
  markdown: string;
  /** The file written, with out. */
  written?: string;
}

/** Returns the agenda of the meeting and its markdown, written to options.out when given. */
export async function agenda(options: AgendaOptions, io: Io): Promise<AgendaResult> {
  const loaded = await loadRegister(io, { register: options.register });
  const today = todayOf(io, loaded.settings.timezone, options.today);
  const result = await agendaOf(loaded, { today, meeting: options.meeting, acceptLate: options.acceptLate });
  const { agendaMarkdown } = await import('../report/agenda.js');
  const markdown = agendaMarkdown(result, loaded.members);
  if (options.out === undefined) return { agenda: result, members: loaded.members, markdown };
  const path = resolve(io.cwd, options.out);
  writeFileAtomic(path, markdown, { makeFolders: false });
  return { agenda: result, members: loaded.members, markdown, written: path };
}
