/**
 * The meeting schedule: the dates an iCalendar RRULE gives (rrule library), plus
 * meetings.add, less meetings.cancel; and each meeting's submission and circulation
 * deadlines. Pure.
 */
import rrulePackage from 'rrule';
import { addDays, addMonths, isIsoDate, weekday, type IsoDate } from './calendar.js';
import { UsageError } from './errors.js';
import type { Settings } from './settings.js';
import type { Duration } from './duration.js';
import type { WorkingCalendar } from './working-days.js';

const { RRule } = rrulePackage;

export interface Meeting {
  date: IsoDate;
  submission_deadline: IsoDate;
  circulation_deadline: IsoDate;
}

export interface MeetingRow extends Meeting {
  /** Working days from today to the submission deadline, or null when it has passed. */
  working_days_to_submission: number | null;
  /** Whether the meeting met its quorum, from its attendance.yaml; null when none is recorded. */
  quorate: boolean | null;
}

/** The anchor of rules with an interval (every other month); rules without one do not depend on it. */
export const DEFAULT_RULE_START = '2000-01-01';

const utc = (date: IsoDate) =>
  new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))));
// rrule works in UTC when DTSTART is a UTC midnight: reading the ISO date back gives the calendar date.
const iso = (d: Date) => d.toISOString().slice(0, 10);

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const FREQS = ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY'];
const PARTS = [
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYDAY',
  'BYMONTH',
  'BYMONTHDAY',
  'BYSETPOS',
  'BYWEEKNO',
  'BYYEARDAY',
  'WKST',
];
/** How a usable rule looks, said at the end of every fault. */
export const RULE_EXAMPLE =
  'write it like FREQ=MONTHLY;BYDAY=+2TU (the second Tuesday of every month), adding ' +
  ';BYMONTH=1,2,3,4,5,6,7,9,10,11 to leave out August and December';

/** Returns what is wrong with one NAME=VALUE part of an RRULE, in words, or undefined when it reads well. */
function partFault(name: string, value: string, freq: string | undefined): string | undefined {
  const list = value.split(',');
  const numbers = (min: number, max: number, signed: boolean, what: string) => {
    const bad = list.find((v) => {
      if (!/^[+-]?\d+$/.test(v) || (!signed && /^[+-]/.test(v))) return true;
      const n = Math.abs(Number(v));
      return n < min || n > max;
    });
    return bad === undefined ? undefined : `${name}=${value}: "${bad}" is not ${what}`;
  };
  switch (name) {
    case 'FREQ':
      return FREQS.includes(value)
        ? undefined
        : `FREQ=${value} is not a frequency; use ${FREQS.join(', ')} (meetings are at most daily)`;
    case 'INTERVAL':
      return numbers(1, 1000, false, 'a whole number of 1 or more (INTERVAL=2 is every other one)');
    case 'COUNT':
      return numbers(1, 100000, false, 'a whole number of meetings of 1 or more');
    case 'UNTIL':
      return /^\d{8}(T\d{6}Z?)?$/.test(value) &&
        isIsoDate(`${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`)
        ? undefined
        : `UNTIL=${value} is not a date written YYYYMMDD (no hyphens), like UNTIL=20271231`;
    case 'BYDAY':
    case 'WKST': {
      for (const v of list) {
        const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(v);
        if (!m || !DAYS.includes(m[2]!) || (name === 'WKST' && m[1])) {
          const guess = DAYS.find((d) => v.replace(/^[+-]?\d*/, '').startsWith(d));
          return (
            `${name}=${value}: "${v}" is not a day; days are written ${DAYS.join(', ')}` +
            (name === 'BYDAY'
              ? ', with the week of the month before them (+2TU is the second Tuesday, -1FR the last Friday)'
              : '') +
            (guess ? `, so "${v}" is ${v.slice(0, v.length - v.replace(/^[+-]?\d*/, '').length)}${guess}` : '')
          );
        }
        if (m[1] && (Number(m[1]) === 0 || Math.abs(Number(m[1])) > (freq === 'YEARLY' ? 53 : 5)))
          return (
            `BYDAY=${value}: "${v}" asks for a week ${freq === 'YEARLY' ? 'a year' : 'a month'} does not have; ` +
            `${freq === 'YEARLY' ? 'use +1 to +53' : 'a month has at most five: use +1 to +5, or -1 for the last'}`
          );
      }
      return undefined;
    }
    case 'BYMONTH':
      return numbers(1, 12, false, 'a month from 1 (January) to 12 (December)');
    case 'BYMONTHDAY':
      return numbers(1, 31, true, 'a day of the month from 1 to 31 (or -1 for the last)');
    case 'BYSETPOS':
      return numbers(1, 366, true, 'a position such as 2 (the second) or -1 (the last)');
    case 'BYWEEKNO':
      return numbers(1, 53, true, 'a week of the year from 1 to 53');
    case 'BYYEARDAY':
      return numbers(1, 366, true, 'a day of the year from 1 to 366');
    default:
      return undefined;
  }
}

