import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankHolidays } from './bank-holidays.js';
import { addDays, weekday } from './calendar.js';
import {
  closedMeetingDays,
  lastMeetingWithinYear,
  meetingFolderFault,
  meetingOn,
  meetings,
  nextMeeting,
  ruleFault,
  scheduleFault,
} from './meetings.js';
import { parseSettings } from './ppp-yaml.js';
import { workingCalendar } from './working-days.js';

const PRESETS = join(import.meta.dirname, '../../presets');
const govuk = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../test/fixtures/govuk-bank-holidays.json'), 'utf8'),
) as Record<string, string[]>;

function settingsOf(text: string) {
  const r = parseSettings(text);
  if (!r.ok) throw new Error(JSON.stringify(r.faults));
  return r.settings;
}
const dorsetText = readFileSync(join(PRESETS, 'dorset-ppp.yaml'), 'utf8');
const dorset = settingsOf(dorsetText);
const calendar = workingCalendar(bankHolidays('england-and-wales'));

describe('the Dorset schedule, 2019 to 2027', () => {
  // Computed here without rrule or date-holidays: second Tuesdays, and GOV.UK's list.
  // The fixture starts in 2019; the first meeting's deadline reaches back over Christmas 2018.
  const closed = new Set(['2018-12-25', '2018-12-26', ...govuk['england-and-wales']!]);
  const working = (d: string) => weekday(d) <= 5 && !closed.has(d);
  const back = (d: string, n: number) => {
    let x = d;
    for (let left = n; left > 0;) {
      x = addDays(x, -1);
      if (working(x)) left--;
    }
    return x;
  };
  const expected: { date: string; submission_deadline: string; circulation_deadline: string }[] = [];
  for (let year = 2019; year <= 2027; year++) {
    for (let month = 1; month <= 12; month++) {
      if (month === 8 || month === 12) continue;
      let d = `${year}-${String(month).padStart(2, '0')}-01`;
      while (weekday(d) !== 2) d = addDays(d, 1);
      d = addDays(d, 7);
      expected.push({ date: d, submission_deadline: back(d, 10), circulation_deadline: back(d, 3) });
    }
  }

  it('has every meeting with both deadlines', () => {
    expect(expected).toHaveLength(90);
    expect(meetings(dorset, calendar, '2019-01-01', { to: '2027-12-31' })).toEqual(expected);
  });

  it.each([
    ['2027-01-12', '2026-12-24', '2027-01-07'],
    ['2026-04-14', '2026-03-27', '2026-04-09'],
  ])('SPEC example: the meeting of %s has deadlines %s and %s', (date, submission, circulation) => {
    expect(meetingOn(dorset, calendar, date)).toEqual({
      date,
      submission_deadline: submission,
      circulation_deadline: circulation,
    });
  });
});

describe('the next meeting', () => {
  it.each([
    ['2027-01-05', '2027-01-12'],
    ['2027-01-12', '2027-01-12'],
    ['2027-01-13', '2027-02-09'],
    ['2026-07-15', '2026-09-08'],
    ['2026-11-11', '2027-01-12'],
  ])('on %s is %s', (today, date) => expect(nextMeeting(dorset, calendar, today)?.date).toBe(date));
});

describe('added, cancelled and closure days', () => {
  it('cancels and adds meetings', () => {
    const s = settingsOf(
      dorsetText
        .replace('add: []                        # one-off', 'add: [2026-12-15]           # one-off')
        .replace('cancel: []', 'cancel: [2027-01-12]'),
    );
    expect(meetings(s, calendar, '2026-11-01', { count: 3 }).map((m) => m.date)).toEqual([
      '2026-11-10',
      '2026-12-15',
      '2027-02-09',
    ]);
  });

  it('an extra closure day moves a deadline back', () => {
    const closing = workingCalendar(bankHolidays('england-and-wales'), ['2027-01-07']);
    expect(meetingOn(dorset, closing, '2027-01-12').circulation_deadline).toBe('2027-01-06');
    const open = workingCalendar(bankHolidays('england-and-wales'), [], ['2026-12-28']);
    expect(meetingOn(dorset, open, '2027-01-12').submission_deadline).toBe('2026-12-28');
  });

  it('a deadline in calendar weeks that lands on a holiday moves back to the working day before', () => {
    const kent = settingsOf(
      readFileSync(join(PRESETS, 'kent-medway.yaml'), 'utf8').replace(
        /(rule: "[^"]+"\n\s+)add: \[\]/,
        '$1add: [2027-01-08]',
      ),
    );
    // One week before Friday 8 January 2027 is New Year's Day, a bank holiday.
    expect(meetingOn(kent, calendar, '2027-01-08').circulation_deadline).toBe('2026-12-31');
    expect(meetings(kent, calendar, '2027-01-01', { count: 5 }).map((m) => m.date)).toEqual([
      '2027-01-08',
      '2027-03-11',
      '2027-06-10',
      '2027-09-09',
      '2027-12-09',
    ]);
  });

  it('the merton preset meets every other month', () => {
    const merton = settingsOf(readFileSync(join(PRESETS, 'merton-mscp.yaml'), 'utf8'));
    expect(meetings(merton, calendar, '2027-01-01', { count: 3 }).map((m) => m.date)).toEqual([
      '2027-01-06',
      '2027-03-03',
      '2027-05-05',
    ]);
  });
});

