/**
 * ppp init: a new, empty register from a preset, in a git repository, with its editor settings; all of it or nothing.
 * In an existing register, --ci writes a CI workflow and --editor the editor settings.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { ciWorkflow, type CiKind } from '../core/ci.js';
import {
  EDITOR_SCHEMA_FOLDER,
  EDITOR_SCHEMAS,
  mergeExtensions,
  mergeSettings,
  mergeTasks,
  VSCODE_EXTENSIONS,
  VSCODE_SETTINGS,
  VSCODE_TASKS,
  type JsonMerge,
} from '../core/editor-settings.js';
import { ConfigError, GitError, UsageError } from '../core/errors.js';
import { firstControlCharacter } from '../core/text.js';
import {
  isDirectory,
  listFolder,
  movePath,
  makeDirectory,
  pathExists,
  readPackageFile,
  readPackageTree,
  readTextIfExists,
  removeEmptyFolder,
  removePath,
  writeFileAtomic,
} from '../io/fs.js';
import { initRepository, isInsideWorkTree, registerPrefix } from '../io/git.js';
import { addDays, compareDates, daysBetween } from '../core/calendar.js';
import { realToday } from '../io/clock.js';
import { fileSystemFailure } from '../io/fs-failure.js';
import type { Io } from '../io/io.js';
import { locateRegister, SETTINGS_FILE } from '../io/locate.js';
import { presetNames } from '../io/register-files.js';

export interface InitOptions {
  dir: string;
  preset?: string;
  /** Also write this CI workflow (at the top of the git work tree). */
  ci?: CiKind;
}

export interface InitResult {
  root: string;
  preset: string;
  /** What was written, relative to the register (a CI file at the top of an enclosing repository starts ../). */
  files: string[];
  /** 'created', or 'existing' when the folder was already inside a git work tree. */
  repository: 'created' | 'existing';
}

/** A file ppp init plans to write: its path, its text, and what was there before (undefined: nothing). */
interface PlannedFile {
  path: string;
  text: string;
  previous?: string;
  /** create: a new file; update: merged into or refreshing one; unchanged: already as it would be written. */
  action: 'create' | 'update' | 'unchanged';
}

/** One file written, or found already as it would be written, by ppp init --ci or --editor. */
export interface WrittenFile {
  /** Relative to the register (../ for a CI file at the top of an enclosing repository). */
  file: string;
  action: PlannedFile['action'];
}

const ALLOWED_SIGNERS = `# Approvers' public keys, in git's allowed-signers format: one line per key,
#   <principal> namespaces="git" <key type> <public key>
# for example
#   chair@example.org namespaces="git" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA...
# ppp verify trusts an approval only when its signing key is listed here.
# To add yours: git config user.signingkey ~/.ssh/id_ed25519.pub; git config gpg.format ssh;
# then append the line above with your e-mail and the contents of that .pub file.
`;

/**
 * Writes a new register into dir and returns what it wrote; refuses to write over anything, and leaves nothing behind
 * when a step fails.
 */
