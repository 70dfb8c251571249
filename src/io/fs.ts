/**
 * Files: reading documents (bounded, into one reused buffer), listing documents/ safely, and the
 * one atomic writer every write goes through. The other io modules read the register's own
 * files through readTextIfExists.
 */
import { fileSystemFailure } from './fs-failure.js';
import { hash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  constants,
  closeSync,
  fstatSync,
  linkSync,
  lstatSync,
  mkdirSync,
  rmdirSync,
  rmSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  type Dirent,
} from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { PACKAGE_ROOT } from './package-root.js';

export const MAX_DOCUMENT_BYTES = 1024 * 1024;

/** Returns true when path is a folder (following links). */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Makes a folder and its parents; returns true when the folder itself was created. */
export function makeDirectory(path: string): boolean {
  const existed = pathExists(path);
  mkdirRecursive(path);
  return !existed;
}

/**
 * mkdir -p that reports the real cause: Node's recursive mkdir says ENOENT where a parent cannot be made (on a
 * read-only file system, or without permission); the parent that exists is then tried alone, for its own error.
 */
function mkdirRecursive(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    let missing = path;
    while (!pathExists(dirname(missing)) && dirname(missing) !== missing) missing = dirname(missing);
    mkdirSync(missing);
    throw error;
  }
}

/** Removes a file or folder and everything in it (for undoing a failed step). */
export function removePath(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/** Returns a file of the ppp package itself (a preset, a template) as text. */
export function readPackageFile(rel: string): string {
  return readFileSync(join(PACKAGE_ROOT, rel), 'utf8');
}

/** Returns true when something (a file, folder or link, even a broken one) is at path. */
export function pathExists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Returns the real path of path, or path itself when it cannot be resolved. */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Renames a file or folder (on one drive: atomic). */
export function movePath(from: string, to: string): void {
  renameSync(from, to);
}

/** Removes a folder that is empty; never its contents. */
export function removeEmptyFolder(path: string): void {
  rmdirSync(path);
}

/** Returns the file's text, or undefined when it does not exist. */
export function readTextIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if ((error as NodeJS.ErrnoException).code === 'EISDIR')
      throw new ConfigError(`${path} is a folder, where a file is expected; move the folder away`);
    throw new ConfigError(fileSystemFailure(error) ?? `cannot read ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Writes a file atomically: a temporary file in the same folder, then a rename over the
 * target. With exclusive, it never replaces an existing file (a hard link fails if the
 * target exists), so two writers cannot both succeed.
 */
export function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
  options: { exclusive?: boolean; makeFolders?: boolean } = {},
): void {
  if (isDirectory(path)) throw new ConfigError(`${path} is a folder; name a file to write`);
  // A device, pipe or socket (--out /dev/stdout) is written to, never replaced by a file.
  if (!options.exclusive && isSpecialFile(path)) {
    try {
      return writeFileSync(path, content);
    } catch (error) {
      throw aboutTarget(error, path);
    }
  }
  if (options.makeFolders === false) {
    if (!isDirectory(dirname(path)))
      throw new ConfigError(`${dirname(path)} is not a folder; create it first or name a file in an existing folder`);
  } else {
    try {
      mkdirRecursive(dirname(path));
    } catch (error) {
      throw aboutTarget(error, dirname(path));
    }
  }
  // A short name, so that a target name at the file system's limit fails as itself, not as the temporary file.
  const tmp = join(dirname(path), `.ppp-${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, content, { flag: 'wx' });
    // A replaced file keeps its permissions (git records the executable bit).
    const mode = existingMode(path);
    if (mode !== undefined) chmodSync(tmp, mode);
    if (options.exclusive) {
      linkSync(tmp, path);
      unlinkSync(tmp);
    } else {
      renameSync(tmp, path);
    }
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // never made, or already gone
    }
    throw aboutTarget(error, path);
  }
}

/** Returns the error of a write, naming the file the user asked for rather than the temporary one. */
/**
 * Writes files into a folder made for them and not yet in use (a site being built beside the one it replaces): each is
 * created, never replaced, and the folder is the unit that is swapped in whole, so no file needs its own temporary
 * copy. Folders are made once each.
 */
export function writeNewFiles(dir: string, files: readonly { path: string; text: string | Uint8Array }[]): void {
  const made = new Set<string>();
  for (const file of files) {
    const path = join(dir, file.path);
    const folder = dirname(path);
    try {
      if (!made.has(folder)) {
        mkdirRecursive(folder);
        made.add(folder);
      }
      writeFileSync(path, file.text, { flag: 'wx' });
    } catch (error) {
      throw aboutTarget(error, path);
    }
  }
}

function aboutTarget(error: unknown, path: string): unknown {
  const e = error as NodeJS.ErrnoException & { dest?: string };
  if (typeof e?.code === 'string' && e.code !== 'EEXIST') {
    e.path = path;
    e.syscall = 'write';
    delete e.dest;
  }
  return error;
}

