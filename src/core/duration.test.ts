import { describe, expect, it } from 'vitest';
import { addDuration, isLonger, parseDuration, parseMeetingLength, parsePeriod } from './duration.js';

describe('parseDuration', () => {
  it.each([
    ['10 working days', { months: 0, days: 0, workingDays: 10 }],
    ['1 working day', { months: 0, days: 0, workingDays: 1 }],
    ['3 years', { months: 36, days: 0, workingDays: 0 }],
    ['1 year', { months: 12, days: 0, workingDays: 0 }],
    ['2 months', { months: 2, days: 0, workingDays: 0 }],
    ['90 days', { months: 0, days: 90, workingDays: 0 }],
    ['1 week', { months: 0, days: 7, workingDays: 0 }],
    ['  3   Years ', { months: 36, days: 0, workingDays: 0 }],
    ['P3Y', { months: 36, days: 0, workingDays: 0 }],
    ['P2M', { months: 2, days: 0, workingDays: 0 }],
    ['P1Y6M', { months: 18, days: 0, workingDays: 0 }],
    ['P2W', { months: 0, days: 14, workingDays: 0 }],
    ['p10d', { months: 0, days: 10, workingDays: 0 }],
  ])('%s', (text, expected) => {
    const r = parseDuration(text);
    expect(r.ok).toBe(true);
    if (r.ok)
      expect({ months: r.value.months, days: r.value.days, workingDays: r.value.workingDays }).toEqual(expected);
  });

  it.each([
    ['three years', 'is not a duration'],
    ['3', 'is not a duration'],
    ['-3 years', 'is not a duration'],
    ['3.5 years', 'is not a duration'],
    ['P', 'is not a duration'],
    ['PT3H', 'is not a duration'],
    ['3 fortnights', 'is not a duration'],
    ['', 'is not a duration'],
    [3, 'the number 3'],
    [null, 'nothing'],
  ])('rejects %j with a message', (input, fragment) => {
    const r = parseDuration(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(fragment);
      expect(r.message).toContain('3 years');
    }
  });

  it('adds calendar durations with month clamping', () => {
    const d = (s: string) => {
      const r = parseDuration(s);
      if (!r.ok) throw new Error(r.message);
      return r.value;
    };
    expect(addDuration('2026-12-31', d('2 months'))).toBe('2027-02-28');
    expect(addDuration('2024-02-29', d('1 year'))).toBe('2025-02-28');
    expect(addDuration('2027-01-01', d('90 days'))).toBe('2027-04-01');
    expect(isLonger(d('37 months'), d('3 years'))).toBe(true);
    expect(isLonger(d('36 months'), d('P3Y'))).toBe(false);
    expect(() => addDuration('2027-01-01', d('10 working days'))).toThrow(/holiday calendar/);
  });

  it('parses meeting lengths', () => {
    expect(parseMeetingLength('2 hours')).toEqual({ ok: true, minutes: 120 });
    expect(parseMeetingLength('90 minutes')).toEqual({ ok: true, minutes: 90 });
    expect(parseMeetingLength('PT1H30M')).toEqual({ ok: true, minutes: 90 });
    expect(parseMeetingLength('all day').ok).toBe(false);
    expect(parseMeetingLength('0 minutes').ok).toBe(false);
  });
});

describe('parsePeriod (a period given on the command line)', () => {
  it.each(['1 day', '3 months', '10 working days', 'P1Y6M', '100 years', 'P1200M'])('takes %s', (text) => {
    expect(parsePeriod(text).ok).toBe(true);
  });

  it.each([
    ['0 days', 'no time at all'],
    ['0 working days', 'no time at all'],
    ['P0Y', 'no time at all'],
    ['P0Y0M0D', 'no time at all'],
    ['101 years', 'longer than 100 years'],
    ['9999 years', 'longer than 100 years'],
    ['P1201M', 'longer than 100 years'],
    ['-1 days', 'is not a duration'],
    ['', 'is not a duration'],
  ])('refuses %j', (text, message) => {
    const r = parsePeriod(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});