export async function init(options: InitOptions, io: Io): Promise<InitResult> {
  const preset = options.preset ?? 'dorset-ppp';
  const presets = presetNames();
  if (!presets.includes(preset))
    throw new UsageError(`--preset ${preset} is not a preset; choose one of: ${presets.join(', ')}`);
  const root = resolve(io.cwd, options.dir);
  if (pathExists(root) && !isDirectory(root))
    throw new UsageError(`${root} is a file, not a folder; choose a folder for the register`);
  if (pathExists(join(root, SETTINGS_FILE))) {
    throw new UsageError(
      `${root} is already a register (it has ${SETTINGS_FILE}); nothing was changed. Choose another folder.`,
    );
  }
  for (const name of ['members.yaml', 'allowed_signers', 'documents']) {
    if (pathExists(join(root, name)))
      throw new UsageError(
        `${join(root, name)} already exists; ppp init will not write over it. Choose an empty folder.`,
      );
  }
  const files: [string, string][] = [
    [SETTINGS_FILE, readPackageFile(`presets/${preset}.yaml`)],
    ['members.yaml', readPackageFile(`presets/${preset}.members.yaml`)],
    ['allowed_signers', ALLOWED_SIGNERS],
    ['documents/.gitkeep', ''],
  ];
  // Planned before anything is made: a .vscode file that cannot be merged is refused with nothing written.
  const editor = planEditorFiles(root);
  const createdRoot = makeDirectory(root);
  const created: string[] = [];
  const undo: PlannedFile[] = [];
  try {
    const repository = (await isInsideWorkTree(root)) ? 'existing' : 'created';
    const ci = options.ci ? await planCiFile(root, options.ci, repository === 'created' ? '' : undefined) : [];
    // git first: when it fails there is nothing else to undo.
    if (repository === 'created') {
      await initRepository(root);
      created.push(join(root, '.git'));
    }
    for (const [name, content] of files) {
      const path = join(root, name);
      writeFileAtomic(path, content, { exclusive: true });
      created.push(name === 'documents/.gitkeep' ? join(root, 'documents') : path);
    }
    const extras = [...editor, ...ci];
    writePlanned(extras, undo, created);
    return { root, preset, files: [...files.map(([n]) => n), ...extras.map((f) => shown(root, f.path))], repository };
  } catch (error) {
    undoPlanned(undo);
    for (const path of created.reverse()) removePath(path);
    if (createdRoot) removePath(root);
    if (error instanceof GitError || error instanceof UsageError) throw error;
    const why = fileSystemFailure(error)?.replace(/\. Nothing was changed$/, '') ?? (error as Error).message;
    throw new UsageError(`could not create the register in ${root}: ${why}; nothing was left behind`, {
      cause: error,
    });
  }
}

export interface ExampleResult {
  root: string;
  commits: number;
  approvals: number;
  signingKey: string;
  principal: string;
  /** Where the story, anchored to the real date, stands: its last day and the meetings either side. */
  story: { end: string; lastMeeting?: string; nextMeeting?: string };
  /** The files written beside the history and not committed (--ci, --editor), relative to the register. */
  extras: string[];
}

/**
 * Writes the live example register into dir: a new git repository whose history replays the
 * sample register's life, approvals signed with a demonstration SSH key made now and listed in
 * allowed_signers. All of it or nothing: a failed step removes what was made.
 */