function isSpecialFile(path: string): boolean {
  try {
    const stat = statSync(path);
    return !stat.isFile() && !stat.isDirectory();
  } catch {
    return false;
  }
}

function existingMode(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
}

export type FileRead =
  | { kind: 'bytes'; bytes: Buffer; hash: string }
  | { kind: 'too-large'; size: number }
  | { kind: 'error'; message: string };

// ignoreBOM keeps a byte order mark in the text, so that an edited file keeps it too.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// One buffer for every read: a large register would otherwise allocate (and collect) one per file.
let shared = Buffer.allocUnsafe(64 * 1024);

/**
 * Returns a document's bytes (valid until the next call) and their sha1, or why it could not be
 * read. A file over the limit is never read whole: reading stops one byte past the limit.
 */
export function readDocument(path: string): FileRead {
  let fd: number | undefined;
  try {
    // Non-blocking: should a document become a named pipe after it was listed, the read ends at once.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    let length = 0;
    for (;;) {
      if (length === shared.length) {
        if (length > MAX_DOCUMENT_BYTES) break;
        const bigger = Buffer.allocUnsafe(Math.min(shared.length * 4, MAX_DOCUMENT_BYTES + 1));
        shared.copy(bigger, 0, 0, length);
        shared = bigger;
      }
      const n = readSync(fd, shared, length, shared.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > MAX_DOCUMENT_BYTES) return { kind: 'too-large', size: fstatSync(fd).size };
    const bytes = shared.subarray(0, length);
    return { kind: 'bytes', bytes, hash: hash('sha1', bytes) };
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Returns the bytes as text, or undefined when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

export interface ListedFile {
  /** Relative to the register root, forward slashes. */
  rel: string;
  abs: string;
  /** A symbolic link whose target is outside the register. */
  outside: boolean;
  /** Not a regular file (a named pipe, socket or device, or a link to one): never opened. */
  special?: boolean;
}

/**
 * Returns every documents/**\/*.md file in a stable order. Links are followed only inside the
 * register; each real folder is walked once and each real file listed once, so folders that
 * link to each other cannot multiply the work (or the documents).
 */
export function listDocuments(root: string): ListedFile[] {
  const realRoot = realpathSync(root);
  const inside = (real: string) => real === realRoot || real.startsWith(realRoot + sep);
  const byReal = new Map<string, ListedFile & { link: boolean }>();
  const broken: ListedFile[] = [];
  const visited = new Set<string>();
  const walk = (dir: string, realDir: string, relDir: string) => {
    if (visited.has(realDir)) return;
    visited.add(realDir);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      // Gone since it was listed: nothing to read. Unreadable: the register cannot be checked whole, so say so.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      // Plain concatenation: path.join and path.relative cost more than reading the file on a large register.
      const abs = `${dir}${sep}${entry.name}`;
      const rel = `${relDir}/${entry.name}`;
      const isMarkdown = entry.name.endsWith('.md');
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(abs);
        } catch {
          if (isMarkdown) broken.push({ rel, abs, outside: true });
          continue;
        }
        if (!inside(target)) {
          if (isMarkdown) broken.push({ rel, abs, outside: true });
          continue;
        }
        let kind: 'folder' | 'file' | 'special' = 'special';
        try {
          const stat = statSync(target);
          kind = stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : 'special';
        } catch {
          kind = 'special';
        }
        if (kind === 'folder') walk(abs, target, rel);
        else if (isMarkdown && kind === 'special') broken.push({ rel, abs, outside: false, special: true });
        else if (isMarkdown && !byReal.has(target)) byReal.set(target, { rel, abs, outside: false, link: true });
      } else if (entry.isDirectory()) {
        walk(abs, `${realDir}${sep}${entry.name}`, rel);
      } else if (entry.isFile() && isMarkdown) {
        const real = `${realDir}${sep}${entry.name}`;
        // A file listed through a link earlier gives way to its real path.
        if (!byReal.has(real) || byReal.get(real)!.link) byReal.set(real, { rel, abs, outside: false, link: false });
      } else if (isMarkdown) {
        broken.push({ rel, abs, outside: false, special: true });
      }
    }
  };
  const docs = join(root, 'documents');
  let realDocs: string;
  try {
    realDocs = realpathSync(docs);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR')
      return [];
    throw error;
  }
  walk(docs, realDocs, 'documents');
  const out: ListedFile[] = [...byReal.values()].map(({ rel, abs, outside }) => ({ rel, abs, outside }));
  out.push(...broken);
  return out.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

/**
 * Returns every file under a folder of the package (recursively, sorted), as text with forward-slash paths relative to
 * it.
 */
export function readPackageTree(rel: string): { path: string; text: string }[] {
  const base = join(PACKAGE_ROOT, rel);
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory()) walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      else if (entry.isFile())
        out.push({ path: `${prefix}${entry.name}`, text: readFileSync(join(dir, entry.name), 'utf8') });
    }
  };
  walk(base, '');
  return out;
}

/** Returns the names in a folder ([] when it does not exist). */
export function listFolder(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
