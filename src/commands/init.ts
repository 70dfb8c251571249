/** ppp init: a new, empty register from a preset, in a git repository; all of it or nothing. */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError, GitError, UsageError } from '../core/errors.js';
import {
  isDirectory,
  listFolder,
  movePath,
  makeDirectory,
  pathExists,
  readPackageFile,
  readPackageTree,
  removeEmptyFolder,
  removePath,
  writeFileAtomic,
} from '../io/fs.js';
import { initRepository, isInsideWorkTree } from '../io/git.js';
import { addDays, compareDates, daysBetween } from '../core/calendar.js';
import { realToday } from '../io/clock.js';
import { fileSystemFailure } from '../io/fs-failure.js';
import type { Io } from '../io/io.js';
import { SETTINGS_FILE } from '../io/locate.js';
import { presetNames } from '../io/register-files.js';

export interface InitOptions {
  dir: string;
  preset?: string;
}

export interface InitResult {
  root: string;
  preset: string;
  files: string[];
  /** 'created', or 'existing' when the folder was already inside a git work tree. */
  repository: 'created' | 'existing';
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
  const createdRoot = makeDirectory(root);
  const created: string[] = [];
  try {
    const repository = (await isInsideWorkTree(root)) ? 'existing' : 'created';
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
    return { root, preset, files: files.map(([n]) => n), repository };
  } catch (error) {
    for (const path of created.reverse()) removePath(path);
    if (createdRoot) removePath(root);
    if (error instanceof GitError) throw error;
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
}

/**
 * Writes the live example register into dir: a new git repository whose history replays the
 * sample register's life, approvals signed with a demonstration SSH key made now and listed in
 * allowed_signers. All of it or nothing: a failed step removes what was made.
 */
export async function initExample(options: { dir: string }, io: Io): Promise<ExampleResult> {
  const root = resolve(io.cwd, options.dir);
  if (pathExists(root) && !isDirectory(root))
    throw new UsageError(`${root} is a file, not a folder; choose a new folder for the example`);
  if (pathExists(root) && listFolder(root).length > 0)
    throw new UsageError(`${root} is not empty; the example is a new repository, so choose a new or empty folder`);
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