/** Returns what is wrong with the text of an RRULE, part by part, in words, or undefined when every part reads well. */
export function ruleTextFault(rule: string): string | undefined {
  const body = rule.replace(/^RRULE:/, '');
  if (body.trim() === '') return 'it is empty';
  if (body !== body.toUpperCase())
    return `it is written in small letters; names and values are in capitals (${body.toUpperCase()})`;
  if (/\s/.test(body)) return 'it has spaces in it; write it without spaces, NAME=VALUE parts separated by ";"';
  const parts: [string, string][] = [];
  for (const part of body.split(';')) {
    if (part === '') return 'it has an empty part (two ";" together, or one at the end); take it out';
    const eq = part.indexOf('=');
    if (eq < 0) return `"${part}" is not a part of an RRULE; the parts are NAME=VALUE separated by ";"`;
    const name = part.slice(0, eq);
    if (!PARTS.includes(name)) return `${name} is not a part of a meeting rule; use ${PARTS.join(', ')}`;
    if (parts.some(([n]) => n === name)) return `${name} is given twice; give it once`;
    parts.push([name, part.slice(eq + 1)]);
  }
  const freq = parts.find(([n]) => n === 'FREQ')?.[1];
  for (const [name, value] of parts) {
    const fault = partFault(name, value, freq);
    if (fault) return fault;
  }
  if (freq === undefined) return 'it has no FREQ, which says how often the group meets (FREQ=MONTHLY)';
  if (parts.some(([n]) => n === 'COUNT') && parts.some(([n]) => n === 'UNTIL'))
    return 'it gives both COUNT and UNTIL; give at most one';
  return undefined;
}

