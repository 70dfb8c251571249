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
  if (given !== undefined && given !== '') {
    const bad = explainBadDate(given);
    if (bad)
      throw new UsageError(
        `${override !== undefined ? '--today' : 'PPP_TODAY'}: ${bad}; give a real date as YYYY-MM-DD`,
      );
    return given;
  }
  return dateInZone(io.now(), timeZone);
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
