/**
 * Writes a run of new commits at once, as git add and git commit would have made them one by
 * one, for a fraction of the cost: starting git twice per step was most of the time, and
 * writing each object to its own file was most of the rest. The objects are laid out here (an
 * object's id is the SHA-1 of its type, size and content) and handed to one git index-pack,
 * which checks every object and link (--strict) and stores them in one pack, as git fetch would.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { GitError } from '../core/errors.js';
import { firstLines, gitOutput } from './git.js';
import { sshSigner } from './ssh-signature.js';

export interface CommitIdentity {
  name: string;
  email: string;
  /** ISO 8601 with a time zone: 2026-11-18T09:05:00+00:00. */
  date: string;
}

export interface NewCommit {
  /** Files added or changed: paths from the top of the work tree, forward slashes. */
  files: readonly { path: string; text: string }[];
  message: string;
  author: CommitIdentity;
  committer: CommitIdentity;
  /** Signed with options.signingKey, as git commit -S signs with an SSH key. */
  sign: boolean;
}

interface TreeEntry {
  mode: '100644' | '40000';
  id: string;
}

/**
 * Writes the commits, each on top of the one before, starting a new history; points
 * refs/heads/<branch>, which must not exist yet, at the last and makes the index match it.
 * Returns the commit ids. The work tree is the caller's: write its files first, so that the
 * index is refreshed against them. When git refuses the objects, no branch is made.
 */
export async function writeHistory(
  root: string,
  commits: readonly NewCommit[],
  options: { branch: string; signingKey?: string },
): Promise<string[]> {
  if (commits.length === 0) throw new GitError('there are no commits to write');
  // git sanitises names and addresses (trims punctuation, drops < > and newlines); git var does it exactly as git
  // commit would.
  const idents = await identities(root, commits);
  const signer = commits.some((c) => c.sign) ? signerFor(options.signingKey) : undefined;
  const objects = new Map<string, { type: ObjectType; data: Buffer }>();
  const store = (type: ObjectType, data: Buffer) => {
    const id = objectId(type, data);
    if (!objects.has(id)) objects.set(id, { type, data });
    return id;
  };

  // Folder path ('' for the top) to its entries by name.
  const dirs = new Map<string, Map<string, TreeEntry>>([['', new Map()]]);
  const ids: string[] = [];
  let parent: { id: string; tree: string } | undefined;
  for (const commit of commits) {
    const message = cleanMessage(commit.message);
    if (!message) throw new GitError('Aborting commit due to empty commit message');
    const dirty = new Set<string>(['']);
    for (const file of commit.files) {
      const parts = checkedPath(file.path).split('/');
      for (let depth = 1; depth < parts.length; depth++) {
        const dir = parts.slice(0, depth).join('/');
        if (!dirs.has(dir)) dirs.set(dir, new Map());
        dirty.add(dir);
      }
      // ppp writes plain files, never executable ones, so this is the mode git add gives them; no filters apply to them
      // either.
      dirs
        .get(parts.slice(0, -1).join('/'))!
        .set(parts[parts.length - 1]!, { mode: '100644', id: store('blob', Buffer.from(file.text, 'utf8')) });
    }
    let tree = '';
    // Deepest first, so that a folder's tree is made after the trees of the folders in it.
    for (const dir of [...dirty].sort((a, b) => depthOf(b) - depthOf(a))) {
      tree = store('tree', treeBytes(dirs.get(dir)!));
      if (dir) {
        const slash = dir.lastIndexOf('/');
        dirs.get(slash < 0 ? '' : dir.slice(0, slash))!.set(dir.slice(slash + 1), { mode: '40000', id: tree });
      }
    }
    if (parent?.tree === tree)
      throw new GitError(
        `nothing to commit for "${message.split('\n')[0]}": ` +
          `${commit.files.map((f) => f.path).join(', ')} did not change`,
      );
    let headers =
      `tree ${tree}\n${parent ? `parent ${parent.id}\n` : ''}author ` +
      `${idents.get(identKey(commit.author))} ` +
      `${gitDate(commit.author.date)}\ncommitter ` +
      `${idents.get(identKey(commit.committer))} ${gitDate(commit.committer.date)}\n`;
    if (commit.sign) {
      // As git commit -S does: sign the commit as it would be without the signature, then add the signature as the last
      // header.
      const signature = signer!(Buffer.from(`${headers}\n${message}`, 'utf8'));
      headers += `gpgsig ${signature.replace(/\n$/, '').split('\n').join('\n ')}\n`;
    }
    parent = { id: store('commit', Buffer.from(`${headers}\n${message}`, 'utf8')), tree };
    ids.push(parent.id);
  }

  await indexPack(root, packOf(objects));
  // The empty old value makes git refuse to move a branch that already exists; git also refuses a commit it does not
  // have.
  await gitOutput(root, ['update-ref', '-m', 'ppp: write history', `refs/heads/${options.branch}`, parent!.id, '']);
  await gitOutput(root, ['reset', '--quiet']);
  return ids;
}

/**
 * The message as git commit leaves it by default without an editor (cleanup "whitespace"): trailing spaces gone, runs
 * of blank lines made one, none at either end, a newline after each line.
 */
