import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  dateInZone,
  daysBetween,
  explainBadDate,
  isIsoDate,
  weekday,
  zonedInstant,
} from './calendar.js';

describe('isIsoDate', () => {
  it.each([
    ['2027-01-12', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['2023-04-31', false],
    ['2023-13-01', false],
    ['2023-00-10', false],
    ['2023-1-5', false],
    ['2023-01-05T00:00:00Z', false],
    [' 2023-01-05', false],
    [20230105, false],
    [null, false],
  ])('%s is %s', (value, expected) => expect(isIsoDate(value)).toBe(expected));

  it('explains why a date does not exist', () => {
    expect(explainBadDate('2023-02-30')).toContain('February 2023 has 28 days');
    expect(explainBadDate('2023-02-3')).toContain('not written YYYY-MM-DD');
    expect(explainBadDate('2024-02-29')).toBeNull();
  });
});

describe('arithmetic', () => {
  it.each([
    ['2026-12-31', 2, '2027-02-28'],
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2027-03-31', -1, '2027-02-28'],
    ['2027-01-15', 12, '2028-01-15'],
    ['2027-11-30', 3, '2028-02-29'],
  ])('%s + %i months = %s', (date, n, expected) => expect(addMonths(date, n)).toBe(expected));

  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2025-01-14', 3, '2028-01-14'],
  ])('%s + %i years = %s', (date, n, expected) => expect(addYears(date, n)).toBe(expected));

  it('adds days across months, years and the clock change', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });

  it('counts and compares days', () => {
    expect(daysBetween('2027-01-01', '2027-01-05')).toBe(4);
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(weekday('2027-01-12')).toBe(2);
    expect(weekday('2027-01-10')).toBe(7);
  });

  it('takes today in the time zone, not UTC', () => {
    // 23:30 UTC on 30 June is already 1 July in London (BST).
    expect(dateInZone(Date.UTC(2027, 5, 30, 23, 30), 'Europe/London')).toBe('2027-07-01');
    expect(dateInZone(Date.UTC(2027, 0, 31, 23, 30), 'Europe/London')).toBe('2027-01-31');
  });
});

describe('day arithmetic agrees with the proleptic Gregorian calendar', () => {
  it('round-trips every day from 1900 to 2100 and matches Date.UTC', () => {
    let date = '1900-01-01';
    const start = Date.UTC(1900, 0, 1);
    for (let i = 0; i < 73_050; i++) {
      const expected = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
      expect(date).toBe(expected);
      expect(daysBetween('1900-01-01', date)).toBe(i);
      date = addDays(date, 1);
    }
  });
});

describe('zonedInstant', () => {
  it.each([
    ['2027-01-12', '10:00', '2027-01-12T10:00:00.000Z'],
    ['2027-06-08', '10:00', '2027-06-08T09:00:00.000Z'],
    ['2027-03-28', '12:00', '2027-03-28T11:00:00.000Z'],
    ['2027-10-31', '00:30', '2027-10-30T23:30:00.000Z'],
  ])('%s %s in London is %s', (date, time, expected) => {
    expect(new Date(zonedInstant(date, time, 'Europe/London')).toISOString()).toBe(expected);
  });
});
