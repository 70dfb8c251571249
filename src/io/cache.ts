/**
 * The validation cache: each file's record (front matter, positions, its own problems)
 * keyed by the sha1 of its bytes, under a key made of the tool version, ppp.yaml, the
 * templates and the schemas. It lives in the user's cache folder, never in the register.
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../core/errors.js';
import type { Settings } from '../core/settings.js';
import type { DocRecord } from '../core/document.js';
import { readTextIfExists, writeFileAtomic } from './fs.js';

// Bump when the record shape changes, so that an old cache is never read as a new one.
const FORMAT = 5;

export interface Cache {
  /** The parsed settings stored with the records, when the cache is of the same ppp.yaml. */
  settings: Settings | undefined;
  setSettings(settings: Settings): void;
  /**
   * The last meeting found within twelve months when the schedule was last checked: until that day, a meeting is
   * certainly within twelve months of today, so the schedule need not be worked out again.
   */
  scheduleUntil: string | undefined;
  setScheduleUntil(date: string): void;
  get(file: string, hash: string): DocRecord | undefined;
  /** True when nothing is cached for this register under this key. */
  isEmpty(): boolean;
  set(record: DocRecord): void;
  /** Writes the cache when it changed, keeping only the files seen in this run. */
  save(files: readonly string[]): void;
}

/** Returns the folder ppp caches in: PPP_CACHE_DIR, else XDG_CACHE_HOME/ppp, else ~/.cache/ppp. */
export function cacheDir(env: Readonly<Record<string, string | undefined>>): string {
  if (env.PPP_CACHE_DIR !== undefined) {
    if (env.PPP_CACHE_DIR.trim() === '')
      throw new ConfigError('PPP_CACHE_DIR is set but empty; set it to a folder for the cache, or unset it');
    return env.PPP_CACHE_DIR;
  }
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'ppp');
  return join(env.HOME || homedir(), '.cache', 'ppp');
}

/** Returns the cache of one register under one context key; a missing or unreadable cache is empty. */
export function openCache(dir: string, root: string, key: string): Cache {
  const id = createHash('sha1').update(realpathSync(root)).digest('hex').slice(0, 16);
  const path = join(dir, `validate-${id}.json`);
  let entries: Record<string, DocRecord> = {};
  let settings: Settings | undefined;
  let scheduleUntil: string | undefined;
  try {
    const parsed = JSON.parse(readTextIfExists(path) ?? 'null') as {
      format?: number;
      key?: string;
      settings?: Settings;
      scheduleUntil?: string;
      files?: Record<string, DocRecord>;
    } | null;
    if (parsed && parsed.format === FORMAT && parsed.key === key && parsed.files && typeof parsed.files === 'object') {
      entries = parsed.files;
      settings = parsed.settings;
      scheduleUntil = typeof parsed.scheduleUntil === 'string' ? parsed.scheduleUntil : undefined;
    }
  } catch {
    entries = {};
  }
  let dirty = false;
  return {
    get settings() {
      return settings;
    },
    setSettings(value) {
      if (settings === undefined) dirty = true;
      settings = value;
    },
    get scheduleUntil() {
      return scheduleUntil;
    },
    setScheduleUntil(date) {
      if (date !== scheduleUntil) dirty = true;
      scheduleUntil = date;
    },
    isEmpty() {
      return Object.keys(entries).length === 0;
    },
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
      for (const f of files) {
        const r = entries[f];
        // Positions are kept as text: a warm run needs them only for a document with a problem.
        if (r) kept[f] = typeof r.positions === 'string' ? r : { ...r, positions: JSON.stringify(r.positions) };
      }
      try {
        writeFileAtomic(path, JSON.stringify({ format: FORMAT, key, settings, scheduleUntil, files: kept }));
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

/** The verdicts of approval commits, by commit id, valid for one allowed_signers and one build of ppp. */
export interface VerdictCache<T> {
  get(commit: string): T | undefined;
  set(commit: string, verdict: T): void;
  save(): void;
}

/**
 * Returns the verdict cache of one register under a key (the hash of allowed_signers and the tool); a stale or
 * unreadable cache is empty.
 */
export function openVerdictCache<T>(dir: string, root: string, key: string): VerdictCache<T> {
  const id = createHash('sha1').update(realpathSync(root)).digest('hex').slice(0, 16);
  const path = join(dir, `verify-${id}.json`);
  let entries: Record<string, T> = {};
  try {
    const parsed = JSON.parse(readTextIfExists(path) ?? 'null') as {
      format?: number;
      key?: string;
      commits?: Record<string, T>;
    } | null;
    if (
      parsed &&
      parsed.format === FORMAT &&
      parsed.key === key &&
      parsed.commits &&
      typeof parsed.commits === 'object'
    )
      entries = parsed.commits;
  } catch {
    entries = {};
  }
  let dirty = false;
  return {
    get: (commit) => (Object.prototype.hasOwnProperty.call(entries, commit) ? entries[commit] : undefined),
    set(commit, verdict) {
      entries[commit] = verdict;
      dirty = true;
    },
    save() {
      if (!dirty) return;
      try {
        writeFileAtomic(path, JSON.stringify({ format: FORMAT, key, commits: entries }));
      } catch {
        // A cache that cannot be written only costs speed next time.
      }
    },
  };
}
