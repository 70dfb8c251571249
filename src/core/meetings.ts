/**
 * The meeting schedule: the dates an iCalendar RRULE gives (rrule library), plus
 * meetings.add, less meetings.cancel; and each meeting's submission and circulation
 * deadlines. Pure.
 */
import rrulePackage from 'rrule';
import { addDays, addMonths, isIsoDate, type IsoDate } from './calendar.js';
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

/** Returns why an RRULE cannot be used, or undefined when it gives meetings. */
export function ruleFault(rule: string, start: IsoDate = DEFAULT_RULE_START): string | undefined {
  try {
    const options = RRule.parseString(rule.replace(/^RRULE:/, ''));
    const r = new RRule({ ...options, dtstart: utc(start) });
    if (!r.after(utc(start), true)) return 'it gives no meeting at all';
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
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
