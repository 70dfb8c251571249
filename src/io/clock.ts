/**
 * The only reader of the system clock: today's date in the register's time zone, unless --today or PPP_TODAY says
 * otherwise.
 */
import { dateInZone, explainBadDate, type IsoDate } from '../core/calendar.js';
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
