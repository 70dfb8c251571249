/** Reads a whole register through io/, checking each file or taking its record from the cache. */
import { makeContext, type CheckContext, type ContextInput } from '../../core/context.js';
import type { DocRecord } from '../../core/document.js';
import { ConfigError, RefusalError, UsageError } from '../../core/errors.js';
import type { Member } from '../../core/members.js';
import type { Problem } from '../../core/problem.js';
import { buildRegisterView } from '../../core/register-view.js';
import type { Settings } from '../../core/settings.js';
import { checkRegister } from '../../rules/runner.js';
import { cacheDir, contextKey, openCache, type Cache } from '../../io/cache.js';
import { blankRecord, type Job } from '../../io/check-job.js';
import { listDocuments, readDocument } from '../../io/fs.js';
import type { Io } from '../../io/io.js';
import { realToday } from '../../io/clock.js';
import { lockRegister } from '../../io/lock.js';
import { locateRegister } from '../../io/locate.js';
import { checkJobs } from '../../io/pool.js';
import {
  readMeetingRecords,
  readMembers,
  readSchemas,
  readSettings,
  readSettingsText,
  readTemplates,
  toolFingerprint,
  type MeetingRecord,
} from '../../io/register-files.js';

export type { MeetingRecord };

export interface LoadedRegister {
  root: string;
  /** Meetings with a folder under meetings/, with their attendance when recorded and readable. */
  meetingRecords: MeetingRecord[];
  /** Problems of the meetings' attendance and decisions files. */
  meetingProblems: Problem[];
  settings: Settings;
  members: Member[];
  /** Problems of members.yaml. */
  memberProblems: Problem[];
  /** One record per document file, in path order. */
  records: DocRecord[];
  /** What documents are checked against: the settings, the templates and the schemas' sources. */
  contextInput: ContextInput;
  /** The context of the register rules (no schemas: those are compiled only where files are checked). */
  context: () => CheckContext;
}

export interface LoadOptions {
  register?: string;
  /** The command that will write the register: it holds the register lock from this read to its last write. */
  write?: string;
  /** Use and update the validation cache (default true). */
  cache?: boolean;
}

/** Returns the register's root and settings alone (no documents read), for commands that need only those. */
export async function loadSettings(
  io: Io,
  register?: string,
  write?: string,
): Promise<{ root: string; settings: Settings }> {
  const root = locateRegister({ register, env: io.env, cwd: io.cwd });
  if (write) await lockRegister(root, io, write);
  const text = readSettingsText(root);
  const settings = (await readSettings(root, text)).settings;
  await checkSchedule(root, text, settings, io);
  return { root, settings };
}

/**
 * Throws the ppp.yaml error, at its line, when the meeting schedule gives no meeting in the twelve months from the real
 * date: checked on every run, since settings cached while the rule still gave meetings may have run out since.
 */
async function checkSchedule(root: string, text: string, settings: Settings, io: Io, cache?: Cache): Promise<void> {
  const today = realToday(io, settings.timezone);
  // Until the last meeting found last time, a meeting is within twelve months: no need to load rrule again.
  if (cache?.scheduleUntil !== undefined && today <= cache.scheduleUntil) return;
  const { lastMeetingWithinYear } = await import('../../core/meetings.js');
  const until = lastMeetingWithinYear(settings, today);
  if (until !== undefined) cache?.setScheduleUntil(until);
  else await readSettings(root, text, today);
}

/** Returns the register found from the options, with every document checked on its own. */
export async function loadRegister(io: Io, options: LoadOptions): Promise<LoadedRegister> {
  const root = locateRegister({ register: options.register, env: io.env, cwd: io.cwd });
  if (options.write) await lockRegister(root, io, options.write);
  // Set-up faults in the environment are refused whether or not this run gets as far as using them.
  threadLimit(io.env.PPP_THREADS);
  cacheDir(io.env);
  const settingsText = readSettingsText(root);
  const templates = readTemplates(root);
  const schemas = readSchemas();
  const key = contextKey([
    toolFingerprint(),
    settingsText,
    ...templates.flatMap((t) => [t.source, t.text]),
    ...schemas.texts,
  ]);
  const cache: Cache | undefined = options.cache === false ? undefined : openCache(cacheDir(io.env), root, key);
  // Settings checked on an earlier run of the same ppp.yaml are taken from the cache: no ajv to load.
  const settings = cache?.settings ?? (await readSettings(root, settingsText)).settings;
  cache?.setSettings(settings);
  await checkSchedule(root, settingsText, settings, io, cache);
  const members = readMembers(root, settings);
  const input: ContextInput = { settings, templates, schemas: schemas.sources };
  const records = await readRecords(root, input, cache, io);
  const meetings = readMeetingRecords(root, new Map(members.members.map((m) => [m.id, m])));
  let context: CheckContext | undefined;
  return {
    root,
    meetingRecords: meetings.records,
    meetingProblems: meetings.problems,
    settings,
    members: members.members,
    memberProblems: members.problems,
    records,
    contextInput: input,
    context: () => (context ??= makeContext(input)),
  };
}

