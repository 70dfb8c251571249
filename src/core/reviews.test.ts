import { describe, expect, it } from 'vitest';
import { parseDuration, type Duration } from './duration.js';
import { reviewState } from './reviews.js';

const d = (s: string): Duration => {
  const r = parseDuration(s);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const review = { due_soon: d('90 days'), escalate_after: d('2 months') };

describe('review states at every boundary (due 2027-03-31, due soon 90 days, escalate after 2 months)', () => {
  it.each([
    // due-soon starts when due is on or before today + 90 days: 2027-03-31 - 90 days = 2026-12-31.
    ['2026-12-30', 'ok', 0],
    ['2026-12-31', 'due-soon', 0],
    ['2027-01-01', 'due-soon', 0],
    // overdue the day after the due date.
    ['2027-03-30', 'due-soon', 0],
    ['2027-03-31', 'due-soon', 0],
    ['2027-04-01', 'overdue', 1],
    // 2027-03-31 + 2 months = 2027-05-31 (clamped from the 31st): escalate the day after.
    ['2027-05-30', 'overdue', 60],
    ['2027-05-31', 'overdue', 61],
    ['2027-06-01', 'escalate', 62],
  ])('on %s it is %s, %i days past due', (today, state, past) => {
    expect(reviewState('2027-03-31', today, review, false)).toEqual({ state, days_past_due: past });
  });

  it('a reviewed version submitted is overdue, not escalated', () => {
    expect(reviewState('2027-03-31', '2027-07-01', review, true).state).toBe('overdue');
  });

  it('month ends clamp: due 31 December escalates after 28 February', () => {
    expect(reviewState('2026-12-31', '2027-02-28', review, false).state).toBe('overdue');
    expect(reviewState('2026-12-31', '2027-03-01', review, false).state).toBe('escalate');
  });

  it('29 February + 2 months is 29 April', () => {
    expect(reviewState('2028-02-29', '2028-04-29', review, false).state).toBe('overdue');
    expect(reviewState('2028-02-29', '2028-04-30', review, false).state).toBe('escalate');
  });
});
