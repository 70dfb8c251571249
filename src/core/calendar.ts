/**
 * Date arithmetic. A date is a 'YYYY-MM-DD' string everywhere; the arithmetic is on whole day
 * numbers, so no time zone or daylight-saving change can shift a day. Date objects appear only
 * where an instant meets a time zone (dateInZone: today; zonedInstant: a meeting's start) and
 * at the libraries' edges (rrule in meetings.ts, date-holidays in bank-holidays.ts), and never
 * leave those functions.
 */

export type IsoDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns true when value is a real calendar date written YYYY-MM-DD (2023-02-30 is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Returns why value is not a valid date, or null when it is one. */
export function explainBadDate(value: unknown): string | null {
  if (typeof value !== 'string') return `must be a date written YYYY-MM-DD`;
  const m = DATE_RE.exec(value);
  if (!m) return `"${value}" is not written YYYY-MM-DD`;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12) return `"${value}" has no month ${month}`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `"${value}" does not exist: ${MONTHS[month - 1]} ${year} has ${last} days`;
  return null;
}

export const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Returns the number of days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[month - 1] ?? 0;
}

// Days since 1970-01-01 from a civil date and back (Howard Hinnant's algorithms): integer
// arithmetic only, so no Date object, time zone or daylight-saving change is involved.
function toDayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${String(date)}`);
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Returns date moved by n calendar days (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/**
 * Returns date moved by n months, keeping the day and clamping to the month's last day (31 Dec + 2 months = 28 Feb).
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month0 = Number(date.slice(5, 7)) - 1 + n;
  const day = Number(date.slice(8, 10));
  const y = year + Math.floor(month0 / 12);
  const m = ((month0 % 12) + 12) % 12;
  const d = Math.min(day, daysInMonth(y, m + 1));
  return `${String(y).padStart(4, '0')}-${m < 9 ? '0' : ''}${m + 1}-${d < 10 ? '0' : ''}${d}`;
}

/** Returns date moved by n years (29 February clamps to 28 February). */
export function addYears(date: IsoDate, n: number): IsoDate {
  return addMonths(date, n * 12);
}

/** Returns negative, zero or positive as a is before, equal to or after b. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Returns the number of calendar days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Returns the ISO weekday of date: 1 Monday … 7 Sunday. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** Returns today's date in the time zone, from an instant given in milliseconds. */
export function dateInZone(instantMs: number, timeZone: string): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Returns true when the IANA time zone name is known to this Node.js. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Returns the instant (milliseconds) of a local wall-clock time HH:MM on date in a time zone, across clock changes. */
export function zonedInstant(date: IsoDate, time: string, timeZone: string): number {
  const [h, mi] = time.split(':').map(Number);
  const guess = Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    h ?? 0,
    mi ?? 0,
  );
  const first = guess - offsetMinutes(guess, timeZone) * 60_000;
  // A second pass settles times near a clock change, where the offset at the guess is not the offset at the answer.
  return guess - offsetMinutes(first, timeZone) * 60_000;
}

function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** Returns a date written out for people: Tuesday 12 January 2027. */
export function longDate(date: IsoDate): string {
  return `${DAYS[weekday(date) - 1]} ${writtenDate(date)}`;
}

/** Returns a date written out as GOV.UK writes dates, without the weekday: 12 January 2027. */
export function writtenDate(date: IsoDate): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
