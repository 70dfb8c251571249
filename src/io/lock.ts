/**
 * The register lock: every command that writes the register holds it from reading the register to its last
 * write, so that two ppp runs at once (ten `ppp action add` from a script, `submit` while `approve` runs) never
 * both read the same state and lose one write. The lock is a file made with open(…, 'wx'), holding the holder's
 * pid, host and command; a lock whose holder has died on this host, or that is older than STALE_AFTER_MS (a holder
 * on another host sharing the drive), is taken over. A second run waits for the first to finish, up to
 * PPP_LOCK_WAIT seconds (default 20), then refuses, changing nothing. The lock lives in the repository's git
 * folder (never in the work tree, so git status and the register's files never see it), or beside ppp.yaml when
 * the register is not in git.
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { RefusalError } from '../core/errors.js';
import type { Io } from './io.js';

/** A lock untouched for this long is taken to be abandoned, whoever holds it. */
export const STALE_AFTER_MS = 10 * 60 * 1000;
const POLL_MS = 50;

interface Holder {
  pid: number;
  host: string;
  since: string;
  command: string;
}

/** The locks this process holds: path → count (a command may take the lock through two steps). */
const held = new Map<string, number>();

/** Returns the lock file of the register at root. */
export function lockPath(root: string): string {
  const git = gitDirOf(root);
  if (!git) return join(root, '.ppp.lock');
  // One repository may hold several registers: one lock each, named by the register's place in it.
  const place = relative(git.top, resolve(root)) || '.';
  const tag = place === '.' ? '' : `-${createHash('sha256').update(place).digest('hex').slice(0, 12)}`;
  return join(git.dir, `ppp${tag}.lock`);
}

/**
 * Takes the lock of the register at root for the rest of this command (released by releaseLocks, which main calls when
 * the command ends, and by the process's exit). Waits while another ppp holds it; refuses once the wait is over.
 */
export async function lockRegister(root: string, io: Io, command: string): Promise<void> {
  const path = lockPath(root);
  const count = held.get(path);
  if (count !== undefined) {
    held.set(path, count + 1);
    return;
  }
  const waitMs = waitOf(io);
  const started = Date.now();
  const me: Holder = { pid: process.pid, host: hostname(), since: new Date(io.now()).toISOString(), command };
  for (;;) {
    if (tryCreate(path, me, root)) {
      held.set(path, 1);
      return;
    }
    const holder = readHolder(path);
    if (holder === 'gone') continue;
    if (isStale(path, holder)) {
      takeOver(path, holder);
      continue;
    }
    if (Date.now() - started >= waitMs) {
      const who = holder
        ? `ppp ${holder.command} (process ${holder.pid} on ${holder.host}, since ${holder.since})`
        : 'another ppp';
      throw new RefusalError(
        `${who} is writing this register; nothing was changed. Run the command again when it has finished ` +
          `(if no ppp is running, the lock ${path} was left behind: remove it)`,
      );
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Releases every lock this process holds. */
export function releaseLocks(): void {
  for (const path of held.keys()) removeOwn(path);
  held.clear();
}

process.on('exit', releaseLocks);

function waitOf(io: Io): number {
  const given = io.env.PPP_LOCK_WAIT;
  const seconds = given !== undefined && /^\d+(\.\d+)?$/.test(given.trim()) ? Number(given) : 20;
  return seconds * 1000;
}

/** Creates the lock file with the holder's details; false when it exists. Other failures (read-only) are thrown. */
function tryCreate(path: string, me: Holder, root: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EEXIST') return false;
    // A register that cannot be written (read-only share, no permission): said of the register, not of the lock.
    e.path = root;
    e.syscall = 'write';
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(me) + '\n');
  } catch (error) {
    // A full disk: no lock is left behind half written.
    closeSync(fd);
    unlinkSync(path);
    const e = error as NodeJS.ErrnoException;
    e.path = root;
    e.syscall = 'write';
    throw error;
  }
  closeSync(fd);
  return true;
}

/** Returns the holder written in the lock; undefined when unreadable (being written); 'gone' when released. */
function readHolder(path: string): Holder | undefined | 'gone' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const h = JSON.parse(text) as Holder;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? h : undefined;
  } catch {
    return undefined;
  }
}

function isStale(path: string, holder: Holder | undefined): boolean {
  let age: number;
  try {
    age = Date.now() - statSync(path).mtimeMs;
  } catch {
    return false;
  }
  if (age > STALE_AFTER_MS) return true;
  // Written half by a holder that died between creating and writing it.
  if (holder === undefined) return age > 5_000;
  return holder.host === hostname() && !alive(holder.pid);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes an abandoned lock. Of two runs taking it over at once, the second may move aside the lock the first has just
 * made: it puts that one back.
 */
function takeOver(path: string, stale: Holder | undefined): void {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = readHolder(aside);
  const same = moved === stale || (typeof moved === 'object' && typeof stale === 'object' && moved.pid === stale.pid);
  if (!same) {
    try {
      linkSync(aside, path);
    } catch {
      // a third run holds it now; the one moved aside is lost to it, and its holder will find its lock gone
    }
  }
  try {
    unlinkSync(aside);
  } catch {
    // already gone
  }
}

/** Removes the lock if it is still this process's. */
function removeOwn(path: string): void {
  const holder = readHolder(path);
  if (holder && holder !== 'gone' && holder.pid === process.pid && holder.host === hostname()) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
}

/** Returns the git folder of the repository holding root, found as git finds it (.git folder or "gitdir:" file). */
function gitDirOf(root: string): { dir: string; top: string } | undefined {
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    try {
      const stat = statSync(dotGit);
      if (stat.isDirectory()) return { dir: dotGit, top: dir };
      if (stat.isFile()) {
        const m = /^gitdir:\s*(.+)$/m.exec(readFileSync(dotGit, 'utf8'));
        const to = m?.[1]?.trim();
        if (to) return { dir: isAbsolute(to) ? to : resolve(dir, to), top: dir };
      }
    } catch {
      // not here
    }
    if (dirname(dir) === dir) return undefined;
  }
}
