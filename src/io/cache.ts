/**
 * The validation cache: each file's record (front matter, positions, its own problems)
 * keyed by the sha1 of its bytes, under a key made of the tool version, ppp.yaml, the
 * templates and the schemas. It lives in the user's cache folder, never in the register.
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { DocRecord } from '../rules/types.js';
import { readTextIfExists, writeFileAtomic } from './fs.js';

const FORMAT = 2;

export interface Cache {
  get(file: string, hash: string): DocRecord | undefined;
  set(record: DocRecord): void;
  /** Writes the cache when it changed, keeping only the files seen in this run. */
  save(files: readonly string[]): void;
}

/** Returns the folder ppp caches in: PPP_CACHE_DIR, else XDG_CACHE_HOME/ppp, else ~/.cache/ppp. */
export function cacheDir(env: Readonly<Record<string, string | undefined>>): string {
  if (env.PPP_CACHE_DIR) return env.PPP_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'ppp');
  return join(env.HOME || homedir(), '.cache', 'ppp');
}

/** Returns the cache of one register under one context key; a missing or unreadable cache is empty. */
export function openCache(dir: string, root: string, key: string): Cache {
  const id = createHash('sha1').update(realpathSync(root)).digest('hex').slice(0, 16);
  const path = join(dir, `validate-${id}.json`);
  let entries: Record<string, DocRecord> = {};
  try {
    const parsed = JSON.parse(readTextIfExists(path) ?? 'null') as { format?: number; key?: string; files?: Record<string, DocRecord> } | null;
    if (parsed && parsed.format === FORMAT && parsed.key === key && parsed.files && typeof parsed.files === 'object') entries = parsed.files;
  } catch {
    entries = {};
  }
  let dirty = false;
  return {
    get(file, hash) {
      const hit = Object.prototype.hasOwnProperty.call(entries, file) ? entries[file] : undefined;
      return hit && hit.hash === hash ? hit : undefined;
    },
    set(record) {
      entries[record.file] = record;
      dirty = true;
    },
    save(files) {
      if (!dirty && Object.keys(entries).length === files.length) return;
      const kept: Record<string, DocRecord> = {};
      for (const f of files) if (entries[f]) kept[f] = entries[f];
      try {
        writeFileAtomic(path, JSON.stringify({ format: FORMAT, key, files: kept }));
      } catch {
        // A cache that cannot be written only costs speed next time.
      }
    },
  };
}

/** Returns the cache key of a context: everything besides a file's own bytes that its record depends on. */
export function contextKey(parts: readonly string[]): string {
  const hash = createHash('sha1');
  for (const p of parts) hash.update(p).update('\0');
  return hash.digest('hex');
}