/** Returns why an RRULE cannot be used, in words, or undefined when it gives meetings. */
export function ruleFault(rule: string, start: IsoDate = DEFAULT_RULE_START): string | undefined {
  const text = ruleTextFault(rule);
  if (text) return text;
  try {
    const options = RRule.parseString(rule.replace(/^RRULE:/, ''));
    const r = new RRule({ ...options, dtstart: utc(start) });
    if (!r.after(utc(start), true))
      return (
        'it gives no meeting at all: no date matches every part of it together (a BYMONTHDAY that BYMONTH does ' +
        'not have, such as 30 in February?)'
      );
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Returns the last meeting in the twelve months from today, or undefined when there is none. */
export function lastMeetingWithinYear(settings: Settings, today: IsoDate): IsoDate | undefined {
  return meetingDates(settings, today, addMonths(today, 12)).pop();
}

/**
 * Returns why the schedule gives no meeting in the twelve months from today (none from the rule, nor from
 * meetings.add), in words, or undefined when it gives one.
 */
export function scheduleFault(settings: Settings, today: IsoDate): string | undefined {
  const m = settings.meetings;
  if (ruleFault(m.rule, m.start ?? DEFAULT_RULE_START)) return undefined;
  const end = addMonths(today, 12);
  if (lastMeetingWithinYear(settings, today) !== undefined) return undefined;
  const options = RRule.parseString(m.rule.replace(/^RRULE:/, ''));
  const rule = new RRule({ ...options, dtstart: utc(m.start ?? DEFAULT_RULE_START) });
  const next = rule.after(utc(end), false);
  const last = rule.before(utc(today), false);
  let why: string;
  if (rule.between(utc(today), utc(end), true).length > 0) why = 'every meeting it gives then is in meetings.cancel';
  else if (options.until && options.until < utc(today)) why = `its UNTIL ended it on ${iso(options.until)}`;
  else if (options.count && !next)
    why = `its COUNT=${options.count} has used up its meetings${last ? `, the last on ${iso(last)}` : ''}`;
  else if (next)
    why = `its next meeting is on ${iso(next)}${m.start && m.start > today ? ` (meetings.start is ${m.start})` : ''}`;
  else why = 'it gives no meeting after today';
  return `it gives no meeting in the twelve months from ${today} to ${end}: ${why}`;
}

/** Returns the dates of the meetings from from to to (both included), in order. */
export function meetingDates(settings: Settings, from: IsoDate, to: IsoDate): IsoDate[] {
  const m = settings.meetings;
  const options = RRule.parseString(m.rule.replace(/^RRULE:/, ''));
  const rule = new RRule({ ...options, dtstart: utc(m.start ?? DEFAULT_RULE_START) });
  const cancelled = new Set(m.cancel);
  const dates = new Set(rule.between(utc(from), utc(to), true).map(iso));
  for (const d of m.add) if (d >= from && d <= to) dates.add(d);
  return [...dates].filter((d) => !cancelled.has(d)).sort();
}

/**
 * Returns the day a deadline of duration before date falls on: working days counted back, or calendar time moved back
 * to a working day.
 */
export function deadlineBefore(calendar: WorkingCalendar, date: IsoDate, duration: Duration): IsoDate {
  if (duration.workingDays) return calendar.workingDaysBefore(date, duration.workingDays);
  return calendar.onOrBeforeWorkingDay(addDays(addMonths(date, -duration.months), -duration.days));
}

/** Returns a meeting with its two deadlines. */
export function meetingOn(settings: Settings, calendar: WorkingCalendar, date: IsoDate): Meeting {
  return {
    date,
    submission_deadline: deadlineBefore(calendar, date, settings.meetings.submission_deadline),
    circulation_deadline: deadlineBefore(calendar, date, settings.meetings.circulation_deadline),
  };
}

/** Returns the meetings from from to to, or the next count meetings from from. */
export function meetings(
  settings: Settings,
  calendar: WorkingCalendar,
  from: IsoDate,
  until: { to: IsoDate } | { count: number },
): Meeting[] {
  let dates: IsoDate[];
  if ('to' in until) dates = meetingDates(settings, from, until.to);
  else {
    // Look ahead a year at a time until enough meetings are found (at most ten years).
    dates = [];
    for (let years = 1; dates.length < until.count && years <= 10; years++)
      dates = meetingDates(settings, from, addMonths(from, 12 * years));
    dates = dates.slice(0, until.count);
  }
  return dates.map((d) => meetingOn(settings, calendar, d));
}

/** Returns the first meeting on or after date, or undefined when none is scheduled in the next ten years. */
export function nextMeeting(settings: Settings, calendar: WorkingCalendar, date: IsoDate): Meeting | undefined {
  return meetings(settings, calendar, date, { count: 1 })[0];
}

/** Returns the meeting on date, or a usage error naming the scheduled meetings nearest to it. */
export function scheduledMeeting(settings: Settings, calendar: WorkingCalendar, date: string): Meeting {
  if (!isIsoDate(date)) throw new UsageError(`${date} is not a real date written YYYY-MM-DD`);
  const around = meetingDates(settings, addDays(date, -100), addDays(date, 100));
  if (!around.includes(date)) {
    const before = around.filter((d) => d < date).pop();
    const after = around.find((d) => d > date);
    throw new UsageError(
      `${date} is not a scheduled meeting; the nearest are ` +
        `${[before, after].filter(Boolean).join(' and ') || 'none within 100 days'} (ppp ` +
        `meetings lists them)`,
    );
  }
  return meetingOn(settings, calendar, date);
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Returns each one-off meeting of meetings.add that falls on a weekend or a closure day (a bank holiday of the region,
 * or holidays.add), with its index in the list and why.
 */
export function closedMeetingDays(
  settings: Settings,
  calendar: WorkingCalendar,
): { index: number; date: IsoDate; why: string }[] {
  const out: { index: number; date: IsoDate; why: string }[] = [];
  settings.meetings.add.forEach((date, index) => {
    if (!isIsoDate(date) || calendar.isWorkingDay(date)) return;
    const day = weekday(date);
    const why =
      day >= 6
        ? `a ${WEEKDAY_NAMES[day - 1]}`
        : settings.holidays.add.includes(date)
          ? 'a closure day (holidays.add)'
          : `a bank holiday (${settings.holidays.region})`;
    out.push({ index, date, why });
  });
  return out;
}

/** The folders under meetings/ that are not a meeting's: virtual approvals' responses. */
export const KNOWN_MEETING_FOLDERS = ['virtual'];

/** Returns the date a folder name seems to mean (2026-9-8, 08-09-2026, 20260908), if any. */
function dateMeant(name: string): IsoDate | undefined {
  const pad = (n: string) => n.padStart(2, '0');
  let m = /^(\d{4})[-_.]?(\d{1,2})[-_.]?(\d{1,2})$/.exec(name);
  if (m) {
    const d = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
    if (isIsoDate(d)) return d;
  }
  m = /^(\d{1,2})[-_.](\d{1,2})[-_.](\d{4})$/.exec(name);
  if (m) {
    const d = `${m[3]}-${pad(m[2]!)}-${pad(m[1]!)}`;
    if (isIsoDate(d)) return d;
  }
  return undefined;
}

/**
 * Returns what is wrong with a folder under meetings/ whose name is not a scheduled or added meeting date (naming the
 * nearest meetings), or undefined when it is a meeting's or a known folder.
 */
export function meetingFolderFault(settings: Settings, name: string): string | undefined {
  if (KNOWN_MEETING_FOLDERS.includes(name)) return undefined;
  const date = isIsoDate(name) ? name : dateMeant(name);
  const folder = `meetings/${name}`;
  if (date === undefined)
    return (
      `${folder} is not named by a meeting's date; each meeting's records go in meetings/YYYY-MM-DD/ ` +
      `(ppp meetings lists the dates), and ${KNOWN_MEETING_FOLDERS.map((k) => `meetings/${k}/`).join(', ')} ` +
      `holds virtual approvals' responses: move what it holds`
    );
  const around = meetingDates(settings, addDays(date, -100), addDays(date, 100));
  const before = around.filter((d) => d < date).pop();
  const after = around.find((d) => d > date);
  const nearest = [before, after].filter(Boolean).join(' and ') || 'none within 100 days';
  if (date !== name) {
    return around.includes(date)
      ? `${folder} is not written YYYY-MM-DD, so its records are not read as the meeting's; ` +
          `rename it meetings/${date} (git mv)`
      : `${folder} is not written YYYY-MM-DD, and ${date} is not a scheduled meeting either; ` +
          `the nearest are ${nearest}`;
  }
  if (around.includes(date)) return undefined;
  const cancelled = settings.meetings.cancel.includes(date);
  return (
    `${folder} is not a scheduled meeting's folder: ${date} ` +
    `${cancelled ? 'is in meetings.cancel' : 'is not a meeting date'}; ` +
    `the nearest meetings are ${nearest}. Rename the folder to its meeting's date (git mv), or, if the group met ` +
    `on ${date}, ${cancelled ? 'take it out of meetings.cancel' : 'add it to meetings.add'} in ppp.yaml`
  );
}
