/**
 * Durations as ppp.yaml and front matter write them: "10 working days", "3 years",
 * "2 months", "1 week", "90 days", or ISO 8601 ("P3Y", "P2M", "P1Y6M", "P10D", "P2W").
 * Years become months and weeks become days, so "3 years" and "36 months" are the same.
 */
import { addDays, addMonths, compareDates, type IsoDate } from './calendar.js';

export interface Duration {
  months: number;
  days: number;
  workingDays: number;
  /** As the user wrote it, for messages. */
  text: string;
}

export type ParseResult = { ok: true; value: Duration } | { ok: false; message: string };

const WORDS = /^(\d{1,4})\s+(working\s+days?|days?|weeks?|months?|years?)$/i;
const ISO = /^P(?!$)(?:(\d{1,4})Y)?(?:(\d{1,4})M)?(?:(\d{1,4})W)?(?:(\d{1,4})D)?$/;

const EXAMPLES = 'write it like "10 working days", "3 weeks", "2 months", "3 years" or "P3Y"';

/** Returns the parsed duration, or a message saying what is wrong and how to write it. */
export function parseDuration(input: unknown): ParseResult {
  if (typeof input !== 'string') {
    return { ok: false, message: `a duration must be text such as "3 years", not ${describe(input)}; ${EXAMPLES}` };
  }
  const text = input.trim().replace(/\s+/g, ' ');
  const words = WORDS.exec(text);
  if (words) {
    const n = Number(words[1]);
    const unit = words[2]!.toLowerCase();
    const value: Duration = { months: 0, days: 0, workingDays: 0, text };
    if (unit.startsWith('working')) value.workingDays = n;
    else if (unit.startsWith('day')) value.days = n;
    else if (unit.startsWith('week')) value.days = n * 7;
    else if (unit.startsWith('month')) value.months = n;
    else value.months = n * 12;
    return { ok: true, value };
  }
  const iso = ISO.exec(text.toUpperCase());
  if (iso) {
    const [, y, m, w, d] = iso;
    return {
      ok: true,
      value: {
        months: Number(y ?? 0) * 12 + Number(m ?? 0),
        days: Number(w ?? 0) * 7 + Number(d ?? 0),
        workingDays: 0,
        text,
      },
    };
  }
  return { ok: false, message: `"${text}" is not a duration; ${EXAMPLES}` };
}

/** The longest period a flag may give: beyond it a date leaves the calendar ppp plans in. */
const LONGEST_MONTHS = 100 * 12;

/**
 * Returns a period given on the command line (ppp due --within, ppp approve --cycle), or a message: it must parse, be
 * longer than nothing and be at most 100 years.
 */
export function parsePeriod(input: string): ParseResult {
  const parsed = parseDuration(input);
  if (!parsed.ok) return parsed;
  const { months, days, workingDays, text } = parsed.value;
  if (months === 0 && days === 0 && workingDays === 0)
    return { ok: false, message: `"${text}" is no time at all; give a period longer than zero, like "3 months"` };
  if (months + Math.ceil((days + workingDays) / 28) > LONGEST_MONTHS)
    return { ok: false, message: `"${text}" is longer than 100 years; give a shorter period, like "3 years"` };
  return parsed;
}

/**
 * Returns date + duration in calendar units (months clamp to the month's end). Working days need the calendar of
 * holidays.
 */
export function addDuration(date: IsoDate, duration: Duration): IsoDate {
  if (duration.workingDays) throw new RangeError('working days need a holiday calendar');
  return addDays(addMonths(date, duration.months), duration.days);
}

/** Returns true when a is longer than b, measured from the same start date. */
export function isLonger(a: Duration, b: Duration, from: IsoDate = '2000-01-01'): boolean {
  return compareDates(addDuration(from, a), addDuration(from, b)) > 0;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'number') return `the number ${value}`;
  return `a ${Array.isArray(value) ? 'list' : typeof value}`;
}

const LENGTH_WORDS = /^(\d{1,3})\s*(hours?|hrs?|h|minutes?|mins?|m)$/i;
const LENGTH_ISO = /^PT(?!$)(?:(\d{1,2})H)?(?:(\d{1,3})M)?$/i;

/** Returns a meeting's length in minutes from "2 hours", "90 minutes" or "PT1H30M", or a message. */
export function parseMeetingLength(input: unknown): { ok: true; minutes: number } | { ok: false; message: string } {
  const text = typeof input === 'string' ? input.trim() : '';
  const words = LENGTH_WORDS.exec(text);
  if (words) {
    const n = Number(words[1]);
    const minutes = words[2]!.toLowerCase().startsWith('h') ? n * 60 : n;
    if (minutes > 0 && minutes <= 24 * 60) return { ok: true, minutes };
  }
  const iso = LENGTH_ISO.exec(text);
  if (iso) {
    const minutes = Number(iso[1] ?? 0) * 60 + Number(iso[2] ?? 0);
    if (minutes > 0 && minutes <= 24 * 60) return { ok: true, minutes };
  }
  return {
    ok: false,
    message:
      `${typeof input === 'string' ? `"${input}"` : 'this'} is not a meeting length; ` +
      `write it like "2 hours", "90 minutes" or "PT1H30M"`,
  };
}
