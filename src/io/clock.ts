/**
 * The only reader of the system clock: today's date in the register's time zone, unless --today or PPP_TODAY says
 * otherwise.
 */
import { compareDates, dateInZone, explainBadDate, type IsoDate } from '../core/calendar.js';
import { UsageError } from '../core/errors.js';
import type { Io } from './io.js';

/** Returns today's date: the override (from --today, else PPP_TODAY) or the clock's date in the time zone. */
export function today(io: Io, timeZone: string, override?: string): IsoDate {
  const given = override ?? io.env.PPP_TODAY;
  if (given !== undefined) {
    const named = override !== undefined ? '--today' : 'PPP_TODAY';
    if (given.trim() === '')
      throw new UsageError(`${named} is empty; give a real date as YYYY-MM-DD, or leave it out for the real date`);
    const bad = explainBadDate(given);
    if (bad)
      throw new UsageError(
        `${override !== undefined ? '--today' : 'PPP_TODAY'}: ${bad}; give a real date as YYYY-MM-DD`,
      );
    return given;
  }
  return dateInZone(io.now(), timeZone);
}

/** Returns the current instant in milliseconds, by the io clock (tests inject it). */
export function instant(io: Io): number {
  return io.now();
}

/**
 * Returns the real date in the time zone, whatever --today says: no record written to the
 * register, and no commit, is ever dated after it (--today moves today for planning only).
 */
export function realToday(io: Io, timeZone: string): IsoDate {
  return dateInZone(io.now(), timeZone);
}

/**
 * Returns today for a command that records something: --today (or PPP_TODAY) may move it back for "what if", but a
 * record is never dated after the real date, so a later one is a usage error.
 */
export function recordingToday(io: Io, timeZone: string, override?: string): IsoDate {
  const given = today(io, timeZone, override);
  const real = realToday(io, timeZone);
  if (compareDates(given, real) > 0) {
    throw new UsageError(
      `${override !== undefined ? '--today' : 'PPP_TODAY'} ${given} is after the real date (${real}): it plans, ` +
        'it never records; leave it out to record this today',
    );
  }
  return given;
}

/**
 * Returns the author and committer dates of a commit made now, by the io clock, in the register's time zone: a
 * commit is dated by the same clock as what it records (tests inject it), and its date reads as the register's day.
 */
export function commitDates(io: Io, timeZone: string): Record<string, string> {
  const ms = io.now();
  const name =
    new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(ms)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})/.exec(name);
  const offset = m ? `${m[1]}${m[2]}${m[3]}` : '+0000';
  const date = `@${Math.floor(ms / 1000)} ${offset}`;
  return { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
}
