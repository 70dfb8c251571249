/**
 * Reads a register's own files (settings, members, actions, attendance, templates), with the built-in templates and
 * schemas beside them.
 */
import { fileSystemFailure } from './fs-failure.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_TYPES } from '../core/document.js';
import type { Settings } from '../core/settings.js';
import type { TemplateSource } from '../core/context.js';
import { ConfigError } from '../core/errors.js';
import { ACTIONS_FILE, parseActions, type Action } from '../core/actions.js';
import { parseAttendance, type Attendance } from '../core/attendance.js';
import { decisionsFile, parseDecisions, type DecisionRecord } from '../core/decisions.js';
import { MEMBERS_FILE, parseMembers, type Member } from '../core/members.js';
import { templateFault } from '../core/templates.js';
import { parseAllowedSigners, type SignerEntry } from '../core/allowed-signers.js';
import { SIGNERS_FILE } from '../core/verify.js';
import type { Problem } from '../core/problem.js';
import type { SchemaSources } from '../core/schema.js';
import { rate } from '../rules/index.js';
import { readTextIfExists } from './fs.js';
import { PACKAGE_ROOT, packageVersion } from './package-root.js';
import { SETTINGS_FILE } from './locate.js';

export { PACKAGE_ROOT };
export const BUILT_IN_TEMPLATES = join(PACKAGE_ROOT, 'templates');

/** Returns the text of the register's ppp.yaml. */
export function readSettingsText(root: string): string {
  const path = join(root, SETTINGS_FILE);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(fileSystemFailure(error) ?? `cannot read ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Returns the register's settings, or throws a ConfigError naming each fault's line and column; with today, a meeting
 * schedule that gives no meeting in the twelve months from it is one.
 */
export async function readSettings(
  root: string,
  text = readSettingsText(root),
  today?: string,
): Promise<{ settings: Settings; text: string }> {
  const { parseSettings } = await import('../core/ppp-yaml.js');
  const result = parseSettings(text, { today });
  if (!result.ok) {
    const lines = result.faults.map((f) => `${SETTINGS_FILE}:${f.line}:${f.column}: ${f.message}`);
    throw new ConfigError(
      `${SETTINGS_FILE} has ` +
        `${result.faults.length === 1 ? 'a problem' : `${result.faults.length} problems`}; ` +
        `fix ${result.faults.length === 1 ? 'it' : 'them'} and run the command again:\n  ${lines.join('\n  ')}`,
    );
  }
  return { settings: result.settings, text };
}

/** Returns the members and the problems of members.yaml (a missing file is one problem). */
export function readMembers(
  root: string,
  settings: Settings,
): { members: Member[]; problems: Problem[]; text: string } {
  const text = readTextIfExists(join(root, MEMBERS_FILE));
  if (text === undefined) {
    return {
      members: [],
      text: '',
      problems: [
        rate({
          file: MEMBERS_FILE,
          line: 1,
          column: 1,
          rule: 'members/invalid',
          message: 'members.yaml is missing; create it with a "members:" list (ppp init writes one)',
        }),
      ],
    };
  }
  const parsed = parseMembers(text, settings.roles);
  return { members: parsed.members, problems: parsed.problems.map(rate), text };
}

/**
 * Returns the keys listed in allowed_signers and the problems of its lines (signers/invalid); text is undefined
 * when the file does not exist.
 */
export function readAllowedSigners(root: string): { text?: string; entries: SignerEntry[]; problems: Problem[] } {
  const text = readTextIfExists(join(root, SIGNERS_FILE));
  if (text === undefined) return { entries: [], problems: [] };
  const parsed = parseAllowedSigners(text);
  return {
    text,
    entries: parsed.entries,
    problems: parsed.faults.map((f) => rate({ file: SIGNERS_FILE, rule: 'signers/invalid', ...f })),
  };
}

/**
 * Returns the set-up error of a command that needs the group's members when members.yaml is missing or cannot be read
 * at all (no member read from it), else undefined.
 */
export function membersSetupError(
  root: string,
  read: { members: readonly Member[]; problems: readonly Problem[] },
  command: string,
): ConfigError | undefined {
  if (readTextIfExists(join(root, MEMBERS_FILE)) === undefined)
    return new ConfigError(
      `${MEMBERS_FILE} is missing from ${root}, and ${command} needs the group's members; create it with a ` +
        `"members:" list, one entry per member ({ id: hqa, name: …, role: head-of-service }), as ppp init writes it`,
    );
  if (read.members.length > 0 || read.problems.length === 0) return undefined;
  const first = read.problems[0]!;
  return new ConfigError(
    `${MEMBERS_FILE} cannot be read, so ${command} knows no members (${MEMBERS_FILE}:${first.line}:${first.column}: ` +
      `${first.message}); fix it (ppp validate ${MEMBERS_FILE} lists every problem) and run ${command} again`,
  );
}

