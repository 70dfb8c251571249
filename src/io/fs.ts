/** The only code that reads or writes the register's files. Every write is atomic. */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync, fstatSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, realpathSync, renameSync, unlinkSync,
  writeFileSync, type Dirent,
} from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';

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
  | { kind: 'text'; text: string; hash: string }
  | { kind: 'too-large'; size: number }
  | { kind: 'encoding' }
  | { kind: 'error'; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Returns a document's text and the sha1 of its bytes, or why it could not be read. */
export function readDocument(path: string): FileRead {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    if (size > MAX_DOCUMENT_BYTES) return { kind: 'too-large', size };
    const buf = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buf, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    const bytes = buf.subarray(0, read);
    const hash = createHash('sha1').update(bytes).digest('hex');
    try {
      return { kind: 'text', text: decoder.decode(bytes), hash };
    } catch {
      return { kind: 'encoding' };
    }
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  } finally {
    if (fd !== undefined) closeSync(fd);
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
  const walk = (dir: string, seen: Set<string>) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const abs = join(dir, entry.name);
      const rel = relative(root, abs).split(sep).join('/');
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
          if (!seen.has(target)) walk(abs, new Set([...seen, target]));
        } else if (entry.name.endsWith('.md')) out.push({ rel, abs, outside: false });
      } else if (entry.isDirectory()) {
        walk(abs, seen);
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
  walk(docs, new Set([realDocs]));
  return out;
}