export function cleanMessage(message: string): string {
  const lines: string[] = [];
  let blanks = 0;
  for (const raw of message.split('\n')) {
    const line = raw.replace(/[ \t\r]+$/, '');
    if (!line) {
      blanks++;
      continue;
    }
    if (blanks > 0 && lines.length > 0) lines.push('');
    blanks = 0;
    lines.push(line);
  }
  return lines.map((l) => `${l}\n`).join('');
}

/** Returns git's form of an ISO 8601 date with a zone: seconds since 1970 and the offset, "1794992700 +0000". */
export function gitDate(iso: string): string {
  const m = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d)?(Z|([+-])(\d\d):?(\d\d))$/.exec(iso);
  const seconds = m ? Date.parse(iso) / 1000 : NaN;
  if (!m || !Number.isInteger(seconds))
    throw new GitError(`${iso} is not a date and time with a time zone, such as 2026-11-18T09:05:00+00:00`);
  return `${seconds} ${m[1] === 'Z' ? '+0000' : `${m[2]}${m[3]}${m[4]}`}`;
}

type ObjectType = 'blob' | 'tree' | 'commit';

function objectId(type: ObjectType, data: Buffer): string {
  return createHash('sha1').update(`${type} ${data.length}\0`).update(data).digest('hex');
}

/** A tree object's content: entries in git's order, where a folder sorts as if its name ended with a slash. */
function treeBytes(entries: Map<string, TreeEntry>): Buffer {
  const sorted = [...entries]
    .map(([name, e]) => ({ name, e, key: Buffer.from(e.mode === '40000' ? `${name}/` : name, 'utf8') }))
    .sort((a, b) => Buffer.compare(a.key, b.key));
  return Buffer.concat(
    sorted.flatMap(({ name, e }) => [Buffer.from(`${e.mode} ${name}\0`, 'utf8'), Buffer.from(e.id, 'hex')]),
  );
}

function identKey(who: CommitIdentity): string {
  return `${who.name}\n${who.email}`;
}

/** Returns "Name <email>" for each identity, as git writes it in a commit. */
async function identities(root: string, commits: readonly NewCommit[]): Promise<Map<string, string>> {
  const unique = new Map<string, CommitIdentity>();
  for (const c of commits) for (const who of [c.author, c.committer]) unique.set(identKey(who), who);
  const idents = new Map<string, string>();
  for (const [key, who] of unique) {
    const line = await gitOutput(root, ['var', 'GIT_COMMITTER_IDENT'], {
      env: { GIT_COMMITTER_NAME: who.name, GIT_COMMITTER_EMAIL: who.email, GIT_COMMITTER_DATE: '@0 +0000' },
    });
    idents.set(key, line.trim().replace(/ \d+ [+-]\d{4}$/, ''));
  }
  return idents;
}

function signerFor(signingKey: string | undefined): (data: Uint8Array) => string {
  if (!signingKey) throw new GitError('a signed commit was asked for, but no signing key was given');
  return sshSigner(signingKey);
}

/**
 * A pack of whole objects (format version 2, no deltas): a header, each object's type and size then its zlib-deflated
 * content, and a SHA-1 of it all.
 */
function packOf(objects: Map<string, { type: ObjectType; data: Buffer }>): Buffer {
  const code = { commit: 1, tree: 2, blob: 3 } as const;
  const header = Buffer.alloc(12);
  header.write('PACK', 0, 'latin1');
  header.writeUInt32BE(2, 4);
  header.writeUInt32BE(objects.size, 8);
  const parts = [header];
  for (const { type, data } of objects.values()) {
    // The size in 4 bits beside the type, then 7 bits a byte, the high bit saying that more follow.
    const head: number[] = [];
    let byte = (code[type] << 4) | (data.length & 0x0f);
    for (let rest = Math.floor(data.length / 16); rest > 0; rest = Math.floor(rest / 128)) {
      head.push(byte | 0x80);
      byte = rest & 0x7f;
    }
    head.push(byte);
    parts.push(Buffer.from(head), deflateSync(data));
  }
  const body = Buffer.concat(parts);
  return Buffer.concat([body, createHash('sha1').update(body).digest()]);
}

/**
 * Stores the pack with git index-pack --strict, which refuses it unless every object is well formed and every object it
 * names is there.
 */
async function indexPack(root: string, pack: Buffer): Promise<void> {
  const r = await new Promise<{ code: number; stderr: string }>((resolveRun, reject) => {
    const child = spawn('git', ['index-pack', '--stdin', '--strict'], { cwd: root, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', (error) =>
      reject(new GitError(`could not run git (${error.message}); is git installed and on the PATH?`, { cause: error })),
    );
    child.on('close', (code) => resolveRun({ code: code ?? 1, stderr }));
    child.stdin.on('error', () => {});
    child.stdin.end(pack);
  });
  if (r.code !== 0)
    throw new GitError(
      `git index-pack refused the new history in ${root}: ` +
        `${firstLines(r.stderr) || `exit ${r.code}`}; nothing was committed`,
    );
}

function depthOf(dir: string): number {
  return dir ? dir.split('/').length : 0;
}

function checkedPath(path: string): string {
  const parts = path.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..' || p.toLowerCase() === '.git' || p.includes('\0'))) {
    throw new GitError(
      `${JSON.stringify(path)} is not a path git can record; name a file in the work tree with forward slashes`,
    );
  }
  return path;
}