/** Returns the actions of actions.yaml (none when there is no file), its text, and its problems. */
export function readActions(
  root: string,
  members: ReadonlyMap<string, Member>,
): { actions: Action[]; problems: Problem[]; text: string; path: string } {
  const path = join(root, ACTIONS_FILE);
  const text = readTextIfExists(path);
  if (text === undefined) return { actions: [], problems: [], text: '', path };
  const parsed = parseActions(text, members);
  return { actions: parsed.actions, problems: parsed.problems.map(rate), text, path };
}

export interface MeetingRecord {
  date: string;
  /** The meeting's attendance, when recorded and readable. */
  attendance: Attendance | null;
  /** The decisions recorded for the meeting other than approvals (ppp decide). */
  decisions: DecisionRecord[];
}

/**
 * Returns the meetings that have a folder under meetings/, with their attendance and decisions, and the problems
 * of those files.
 */
export function readMeetingRecords(
  root: string,
  members: ReadonlyMap<string, Member>,
): { records: MeetingRecord[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const records = meetingFolders(root).map((date): MeetingRecord => {
    const record: MeetingRecord = { date, attendance: null, decisions: [] };
    const attendanceFile = `meetings/${date}/attendance.yaml`;
    const attendance = readTextIfExists(join(root, attendanceFile));
    if (attendance !== undefined) {
      const parsed = parseAttendance(attendanceFile, attendance, members);
      problems.push(...parsed.problems.map(rate));
      record.attendance = parsed.attendance;
    }
    const decisionsText = readTextIfExists(join(root, decisionsFile(date)));
    if (decisionsText !== undefined) {
      const parsed = parseDecisions(decisionsFile(date), decisionsText);
      problems.push(...parsed.problems.map(rate));
      record.decisions = parsed.decisions;
    }
    return record;
  });
  return { records, problems };
}

/** Returns the dates of the meetings that have a folder meetings/YYYY-MM-DD/, in order. */
function meetingFolders(root: string): string[] {
  let names: string[];
  try {
    names = readdirSync(join(root, 'meetings'));
  } catch {
    return [];
  }
  return names.filter((n) => /^\d{4}-\d{2}-\d{2}$/.test(n)).sort();
}

/** Returns the names of the folders under meetings/ (none when there is no such folder). */
export function meetingFolderNames(root: string): string[] {
  try {
    return readdirSync(join(root, 'meetings'), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** Returns the template of every type: the register's templates/TYPE.md where it has one, else the built-in one. */
export function readTemplates(root: string): TemplateSource[] {
  return DOCUMENT_TYPES.map((type) => {
    const own = join(root, 'templates', `${type}.md`);
    const text = readTextIfExists(own);
    if (text === undefined)
      return { type, text: readFileSync(join(BUILT_IN_TEMPLATES, `${type}.md`), 'utf8'), source: 'built-in' };
    const fault = templateFault(text);
    if (fault)
      throw new ConfigError(`templates/${type}.md: ${fault}; fix the template, or remove it to use the built-in one`);
    return { type, text, source: `templates/${type}.md` };
  });
}

/** Returns the built-in JSON Schemas of front matter (base and one per type), with their texts for the cache key. */
export function readSchemas(): { sources: SchemaSources; texts: string[] } {
  const dir = join(BUILT_IN_TEMPLATES, 'schema');
  const texts: string[] = [];
  const load = (name: string) => {
    const text = readFileSync(join(dir, name), 'utf8');
    texts.push(text);
    return JSON.parse(text) as object;
  };
  const base = load('base.schema.json');
  const types: Record<string, object> = {};
  for (const type of DOCUMENT_TYPES) types[type] = load(`${type}.schema.json`);
  return { sources: { base, types }, texts };
}

let fingerprint: string | undefined;

/**
 * Returns a fingerprint of this ppp: the build's (written by scripts/build.mjs), or, running
 * from the sources, a hash of them. The cache key holds it, so a changed rule is never hidden
 * by results cached by an older build with the same version number.
 */
export function toolFingerprint(): string {
  if (fingerprint) return fingerprint;
  const here = fileURLToPath(import.meta.url);
  const built = join(PACKAGE_ROOT, 'dist', 'build-id.txt');
  if (here.includes(`${sep}dist${sep}`) && existsSync(built)) return (fingerprint = readFileSync(built, 'utf8').trim());
  const hash = createHash('sha1').update(packageVersion());
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
        hash.update(path).update(readFileSync(path));
    }
  };
  walk(join(PACKAGE_ROOT, 'src'));
  return (fingerprint = hash.digest('hex'));
}

/** Returns the names of the presets shipped with ppp. */
export function presetNames(): string[] {
  return readdirSync(join(PACKAGE_ROOT, 'presets'))
    .filter((f) => f.endsWith('.yaml') && !f.endsWith('.members.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}
