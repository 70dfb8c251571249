/**
 * The only importer of simple-git. Every call names its folder; nothing depends on the global git config beyond
 * identity and signing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllowedSigners } from '../core/allowed-signers.js';
import { GitError, RefusalError } from '../core/errors.js';
import { verifiedSshSigner } from '../core/ssh-verify.js';
import { readTextIfExists } from './fs.js';

async function git(dir: string) {
  const { simpleGit } = await import('simple-git');
  return simpleGit({ baseDir: dir, binary: 'git', maxConcurrentProcesses: 4 });
}

/** Returns true when dir is inside a git work tree. */
export async function isInsideWorkTree(dir: string): Promise<boolean> {
  try {
    return (await (await git(dir)).raw(['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch {
    return false;
  }
}

/** Creates a git repository in dir (branch main). */
export async function initRepository(dir: string): Promise<void> {
  try {
    await (await git(dir)).raw(['init', '--quiet', '--initial-branch=main']);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]!.replace(/^Error: /, '');
    throw new GitError(
      `git init failed in ${dir} (${reason}); is git installed and on the PATH? Nothing was left behind.`,
      { cause: error },
    );
  }
}

/** Returns the ids in every document file name ever committed, so that an id is never reused. */
export async function retiredIdsInHistory(root: string): Promise<string[]> {
  if (!existsSync(join(root, '.git')) && !(await isInsideWorkTree(root))) return [];
  try {
    // Every path ever committed, renames split into delete and add so the old name is seen too.
    const out = await (
      await git(root)
    ).raw(['log', '--all', '--format=', '--name-only', '--no-renames', '--', 'documents']);
    const ids = new Set<string>();
    for (const line of out.split('\n')) {
      const m = /([A-Z][A-Z0-9]{0,9}-[A-Z]{3}-\d{4})[^/]*\.md$/.exec(line.trim());
      if (m) ids.add(m[1]!);
    }
    return [...ids];
  } catch {
    // A repository with no commits yet has no history to consult.
    return [];
  }
}

export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs git in cwd with optional stdin and extra environment; never throws for a non-zero exit. */
export async function runGit(
  cwd: string,
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<GitRun> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolvePromise, reject) => {
    const child = spawn('git', args, { cwd, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (error) =>
      reject(new GitError(`could not run git (${error.message}); is git installed and on the PATH?`, { cause: error })),
    );
    child.on('close', (code) =>
      resolvePromise({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

/** Runs git and returns its output, or throws a GitError carrying git's own message. */
export async function gitOutput(
  cwd: string,
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<string> {
  const r = await runGit(cwd, args, options);
  if (r.code !== 0)
    throw new GitError(
      `git ${args
        .filter((a) => !a.startsWith('-c') && !a.includes('='))
        .slice(0, 2)
        .join(' ')} failed in ${cwd}: ${firstLines(r.stderr)}`,
    );
  return r.stdout;
}

/** Returns git's message in a line or two, without its "fatal:"/"error:" prefixes. */
export function firstLines(stderr: string): string {
  return stderr
    .split('\n')
    .map((l) => l.replace(/^(fatal|error|warning): /, '').trim())
    .filter(Boolean)
    .slice(0, 3)
    .join('; ');
}

/**
 * Returns the git status letters of one file ('' when it is committed and unchanged, '??' when git does not track it).
 */
export async function fileStatus(root: string, rel: string): Promise<string> {
  const out = await gitOutput(root, ['status', '--porcelain=v1', '--untracked-files=all', '--', rel]);
  return out.split('\n')[0]?.slice(0, 2).trim() ?? '';
}

export interface SigningSetup {
  format: 'ssh' | 'openpgp' | 'x509';
  /** gpg.format as written, when set (git itself refuses a value it does not know). */
  formatSetting?: string;
  /** user.email, when set. */
  email?: string;
  /** user.signingkey, when set. */
  key?: string;
  /** gpg.ssh.defaultKeyCommand, when set: ssh signing without a configured key. */
  keyCommand?: string;
}

/** Returns how the user's git signs commits in this repository. */
export async function signingSetup(root: string): Promise<SigningSetup> {
  const get = async (name: string) => {
    const r = await runGit(root, ['config', '--get', name]);
    return r.code === 0 ? r.stdout.trim() || undefined : undefined;
  };
  const [format, key, keyCommand, email] = await Promise.all([
    get('gpg.format'),
    get('user.signingkey'),
    get('gpg.ssh.defaultKeyCommand'),
    get('user.email'),
  ]);
  return {
    format: format === 'ssh' || format === 'x509' ? format : 'openpgp',
    formatSetting: format,
    key,
    keyCommand,
    email,
  };
}

/** Returns git's reason when it does not know who is committing (no user.name or user.email), else undefined. */
export async function identityProblem(root: string): Promise<string | undefined> {
  const r = await runGit(root, ['var', 'GIT_COMMITTER_IDENT']);
  if (r.code === 0) return undefined;
  // git explains at length; its last line (fatal: …) says what is missing.
  const fatal = r.stderr
    .split('\n')
    .filter((l) => l.startsWith('fatal: '))
    .pop();
  return fatal?.slice('fatal: '.length).trim() || 'Committer identity unknown';
}

/** Why git could not make a commit: the cause decides the advice, and only a signing failure is called one. */
export type CommitFailureCause = 'signing' | 'identity' | 'locked' | 'hook' | 'other';

/** A commit git refused, with git's own words and the cause read from them. */
export class CommitError extends GitError {
  override name = 'GitError';
  constructor(
    message: string,
    readonly kind: CommitFailureCause,
  ) {
    super(message);
  }
}

/**
 * Commits the files alone (git commit --only), signed (-S) or explicitly unsigned, and returns the commit's id. On
 * failure no commit is made, the index entries are as they were, and a CommitError carries git's reason and its
 * cause. The commit made is read back: should a hook have changed its message's PPP trailers or its files, it is
 * undone and a RefusalError says so.
 */
export async function commitFile(
  root: string,
  rel: string | readonly string[],
  message: string,
  options: { sign: boolean; env?: Record<string, string> },
): Promise<string> {
  // An approval that supersedes other documents commits them with it: one commit, several files.
  const rels = typeof rel === 'string' ? [rel] : [...rel];
  const head = (await runGit(root, ['rev-parse', '--verify', '-q', 'HEAD'])).stdout.trim();
  const staged = (await runGit(root, ['ls-files', '--stage', '--', ...rels])).stdout;
  const hashed = await runGit(root, ['hash-object', '--', ...rels]);
  const meant = hashed.code === 0 ? hashed.stdout.trim().split('\n') : undefined;
  const r = await runGit(
    root,
    ['commit', '--quiet', '--only', options.sign ? '-S' : '--no-gpg-sign', '--file=-', '--', ...rels],
    { input: message, env: options.env },
  );
  if (r.code !== 0) {
    // git leaves the index alone when a commit fails, but a hook may not: put the file's entry back as it was.
    const now = (await runGit(root, ['ls-files', '--stage', '--', ...rels])).stdout;
    if (now !== staged) await runGit(root, ['reset', '--quiet', head || 'HEAD', '--', ...rels]);
    throw await commitError(root, r);
  }
  const commit = (await gitOutput(root, ['rev-parse', 'HEAD'])).trim();
  const made = await Promise.all(
    rels.map(async (f) => (await runGit(root, ['rev-parse', '--verify', '-q', `HEAD:./${f}`])).stdout.trim()),
  );
  const changed =
    meant && made.some((blob, n) => blob !== meant[n]) ? 'its files' : await rewrittenTrailers(root, message);
  if (changed) {
    await undoCommit(root, head, rels, staged);
    throw new RefusalError(
      `a git hook changed ${changed} as git committed them, so the commit no longer records what ppp meant to ` +
        `record; it was undone (nothing was committed). Let the hooks leave ${rels.join(' and ')} and the ` +
        'PPP- trailers as they are (or run ppp where they are not installed), then run the command again',
    );
  }
  return commit;
}

/**
 * Makes a commit that changes no file (git commit --only --allow-empty: whatever is staged stays staged and out of
 * it), signed (-S, whatever commit.gpgsign says) or explicitly unsigned, and returns its id. On failure no commit is
 * made and a CommitError carries git's reason; a commit whose PPP trailers a hook changed is undone.
 */
export async function commitNoChange(
  root: string,
  message: string,
  options: { sign: boolean; env?: Record<string, string> },
): Promise<string> {
  const head = (await runGit(root, ['rev-parse', '--verify', '-q', 'HEAD'])).stdout.trim();
  const r = await runGit(
    root,
    ['commit', '--quiet', '--only', '--allow-empty', options.sign ? '-S' : '--no-gpg-sign', '--file=-'],
    { input: message, env: options.env },
  );
  if (r.code !== 0) throw await commitError(root, r);
  const changed = await rewrittenTrailers(root, message);
  if (changed) {
    await undoCommit(root, head, [], '');
    throw new RefusalError(
      `a git hook changed ${changed} as git committed it, so the commit no longer records what ppp meant to ` +
        'record; it was undone (nothing was committed). Let the hooks leave the PPP- trailers as they are ' +
        '(or run ppp where they are not installed), then run the command again',
    );
  }
  return (await gitOutput(root, ['rev-parse', 'HEAD'])).trim();
}

/** Returns the commit HEAD points to, or undefined in a repository with no commits yet. */
export async function headCommit(root: string): Promise<string | undefined> {
  const r = await runGit(root, ['rev-parse', '--verify', '-q', 'HEAD']);
  return r.code === 0 ? r.stdout.trim() || undefined : undefined;
}

/** Returns what a hook changed in the PPP trailers of the commit just made ('' when nothing). */
async function rewrittenTrailers(root: string, message: string): Promise<string> {
  const ours = pppLines(message);
  const committed = pppLines(await gitOutput(root, ['log', '-1', '--format=%B']));
  return ours.join('\n') === committed.join('\n') ? '' : 'its PPP- trailers';
}

function pppLines(message: string): string[] {
  return message
    .split('\n')
    .filter((l) => /^PPP-[A-Za-z-]+:/.test(l))
    .map((l) => l.trimEnd());
}

/** Takes back the commit just made: HEAD where it was, the files' index entries as they were. */
async function undoCommit(root: string, head: string, rels: readonly string[], staged: string): Promise<void> {
  if (head) await gitOutput(root, ['update-ref', '-m', 'ppp: undo a commit a hook changed', 'HEAD', head]);
  else await gitOutput(root, ['update-ref', '-d', 'HEAD']);
  if (rels.length === 0) return;
  // Back to the entries staged before the commit (for a new file, none: it leaves the index).
  await runGit(root, ['rm', '--cached', '--quiet', '--ignore-unmatch', '--', ...rels]);
  if (staged.trim()) await gitOutput(root, ['update-index', '--index-info'], { input: staged });
}

/** Returns the error of a failed git commit, its cause read from git's words and the repository's hooks. */
async function commitError(root: string, r: GitRun): Promise<CommitError> {
  const said = firstLines(r.stderr) || `git commit exited with ${r.code}`;
  const text = r.stderr;
  if (/index\.lock'?: File exists|Another git process seems to be running/i.test(text)) {
    return new CommitError(
      `git could not commit: "${said}". Another git command is running in this repository, or one stopped and left ` +
        'its index.lock behind: wait for it to finish, or, if no git is running, remove .git/index.lock',
      'locked',
    );
  }
  if (/Please tell me who you are|unable to auto-detect email|empty ident name|Author identity unknown/i.test(text)) {
    return new CommitError(
      `git could not commit: it does not know who you are ("${said}"). Tell it once with ` +
        'git config --global user.name "Your Name" and git config --global user.email you@example.org',
      'identity',
    );
  }
  if (/gpg failed to sign|failed to sign|signing failed|ssh-keygen|Couldn't (load|sign)|Load key .*:/i.test(text)) {
    return new CommitError(said, 'signing');
  }
  const hook = await activeHook(root);
  if (hook) {
    return new CommitError(
      `the git hook ${hook} refused the commit${said.startsWith('git commit exited') ? '' : `: "${said}"`}. ` +
        'Fix what it reports (or ask who installed it), then run the command again',
      'hook',
    );
  }
  return new CommitError(said, 'other');
}

/** Returns the first commit hook that would run here, as a path to show, or undefined. */
async function activeHook(root: string): Promise<string | undefined> {
  const dir = (await runGit(root, ['rev-parse', '--git-path', 'hooks'])).stdout.trim();
  const configured = (await runGit(root, ['config', 'core.hooksPath'])).stdout.trim();
  const { accessSync, constants } = await import('node:fs');
  const { resolve: resolvePath, join: joinPath } = await import('node:path');
  const base = resolvePath(root, configured || dir);
  for (const name of ['pre-commit', 'prepare-commit-msg', 'commit-msg']) {
    try {
      accessSync(joinPath(base, name), constants.X_OK);
      return joinPath(configured || dir, name);
    } catch {
      // not installed
    }
  }
  return undefined;
}

/** A commit whose message carries PPP-Document (or PPP-Adopted), with the files it changed (register-relative). */
export interface LoggedCommit {
  commit: string;
  /** Committer date, ISO 8601. */
  date: string;
  message: string;
  files: { status: string; path: string; blob: string }[];
}

/** Returns the register's path inside its git work tree ('' at the top, else ending with /). */
export async function registerPrefix(root: string): Promise<string> {
  return (await gitOutput(root, ['rev-parse', '--show-prefix'])).trim();
}

/**
 * Returns every commit reachable from HEAD whose message has a PPP-Document or PPP-Adopted trailer, newest
 * first, without the files they changed: one git log that checks no signatures and diffs no
 * trees, so that it stays cheap however long the history (commitDetails gives the rest).
 */
export async function approvalCommits(root: string): Promise<LoggedCommit[]> {
  const head = await runGit(root, ['rev-parse', '--verify', '-q', 'HEAD']);
  if (head.code !== 0) return [];
  // Approvals name one document (PPP-Document); adoptions of documents approved before ppp name several (PPP-Adopted).
  const out = await gitOutput(root, [
    'log',
    'HEAD',
    '--grep=^PPP-Document: ',
    '--grep=^PPP-Adopted: ',
    '--format=%x1e%H%x1f%cI%x1f%B%x1f',
  ]);
  return parseLog(out, '');
}

/**
 * Parses records written with --format=%x1e%H%x1f<field>%x1f%B%x1f [--raw -z]: the message sits between the second
 * separator and the last, whatever it holds.
 */
function parseLog(out: string, prefix: string): LoggedCommit[] {
  const commits: LoggedCommit[] = [];
  for (const record of out.split('\x1e')) {
    const first = record.indexOf('\x1f');
    const second = record.indexOf('\x1f', first + 1);
    const last = record.lastIndexOf('\x1f');
    if (first < 0 || second < 0 || last <= second) continue;
    commits.push({
      commit: record.slice(0, first),
      date: record.slice(first + 1, second),
      message: record.slice(second + 1, last),
      files: parseRaw(record.slice(last + 1), prefix),
    });
  }
  return commits;
}

/**
 * Parses git's --raw -z output: the blob each file has after the commit, its status, and its path relative to the
 * register.
 */
function parseRaw(raw: string, prefix: string): LoggedCommit['files'] {
  const parts = raw.replace(/^[\0\n]+/, '').split('\0');
  const files: LoggedCommit['files'] = [];
  for (let i = 0; i + 1 < parts.length;) {
    const m = /^:\d+ \d+ [0-9a-f]+ ([0-9a-f]+) ([A-Z])\d*$/.exec(parts[i]!.trim());
    if (!m) break;
    // A rename or copy names two paths: the old, then the new.
    const two = m[2] === 'R' || m[2] === 'C';
    const path = two ? parts[i + 2]! : parts[i + 1]!;
    i += two ? 3 : 2;
    files.push({
      status: m[2]!,
      blob: m[1]!,
      path: path.startsWith(prefix) ? path.slice(prefix.length) : `../${path}`,
    });
  }
  return files;
}

/**
 * git's signature verdict of a commit: %G? (G good and trusted, U good but key not allowed, B bad, N none, E cannot
 * check, X/Y expired, R revoked).
 */
export interface SignatureVerdict {
  code: string;
  /** The principal from allowed_signers (SSH) or the signer's name (GPG), when known. */
  signer: string;
  /** The key's fingerprint. */
  key: string;
}

/**
 * Returns the verdict on each commit's signature, trusting only the keys in allowedSigners (passed to git on every
 * call, whatever the user's config says), and the files each commit changed. A good ed25519 signature by a key listed
 * plainly in allowed_signers is proved in process (core/ssh-verify.ts); every other commit is left to git, which checks
 * an SSH signature by running ssh-keygen, one commit after another, so those commits are split between a few git
 * processes running side by side.
 */
export async function commitDetails(
  root: string,
  allowedSigners: string,
  commits: readonly string[],
  parallel: number,
): Promise<Map<string, { signature: SignatureVerdict; files: LoggedCommit['files'] }>> {
  const details = new Map<string, { signature: SignatureVerdict; files: LoggedCommit['files'] }>();
  if (commits.length === 0) return details;
  const prefix = await registerPrefix(root);
  const proved = await provedInProcess(root, allowedSigners, commits);
  const rest = commits.filter((c) => !proved.has(c));
  const runs: Promise<string>[] = [];
  const log = (chunk: readonly string[], signatures: boolean) =>
    gitOutput(
      root,
      [
        '-c',
        `gpg.ssh.allowedSignersFile=${allowedSigners}`,
        '-c',
        'core.quotePath=false',
        'log',
        '--no-walk=unsorted',
        '--stdin',
        signatures ? '--format=%x1e%H%x1f%G?%x1f%GS%x1f%GK%x1f' : '--format=%x1e%H%x1f%x1f%x1f%x1f',
        '--raw',
        '--no-abbrev',
        '--no-renames',
        '-z',
      ],
      { input: chunk.join('\n') + '\n' },
    );
  const chunks = Math.max(1, Math.min(parallel, Math.ceil(rest.length / 32)));
  const size = Math.ceil(rest.length / chunks);
  for (let i = 0; i < rest.length; i += size) runs.push(log(rest.slice(i, i + size), true));
  if (proved.size > 0) runs.push(log([...proved.keys()], false));
  for (const out of await Promise.all(runs)) {
    for (const record of out.split('\x1e')) {
      const fields = record.split('\x1f');
      if (fields.length < 5 || !fields[0]) continue;
      details.set(fields[0], {
        signature: proved.get(fields[0]) ?? { code: fields[1]!, signer: fields[2]!, key: fields[3]! },
        files: parseRaw(fields.slice(4).join('\x1f'), prefix),
      });
    }
  }
  return details;
}

/** Returns the files each commit changed (git log --raw, one process, no signature checked). */
export async function commitFiles(
  root: string,
  commits: readonly string[],
): Promise<Map<string, LoggedCommit['files']>> {
  const files = new Map<string, LoggedCommit['files']>();
  if (commits.length === 0) return files;
  const prefix = await registerPrefix(root);
  const out = await gitOutput(
    root,
    [
      '-c',
      'core.quotePath=false',
      'log',
      '--no-walk=unsorted',
      '--stdin',
      '--format=%x1e%H%x1f',
      '--raw',
      '--no-abbrev',
      '--no-renames',
      '-z',
    ],
    { input: commits.join('\n') + '\n' },
  );
  for (const record of out.split('\x1e')) {
    const at = record.indexOf('\x1f');
    if (at > 0) files.set(record.slice(0, at), parseRaw(record.slice(at + 1), prefix));
  }
  return files;
}

/**
 * Returns the commits whose signatures are proved good in process, with the signer and key git would show; none when
 * allowed_signers has a line ssh-keygen would refuse (then git refuses every signature) or git is told of revoked
 * keys (gpg.ssh.revocationKeys), which only git checks.
 */
async function provedInProcess(
  root: string,
  allowedSigners: string,
  commits: readonly string[],
): Promise<Map<string, SignatureVerdict>> {
  const proved = new Map<string, SignatureVerdict>();
  const text = readTextIfExists(allowedSigners);
  if (!text) return proved;
  const { entries, faults } = parseAllowedSigners(text);
  if (faults.length > 0 || entries.length === 0) return proved;
  const revocations = await runGit(root, ['config', '--get', 'gpg.ssh.revocationKeys']);
  if (revocations.code === 0 && revocations.stdout.trim() !== '') return proved;
  const raw = await catFile(root, commits, 'commit');
  commits.forEach((commit, i) => {
    const bytes = raw[i];
    const good = bytes ? verifiedSshSigner(bytes, entries) : undefined;
    if (good) proved.set(commit, { code: 'G', ...good });
  });
  return proved;
}

/** Returns the contents of git blobs by id, read with one git cat-file. */
export async function readBlobs(root: string, ids: readonly string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  const contents = await catFile(root, ids);
  ids.forEach((id, i) => {
    const bytes = contents[i];
    if (bytes) blobs.set(id, bytes);
  });
  return blobs;
}

/**
 * Returns the bytes of each file as committed at a commit (path relative to the register), in order, undefined where
 * the commit has no such file: one git cat-file for them all.
 */
export async function readFilesAt(
  root: string,
  files: readonly { commit: string; path: string }[],
): Promise<(Buffer | undefined)[]> {
  if (files.length === 0) return [];
  const prefix = await registerPrefix(root);
  // cat-file reads one name a line: a path with a line break in it cannot be named, and is read as missing.
  return catFile(
    root,
    files.map((f) => (/[\r\n]/.test(f.path) ? `${f.commit}:` : `${f.commit}:${prefix}${f.path}`)),
  );
}

/** Returns the contents of each object named (an id, or COMMIT:PATH), in order; undefined for a missing one. */
async function catFile(
  root: string,
  names: readonly string[],
  type: 'blob' | 'commit' = 'blob',
): Promise<(Buffer | undefined)[]> {
  if (names.length === 0) return [];
  const { spawn } = await import('node:child_process');
  const out = await new Promise<Buffer>((resolvePromise, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => chunks.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolvePromise(Buffer.concat(chunks))
        : reject(new GitError(`git cat-file failed in ${root} (exit ${code})`)),
    );
    child.stdin.end(names.join('\n') + '\n');
  });
  // One answer a name, in order: "<id> <type> <size>" and the contents, or "<name> missing" (or ambiguous).
  const contents: (Buffer | undefined)[] = [];
  let at = 0;
  while (at < out.length && contents.length < names.length) {
    const nl = out.indexOf(10, at);
    if (nl < 0) break;
    const header = out.subarray(at, nl).toString('utf8').split(' ');
    at = nl + 1;
    const size = Number(header[header.length - 1]);
    if (header.length !== 3 || !/^[0-9a-f]+$/.test(header[0]!) || !Number.isInteger(size)) {
      contents.push(undefined);
      continue;
    }
    contents.push(header[1] === type ? out.subarray(at, at + size) : undefined);
    at += size + 1;
  }
  return contents;
}

/**
 * Returns every commit reachable from HEAD (or from the commit given) that changed the file (following renames), newest
 * first, with its blob of the file.
 */
export async function fileCommits(root: string, rel: string, from = 'HEAD'): Promise<LoggedCommit[]> {
  const head = await runGit(root, ['rev-parse', '--verify', '-q', from]);
  if (head.code !== 0) return [];
  const prefix = await registerPrefix(root);
  const out = await gitOutput(root, [
    '-c',
    'core.quotePath=false',
    'log',
    from,
    '--follow',
    '--format=%x1e%H%x1f%cI%x1f%B%x1f',
    '--raw',
    '--no-abbrev',
    '-z',
    '--',
    rel,
  ]);
  return parseLog(out, prefix);
}

/**
 * Returns the unified diff between two versions of a file, each a commit and a register-relative path, or the work tree
 * when the second is omitted.
 */
export async function diffVersions(
  root: string,
  from: { commit: string; path: string },
  to: { commit: string; path: string } | { path: string },
  colour: boolean,
): Promise<string> {
  const args = ['diff', colour ? '--color=always' : '--no-color'];
  if ('commit' in to) args.push(`${from.commit}:./${from.path}`, `${to.commit}:./${to.path}`);
  else args.push(from.commit, '--', to.path);
  return gitOutput(root, args);
}

/** Returns true when the repository is a shallow clone, whose history stops short. */
export async function isShallow(root: string): Promise<boolean> {
  return (await runGit(root, ['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
}

/** Returns the last commit of HEAD's history made on or before the end of a date (committer date), if any. */
export async function commitAsOf(root: string, date: string): Promise<string | undefined> {
  const r = await runGit(root, ['rev-list', '-1', `--before=${date} 23:59:59`, 'HEAD']);
  return r.code === 0 ? r.stdout.trim() || undefined : undefined;
}

/** Returns every file under a folder of the register as committed at a commit: register-relative path and bytes. */
export async function filesUnderAt(
  root: string,
  commit: string,
  folder: string,
): Promise<{ path: string; bytes: Buffer }[]> {
  const prefix = await registerPrefix(root);
  const out = await gitOutput(root, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', `${prefix}${folder}`]);
  const entries: { path: string; blob: string }[] = [];
  for (const line of out.split('\0')) {
    const m = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(line);
    if (m && m[2]!.startsWith(prefix)) entries.push({ blob: m[1]!, path: m[2]!.slice(prefix.length) });
  }
  const blobs = await readBlobs(
    root,
    entries.map((e) => e.blob),
  );
  return entries.flatMap((e) => {
    const bytes = blobs.get(e.blob);
    return bytes ? [{ path: e.path, bytes }] : [];
  });
}

/**
 * Returns the documents changed in the work tree or the index since HEAD (status letter and register-relative path),
 * with one git diff; nothing when the register is not in git or has no commit yet.
 */
export async function changedDocuments(root: string): Promise<{ status: string; path: string }[]> {
  const r = await runGit(root, [
    '-c',
    'core.quotePath=false',
    'diff',
    '--name-status',
    '--no-renames',
    '-z',
    '--relative',
    'HEAD',
    '--',
    'documents',
  ]);
  if (r.code !== 0) return [];
  const parts = r.stdout.split('\0');
  const changed: { status: string; path: string }[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) changed.push({ status: parts[i]!.slice(0, 1), path: parts[i + 1]! });
  return changed;
}
