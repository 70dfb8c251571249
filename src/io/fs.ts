/** The only code that reads or writes the register's files. Every write is atomic. */
import { hash, randomBytes } from 'node:crypto';
import {
  closeSync, fstatSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, unlinkSync,
  writeFileSync, type Dirent,
} from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';

export const MAX_DOCUMENT_BYTES = 1024 * 1024;

/** Returns the file's text, or undefined when it does not exist. */
export function readTextIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes a file atomically: a temporary file in the same folder, then a rename over the
 * target. With exclusive, it never replaces an existing file (a hard link fails if the
 * target exists), so two writers cannot both succeed.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: { exclusive?: boolean } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(tmp, content, { flag: 'wx' });
  try {
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
      // already gone
    }
    throw error;
  }
}

export type FileRead =
  | { kind: 'bytes'; bytes: Buffer; hash: string }
  | { kind: 'too-large'; size: number }
  | { kind: 'error'; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true });
// One buffer for every read: a large register would otherwise allocate (and collect) one per file.
let shared = Buffer.allocUnsafe(64 * 1024);

/**
 * Returns a document's bytes (valid until the next call) and their sha1, or why it could not be
 * read. A file over the limit is never read whole: reading stops one byte past the limit.
 */
export function readDocument(path: string): FileRead {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
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
}

/** Returns every documents/**\/*.md file in a stable order, following links that stay inside the register. */
export function listDocuments(root: string): ListedFile[] {
  const realRoot = realpathSync(root);
  const out: ListedFile[] = [];
  const walk = (dir: string, relDir: string, seen: Set<string>) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      // Plain concatenation: path.join and path.relative cost more than reading the file on a large register.
      const abs = `${dir}${sep}${entry.name}`;
      const rel = `${relDir}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(abs);
        } catch {
          if (entry.name.endsWith('.md')) out.push({ rel, abs, outside: true });
          continue;
        }
        const inside = target === realRoot || target.startsWith(realRoot + sep);
        if (!inside) {
          if (entry.name.endsWith('.md')) out.push({ rel, abs, outside: true });
          continue;
        }
        let isDir = false;
        try {
          isDir = readdirSync(target) !== undefined;
        } catch {
          isDir = false;
        }
        if (isDir) {
          if (!seen.has(target)) walk(abs, rel, new Set([...seen, target]));
        } else if (entry.name.endsWith('.md')) out.push({ rel, abs, outside: false });
      } else if (entry.isDirectory()) {
        walk(abs, rel, seen);
      } else if (entry.isFile() && entry.name.endsWith('.md')) {
        out.push({ rel, abs, outside: false });
      }
    }
  };
  const docs = join(root, 'documents');
  let realDocs: string;
  try {
    realDocs = realpathSync(docs);
  } catch {
    return out;
  }
  walk(docs, 'documents', new Set([realDocs]));
  return out;
}
