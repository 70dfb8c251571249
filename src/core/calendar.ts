/**
 * All date arithmetic. A date is a 'YYYY-MM-DD' string everywhere else; Date objects are
 * used only inside this module, always at UTC midnight, so no time zone or daylight-saving
 * change can shift a day.
 */

export type IsoDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

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

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Returns the number of days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtc(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${String(date)}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtc(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Returns date moved by n calendar days (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromUtc(toUtc(date) + n * DAY_MS);
}

/** Returns date moved by n months, keeping the day and clamping to the month's last day (31 Dec + 2 months = 28 Feb). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month0 = Number(date.slice(5, 7)) - 1 + n;
  const day = Number(date.slice(8, 10));
  const y = year + Math.floor(month0 / 12);
  const m = ((month0 % 12) + 12) % 12;
  const d = Math.min(day, daysInMonth(y, m + 1));
  return fromUtc(Date.UTC(y, m, d));
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
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** Returns the ISO weekday of date: 1 Monday … 7 Sunday. */
export function weekday(date: IsoDate): number {
  const d = new Date(toUtc(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Returns today's date in the time zone, from an instant given in milliseconds. */
export function dateInZone(instantMs: number, timeZone: string): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(
    new Date(instantMs),
  );
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
