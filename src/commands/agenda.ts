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

export interface CirculateResult {
  to: string[];
  notSent: { member: string; why: string }[];
  sent: boolean;
  /** The agenda was circulated before, as it stands: nothing was sent again. */
  already?: string;
  error?: string;
}

/**
 * Sends the issued agenda to every member with an e-mail address, with the meeting as an iCalendar attachment (the
 * UID of meetings.ics), through the SMTP server of ppp.yaml mail: (or as an .eml file into out). The same agenda is
 * never sent twice: mail/sent.yaml records it by its content when the server accepts it.
 */
export async function circulate(
  result: AgendaResult,
  options: { register?: string; out?: string },
  io: Io,
): Promise<CirculateResult> {
  const { createHash } = await import('node:crypto');
  const { isEmail } = await import('../core/members.js');
  const { SENT_FILE } = await import('../core/sent-record.js');
  const { readSentRecord } = await import('./steps/sent-mail.js');
  const loaded = await loadRegister(io, { register: options.register, write: 'agenda' });
  const { root, settings } = loaded;
  if (!settings.mail)
    throw new UsageError('--send needs mail: settings in ppp.yaml (host, from, auth); the agenda is issued, not sent');
  const real = realToday(io, settings.timezone);
  const record = readSentRecord(root, real);
  if (record.faults)
    throw new RefusalError(`${SENT_FILE} cannot be trusted, so the agenda was issued but not sent:\n${record.faults}`);
  const meeting = result.agenda.meeting;
  const key = `agenda:${meeting}:${createHash('sha256').update(result.markdown).digest('hex').slice(0, 16)}`;
  const to = result.members.filter((m) => m.email && isEmail(m.email.trim())).map((m) => m.email!.trim());
  const notSent = result.members
    .filter((m) => !m.email || !isEmail(m.email.trim()))
    .map((m) => ({
      member: m.id,
      why: m.email ? `has the address "${m.email}", which is not one` : 'has no e-mail address',
    }));
  const before = record.entries.find((e) => e.key === key);
  if (before) return { to, notSent, sent: false, already: before.sent_on };
  const { meetingOn } = await import('../core/meetings.js');
  const { loadWorkingCalendar } = await import('./steps/working-calendar.js');
  const { meetingsIcs } = await import('../report/meetings.js');
  const { mailHtml } = await import('../report/mail-html.js');
  const calendar = await loadWorkingCalendar(settings);
  const ics = meetingsIcs([meetingOn(settings, calendar, meeting)], settings, { cancelled: [], generatedAt: io.now() });
  const subject = `${settings.group}: agenda of the meeting of ${meeting}`;
  const body = mailHtml(subject, [
    `The agenda and papers of the meeting of ${meeting}, issued on ${result.agenda.issued_on ?? real}.`,
    ...result.markdown
      .split(/\n\s*\n/)
      .map((p) => p.replace(/^#+\s*/, '').trim())
      .filter(Boolean),
  ]);
  const { sendMessages } = await import('../io/mail.js');
  const outcome = await sendMessages(
    settings.mail,
    [
      {
        id: `agenda-${meeting}`,
        to,
        subject,
        text: result.markdown,
        html: body.html,
        ics: { filename: `meeting-${meeting}.ics`, content: ics },
      },
    ],
    io.env,
    { out: options.out === undefined ? undefined : resolve(io.cwd, options.out) },
  );
  if (!outcome.accepted.length) return { to, notSent, sent: false, error: outcome.failed[0]?.error };
  const rejected = new Set(outcome.accepted[0]!.rejected);
  record.add([{ key, to: to.join(', '), sent_on: real }]);
  return {
    to: to.filter((a) => !rejected.has(a)),
    notSent: [...notSent, ...[...rejected].map((a) => ({ member: a, why: 'was refused by the mail server' }))],
    sent: true,
  };
}