describe('meeting rules explained in words', () => {
  it.each([
    ['FREQ=MONTHLY;BYDAY=+2TUE', '"+2TUE" is not a day', '+2TU'],
    ['FREQ=MONTLY;BYDAY=+2TU', 'FREQ=MONTLY is not a frequency', 'MONTHLY'],
    ['BYDAY=+2TU', 'no FREQ', 'FREQ=MONTHLY'],
    ['freq=monthly;byday=+2tu', 'small letters', 'FREQ=MONTHLY;BYDAY=+2TU'],
    ['FREQ=MONTHLY; BYDAY=+2TU', 'spaces', ''],
    ['FREQ=MONTHLY;BYDAY=+2TU;', 'empty part', ''],
    ['every second tuesday', 'small letters', ''],
    ['EVERY SECOND TUESDAY', 'spaces', ''],
    ['FREQ=MONTHLY;BYDAY=+6TU', 'a month has at most five', '+1 to +5'],
    ['FREQ=MONTHLY;BYDAY=+2TU;BYMONTH=13', '"13" is not a month', ''],
    ['FREQ=MONTHLY;BYDAY=+2TU;UNTIL=2027-12-31', 'UNTIL=2027-12-31 is not a date written YYYYMMDD', ''],
    ['FREQ=MONTHLY;BYDAY=+2TU;INTERVAL=0', 'INTERVAL=0', '1 or more'],
    ['FREQ=MONTHLY;BYDAY=+2TU;DAY=3', 'DAY is not a part', 'BYMONTHDAY'],
    ['FREQ=MONTHLY;FREQ=WEEKLY', 'FREQ is given twice', ''],
    ['FREQ=MONTHLY;BYMONTHDAY=30;BYMONTH=2', 'no meeting at all', 'BYMONTHDAY'],
    ['', 'empty', ''],
  ])('%s: says what is wrong', (rule, fragment, more) => {
    const fault = ruleFault(rule);
    expect(fault).toContain(fragment);
    expect(fault).toContain(more);
  });

  it.each(['FREQ=MONTHLY;BYDAY=+2TU', 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=100'])(
    '%s is a usable rule',
    (rule) => expect(ruleFault(rule)).toBe(undefined),
  );
});

describe('a schedule with no meeting in the next twelve months', () => {
  const withRule = (rule: string, extra = '') =>
    settingsOf(`group: G\nid_prefix: CS\nmeetings:\n  rule: "${rule}"\n${extra}`);
  it.each([
    ['FREQ=MONTHLY;BYDAY=+2TU;UNTIL=20251231', '', 'UNTIL ended it on 2025-12-31'],
    ['FREQ=MONTHLY;BYDAY=+2TU;COUNT=3', '', 'COUNT=3 has used up its meetings, the last on 2000-03-14'],
    ['FREQ=YEARLY;INTERVAL=3;BYMONTH=3;BYDAY=+2TU', '  start: 2025-01-01\n', 'next meeting is on 2028-03-14'],
    ['FREQ=MONTHLY;BYDAY=+2TU', '  start: 2028-06-01\n', 'meetings.start is 2028-06-01'],
  ])('%s %s: explained', (rule, extra, fragment) => {
    const fault = scheduleFault(withRule(rule, extra), '2027-01-05');
    expect(fault).toContain('no meeting in the twelve months from 2027-01-05 to 2028-01-05');
    expect(fault).toContain(fragment);
  });

  it('a rule run out is fine while meetings.add holds a meeting within the year', () => {
    const s = withRule('FREQ=MONTHLY;BYDAY=+2TU;UNTIL=20251231', '  add: [2027-06-08]\n');
    expect(scheduleFault(s, '2027-01-05')).toBe(undefined);
    expect(lastMeetingWithinYear(s, '2027-01-05')).toBe('2027-06-08');
    expect(scheduleFault(dorset, '2027-01-05')).toBe(undefined);
  });
});

describe('one-off meetings on closed days, and stray meeting folders', () => {
  const s = settingsOf(
    dorsetText.replace(
      'add: []                        # one-off',
      'add: [2027-01-09, 2027-05-03, 2027-04-07, 2027-04-08]  #',
    ),
  );
  it('warns of a weekend, a bank holiday and a closure day, not of a working day', () => {
    const withClosure = { ...s, holidays: { ...s.holidays, add: ['2027-04-08'] } };
    const cal = workingCalendar(bankHolidays('england-and-wales'), ['2027-04-08']);
    expect(closedMeetingDays(withClosure, cal)).toEqual([
      { index: 0, date: '2027-01-09', why: 'a Saturday' },
      { index: 1, date: '2027-05-03', why: 'a bank holiday (england-and-wales)' },
      { index: 3, date: '2027-04-08', why: 'a closure day (holidays.add)' },
    ]);
  });

  it.each([
    ['2026-11-10', undefined],
    ['virtual', undefined],
    ['2027-01-09', undefined],
    ['2026-11-11', 'the nearest meetings are 2026-11-10 and 2027-01-09'],
    ['2026-12-08', 'nearest meetings are 2026-11-10 and 2027-01-09'],
    ['notes', 'not named by a meeting'],
    ['2026-9-8', 'rename it meetings/2026-09-08'],
    ['2026-11-1', '2026-11-01 is not a scheduled meeting either; the nearest are 2026-10-13 and 2026-11-10'],
    ['10-11-2026', 'rename it meetings/2026-11-10'],
    ['2026-08-11', 'nearest meetings are 2026-07-14 and 2026-09-08'],
  ])('meetings/%s', (name, fragment) => {
    const fault = meetingFolderFault(s, name);
    if (fragment === undefined) expect(fault).toBe(undefined);
    else expect(fault).toContain(fragment);
  });
});
