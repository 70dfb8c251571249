/**
 * Working days: Monday to Friday, less the bank holidays of the region, plus the register's
 * extra closure days (holidays.add), less the days it keeps open (holidays.remove). Pure:
 * the bank holidays of a year come from the function given (bank-holidays.ts).
 */
import { addDays, weekday, type IsoDate } from './calendar.js';

export interface WorkingCalendar {
  /** Returns true when date is a working day. */
  isWorkingDay(date: IsoDate): boolean;
  /** Returns the day reached by stepping back from date over n working days, date itself not counted. */
  workingDaysBefore(date: IsoDate, n: number): IsoDate;
  /** Returns date when it is a working day, else the working day before it. */
  onOrBeforeWorkingDay(date: IsoDate): IsoDate;
  /** Returns the number of working days after from, up to and including to (0 when to is not after from). */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** Returns the closure days (bank holidays and holidays.add, less holidays.remove) of a year. */
  closures(year: number): IsoDate[];
}

/** Returns a working-day calendar from a region's bank holidays by year and the register's own changes. */
export function workingCalendar(
  bankHolidays: (year: number) => readonly IsoDate[],
  add: readonly IsoDate[] = [],
  remove: readonly IsoDate[] = [],
): WorkingCalendar {
  const byYear = new Map<number, Set<IsoDate>>();
  const removed = new Set(remove);
  const closuresOf = (year: number): Set<IsoDate> => {
    let days = byYear.get(year);
    if (!days) {
      days = new Set(
        [...bankHolidays(year), ...add.filter((d) => d.startsWith(`${year}-`))].filter((d) => !removed.has(d)),
      );
      byYear.set(year, days);
    }
    return days;
  };
  const isWorkingDay = (date: IsoDate) => weekday(date) <= 5 && !closuresOf(Number(date.slice(0, 4))).has(date);
  return {
    isWorkingDay,
    workingDaysBefore(date, n) {
      let d = date;
      for (let left = n; left > 0;) {
        d = addDays(d, -1);
        if (isWorkingDay(d)) left--;
      }
      return d;
    },
    onOrBeforeWorkingDay(date) {
      let d = date;
      while (!isWorkingDay(d)) d = addDays(d, -1);
      return d;
    },
    workingDaysBetween(from, to) {
      let count = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
      return count;
    },
    closures(year) {
      return [...closuresOf(year)].sort();
    },
  };
}
