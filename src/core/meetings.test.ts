import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankHolidays } from './bank-holidays.js';
import { addDays, weekday } from './calendar.js';
import { meetingOn, meetings, nextMeeting, ruleFault } from './meetings.js';
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

it.each([
  ['FREQ=MONTHLY;BYDAY=+2TUE', 'Invalid weekday'],
  ['FREQ=MONTHLY;BYMONTH=13', 'no meeting'],
  ['every second tuesday', 'Unknown RRULE property'],
])('refuses the rule %s', (rule, fragment) => expect(ruleFault(rule)).toContain(fragment));