const NOT_A_FILE =
  'the file cannot be read: it is not a regular file (a named pipe, socket or device); ' +
  'keep only documents in documents/';
const OUTSIDE = 'this is a link to a file outside the register (or to nothing); replace it with the document itself';

/**
 * Returns the record of every document file: from the cache when its bytes are unchanged, else checked (in parallel
 * when there are many).
 */
async function readRecords(root: string, input: ContextInput, cache: Cache | undefined, io: Io): Promise<DocRecord[]> {
  const listed = listDocuments(root);
  const records: (DocRecord | undefined)[] = new Array(listed.length);
  const jobs: Job[] = [];
  const jobIndex: number[] = [];
  // With nothing cached, every file is checked: leave the reading to the threads that check.
  const cold = !cache || cache.isEmpty();
  listed.forEach((f, i) => {
    if (f.outside || f.special) {
      records[i] = f.special
        ? blankRecord(f.rel, '', 'file/unreadable', NOT_A_FILE)
        : blankRecord(f.rel, '', 'file/outside-register', OUTSIDE);
      return;
    }
    if (!cold) {
      const read = readDocument(f.abs);
      // Same bytes, same record: a cached file is neither decoded nor parsed again.
      const hit = read.kind === 'bytes' ? cache?.get(f.rel, read.hash) : undefined;
      if (hit) {
        records[i] = hit;
        return;
      }
    }
    jobs.push({ rel: f.rel, abs: f.abs });
    jobIndex.push(i);
  });
  if (jobs.length > 0) {
    const threads = threadLimit(io.env.PPP_THREADS);
    const checked = await checkJobs(jobs, input, threads);
    checked.forEach((record, j) => {
      records[jobIndex[j]!] = record;
      if (record.hash) cache?.set(record);
    });
  }
  cache?.save(listed.map((f) => f.rel));
  return records as DocRecord[];
}

/**
 * Returns the record of the document with this id; refuses when its file cannot be read, and is a usage error when no
 * document has it.
 */
export function findDocument(loaded: LoadedRegister, id: string): DocRecord & { data: NonNullable<DocRecord['data']> } {
  const record = loaded.records.find((r) => r.data?.id === id);
  if (record?.data) return record as DocRecord & { data: NonNullable<DocRecord['data']> };
  const broken = loaded.records.find((r) => !r.data && r.file.includes(`/${id}`));
  if (broken)
    throw new RefusalError(
      `${broken.file} cannot be read (${broken.problems[0]?.message ?? 'run ppp validate'}); fix it first`,
    );
  throw new UsageError(`${id} is not a document in the register; check the id with ppp register`);
}

/** Returns the owners the documents name, members or not: a filter may name an owner who has left members.yaml. */
export function ownersOf(records: readonly DocRecord[]): string[] {
  return records.flatMap((r) => (typeof r.data?.owner === 'string' ? [r.data.owner] : []));
}

/** Returns every problem of one document: its own, and those of the register rules about it. */
export function problemsOf(loaded: LoadedRegister, record: DocRecord): Problem[] {
  const view = buildRegisterView(loaded.records, loaded.members);
  return [...record.problems, ...checkRegister(view, loaded.context(), new Set([record.file]))];
}

/** Returns the thread limit PPP_THREADS sets (undefined: as many as the machine has); refuses an impossible one. */
function threadLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isInteger(n) || n < 1)
    throw new ConfigError(
      `PPP_THREADS=${JSON.stringify(value)} is not a number of threads; set it to a whole number from 1, or unset it`,
    );
  return n;
}