export async function initExample(
  options: { dir: string; ci?: CiKind; editor?: boolean },
  io: Io,
): Promise<ExampleResult> {
  const root = resolve(io.cwd, options.dir);
  if (pathExists(root) && !isDirectory(root))
    throw new UsageError(`${root} is a file, not a folder; choose a new folder for the example`);
  if (pathExists(root) && listFolder(root).length > 0)
    throw new UsageError(`${root} is not empty; the example is a new repository, so choose a new or empty folder`);
  // Written into the new repository beside its history, not committed: the history stays the sample's own.
  const extras = [
    ...(options.editor ? planEditorFiles(root) : []),
    ...(options.ci ? [ciWorkflow(options.ci, '')] : []),
  ].map((f) => ({ path: relative(root, resolve(root, f.path)), text: f.text }));
  const { anchorHistory, planExampleHistory } = await import('../core/example-history.js');
  const { parseMembers } = await import('../core/members.js');
  const { gitOutput, runGit } = await import('../io/git.js');
  const { writeHistory } = await import('../io/history-writer.js');
  const { makeSshKey } = await import('../io/ssh.js');
  const sample = readPackageTree('register');
  const membersText = sample.find((f) => f.path === 'members.yaml')?.text ?? '';
  const chair = parseMembers(membersText, [
    'chair',
    'vice-chair',
    'head-of-service',
    'qa-manager',
    'service-lead',
    'workforce-development',
    'commissioning',
    'solicitor',
    'mosaic-lead',
    'operations-manager',
  ]).members.find((m) => m.role === 'chair');
  const name = chair?.name ?? 'PPP Chair';
  const principal = chair?.email ?? 'chair@example.org';

  // Built in a hidden folder beside it and renamed into place at the end: an interrupted or failed run leaves
  // nothing behind, and the folder never holds half an example.
  const build = join(dirname(root), `.${basename(root)}.ppp-example-${randomBytes(4).toString('hex')}`);
  const interrupted = (signal: NodeJS.Signals) => {
    // git or ssh-keygen may still be writing in it: try again until it is gone.
    for (let attempt = 0; attempt < 20 && pathExists(build); attempt++) {
      try {
        removePath(build);
      } catch {
        // a file appeared while removing; once more
      }
    }
    io.stderr.write(`\nppp: stopped by ${signal}; nothing was left behind\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.once(s, interrupted);
  try {
    makeDirectory(build);
  } catch (error) {
    for (const s of signals) process.removeListener(s, interrupted);
    // Said of the folder asked for, not of the hidden one beside it.
    Object.assign(error as object, { path: root, syscall: 'write' });
    throw error;
  }
  try {
    await initRepository(build);
    makeDirectory(join(build, '.git', 'ppp-demo'));
    const buildKey = join(build, '.git', 'ppp-demo', 'id_ed25519');
    const keyPath = join(root, '.git', 'ppp-demo', 'id_ed25519');
    const publicKey = await makeSshKey(buildKey, 'ppp demonstration key');
    const signers = {
      path: 'allowed_signers',
      text: `${ALLOWED_SIGNERS}#
# The demonstration key below was made by ppp init --example; its private half is in
# .git/ppp-demo/ and never leaves this copy. Replace it with your approvers' real keys.
${principal} namespaces="git" ${publicKey}
`,
    };
    // Sign as the sample's chair with the demonstration key, in this repository only.
    await gitOutput(build, ['config', 'gpg.format', 'ssh']);
    if ((await runGit(build, ['config', 'user.email'])).code !== 0) {
      await gitOutput(build, ['config', 'user.name', name]);
      await gitOutput(build, ['config', 'user.email', principal]);
    }
    const story = await anchoredStory(sample, io);
    const steps = anchorHistory(
      planExampleHistory(
        sample.filter((f) => f.path !== 'allowed_signers'),
        signers,
      ),
      story.map,
      story.sampleMeetings,
    );
    const perDay = new Map<string, number>();
    const commits = steps.map((step) => {
      const n = perDay.get(step.date) ?? 0;
      perDay.set(step.date, n + 1);
      const two = (x: number) => String(x).padStart(2, '0');
      const when = `${step.date}T${two(9 + Math.floor(n / 60))}:${two(n % 60)}:00+00:00`;
      const who = { name, email: principal, date: when };
      return { files: step.files, message: step.message, author: who, committer: who, sign: step.approval };
    });
    // The work tree holds each file as the last step left it; git writes the whole history in a few calls,
    // where git add and git commit per step cost ten times as long.
    const latest = new Map(steps.flatMap((step) => step.files.map((f) => [f.path, f.text] as const)));
    for (const [path, text] of latest) writeFileAtomic(join(build, path), text);
    await writeHistory(build, commits, { branch: 'main', signingKey: buildKey });
    for (const extra of extras) writeFileAtomic(join(build, extra.path), extra.text, { exclusive: true });
    if (pathExists(root)) removeEmptyFolder(root);
    movePath(build, root);
    // Paths in the configuration are the example's own, now that it is in place.
    for (const [key, value] of [
      ['user.signingkey', keyPath],
      ['gpg.ssh.allowedSignersFile', join(root, 'allowed_signers')],
    ]) {
      await gitOutput(root, ['config', key!, value!]);
    }
    const approvals = steps.filter((step) => step.approval).length;
    return {
      root,
      commits: steps.length,
      approvals,
      signingKey: keyPath,
      principal,
      story: { end: story.storyEnd, lastMeeting: story.lastMeeting, nextMeeting: story.nextMeeting },
      extras: extras.map((f) => f.path),
    };
  } catch (error) {
    removePath(build);
    if (error instanceof GitError || error instanceof UsageError || error instanceof ConfigError) throw error;
    const why = fileSystemFailure(error)?.replace(/\. Nothing was changed$/, '') ?? (error as Error).message;
    throw new GitError(`could not build the example in ${root}: ${why}; nothing was left behind`, { cause: error });
  } finally {
    for (const s of signals) process.removeListener(s, interrupted);
  }
}

/**
 * Returns the map that anchors the sample's story to the real date (see core/story-dates.ts): its meetings become the
 * group's meetings around today, and its last day yesterday.
 */
async function anchoredStory(sample: readonly { path: string; text: string }[], io: Io) {
  const { parseSettings } = await import('../core/ppp-yaml.js');
  const { meetings } = await import('../core/meetings.js');
  const { loadWorkingCalendar } = await import('./steps/working-calendar.js');
  const { dateMapThrough, SAMPLE_NOW, storyAnchors } = await import('../core/story-dates.js');
  const parsed = parseSettings(sample.find((f) => f.path === SETTINGS_FILE)?.text ?? '');
  if (!parsed.ok) throw new ConfigError(`the sample register's ${SETTINGS_FILE} does not load; reinstall ppp`);
  const settings = parsed.settings;
  const calendar = await loadWorkingCalendar(settings);
  const yesterday = addDays(realToday(io, settings.timezone), -1);
  const span = { back: daysBetween(SAMPLE_FIRST, SAMPLE_NOW), ahead: daysBetween(SAMPLE_NOW, SAMPLE_LAST) };
  const sampleMeetings = meetings(settings, calendar, SAMPLE_FIRST, { to: SAMPLE_LAST }).map((m) => m.date);
  const around = meetings(settings, calendar, addDays(yesterday, -span.back - 400), {
    to: addDays(yesterday, span.ahead + 400),
  });
  // Items received for the next meeting stay in time: the story ends by its submission deadline.
  const next = around.find((m) => compareDates(m.date, yesterday) > 0);
  const last = [...around].reverse().find((m) => compareDates(m.date, yesterday) <= 0);
  let storyEnd = yesterday;
  if (next && compareDates(next.submission_deadline, storyEnd) < 0) storyEnd = next.submission_deadline;
  if (last && compareDates(storyEnd, last.date) < 0) storyEnd = last.date;
  const anchors = storyAnchors({ sampleMeetings, realMeetings: around.map((m) => m.date), storyEnd });
  return { map: dateMapThrough(anchors), sampleMeetings, storyEnd, lastMeeting: last?.date, nextMeeting: next?.date };
}

/** The span of the sample's dates, with room: its oldest approval and its latest review. */
const SAMPLE_FIRST = '2019-01-01';
const SAMPLE_LAST = '2031-12-31';

/**
 * Writes the CI workflow (at the top of the git work tree) and the editor settings (.vscode/, and ppp's schemas in
 * .ppp/schema/) of an existing register, all or none, and returns what it wrote. A workflow already there is never
 * replaced (the same text is left as it is, any other is refused); a .vscode file there is merged, keeping its other
 * settings, or refused when it is not plain JSON. A refusal writes nothing.
 */
export async function initExisting(
  options: { register?: string; ci?: CiKind; editor?: boolean },
  io: Io,
): Promise<WrittenFile[]> {
  const root = locateRegister({ register: options.register, env: io.env, cwd: io.cwd });
  const planned: PlannedFile[] = [];
  if (options.ci) {
    if (!(await isInsideWorkTree(root)))
      throw new UsageError(
        `${root} is not in a git repository, and CI runs on one: make it one (git init, then commit the ` +
          'register), then run ppp init --ci again. Nothing was written',
      );
    planned.push(...(await planCiFile(root, options.ci)));
  }
  if (options.editor) planned.push(...planEditorFiles(root));
  return writeAll(root, planned);
}

/** Writes planned files, all or none, and returns them relative to the register. */
function writeAll(root: string, planned: PlannedFile[]): WrittenFile[] {
  const undo: PlannedFile[] = [];
  const created: string[] = [];
  try {
    writePlanned(planned, undo, created);
  } catch (error) {
    undoPlanned(undo);
    for (const path of created.reverse()) removePath(path);
    throw error;
  }
  return planned.map((f) => ({ file: shown(root, f.path), action: f.action }));
}

/**
 * Returns the editor files of a register: ppp's schemas copied into .ppp/schema/ (ppp's own folder: an older copy is
 * refreshed) and the three .vscode files, each merged into the one there. Throws a usage error, before anything is
 * written, for a .vscode file that cannot be merged.
 */
function planEditorFiles(root: string): PlannedFile[] {
  const planned: PlannedFile[] = EDITOR_SCHEMAS.map((s) => {
    const path = join(root, EDITOR_SCHEMA_FOLDER, s.file);
    const text = readPackageFile(`templates/schema/editor/${s.file}`);
    const previous = readTextIfExists(path);
    return {
      path,
      text,
      previous,
      action: previous === undefined ? 'create' : previous === text ? 'unchanged' : 'update',
    };
  });
  const merges: [string, (text: string | undefined) => JsonMerge][] = [
    [VSCODE_SETTINGS, mergeSettings],
    [VSCODE_EXTENSIONS, mergeExtensions],
    [VSCODE_TASKS, mergeTasks],
  ];
  for (const [name, merge] of merges) {
    const path = join(root, name);
    const previous = readTextIfExists(path);
    const merged = merge(previous);
    if (!merged.ok) {
      const byHand = merged.addByHand
        ? `add this to it yourself: ${merged.addByHand}`
        : `add ppp's task to it yourself (see "Editor help" in ppp's README)`;
      throw new UsageError(
        `${path} cannot be merged: ${merged.reason}. Nothing was written. Make it plain JSON and run ppp init ` +
          `--editor again, or ${byHand}`,
      );
    }
    const action = previous === undefined ? 'create' : merged.changed ? 'update' : 'unchanged';
    planned.push({ path, text: merged.text, previous, action });
  }
  return planned;
}

/**
 * Returns the CI workflow of a register, placed at the top of its git work tree (prefix: the register's folder in
 * it, '' at the top; found from git when not given). Throws a usage error when a different workflow is there.
 */
async function planCiFile(root: string, kind: CiKind, prefix?: string): Promise<PlannedFile[]> {
  const inside = (prefix ?? (await registerPrefix(root))).replace(/\/+$/, '');
  const bad = firstControlCharacter(inside);
  if (bad !== undefined)
    throw new UsageError(`the register's folder name holds a control character (${bad}); rename it for CI`);
  const top = inside ? resolve(root, ...inside.split('/').map(() => '..')) : root;
  const workflow = ciWorkflow(kind, inside);
  const path = join(top, workflow.path);
  const previous = readTextIfExists(path);
  if (previous !== undefined && previous !== workflow.text) {
    throw new UsageError(
      `${path} already exists and is not the workflow ppp writes; ppp init never writes over a workflow of ` +
        `your own. Nothing was written. To use ppp's, move yours aside and run ppp init --ci ${kind} again, ` +
        'or copy what you need from "CI recipe" in ppp\'s README',
    );
  }
  return [{ path, text: workflow.text, previous, action: previous === undefined ? 'create' : 'unchanged' }];
}

/**
 * Writes each planned file that changes (a new one exclusively, so a file that appeared meanwhile is never replaced),
 * noting in undo what was replaced and in created the new files and the top folders made for them.
 */
function writePlanned(planned: readonly PlannedFile[], undo: PlannedFile[], created: string[]): void {
  for (const file of planned) {
    if (file.action === 'unchanged') continue;
    let topMissing: string | undefined;
    for (let dir = dirname(file.path); !pathExists(dir); dir = dirname(dir)) topMissing = dir;
    // Noted first: a failed write may already have made the folders.
    if (topMissing) created.push(topMissing);
    writeFileAtomic(file.path, file.text, { exclusive: file.action === 'create' });
    if (file.action === 'create') created.push(file.path);
    else undo.push(file);
  }
}

/** Puts back the files a failed run had replaced. */
function undoPlanned(undo: readonly PlannedFile[]): void {
  for (const file of undo) if (file.previous !== undefined) writeFileAtomic(file.path, file.previous);
}

/** Returns a path as shown to the user: relative to the register, forward slashes. */
function shown(root: string, path: string): string {
  return relative(root, path).split('\\').join('/');
}
