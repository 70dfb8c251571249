import { describe, expect, it } from 'vitest';
import { columnFor, cycleOf, dateOf, fromInertCell, inertCell, parseMapping, statusOf, typeOf } from './tracker.js';

describe('tracker columns', () => {
  it.each([
    ['Lead officer', 'owner'],
    ['  NEXT REVIEW DUE ', 'review.due'],
    ['Date approved', 'approval.approved_on'],
    ['Policy title', 'title'],
    ['Review date', 'review.due'],
    ['Ref', 'id'],
    ['Link to document', 'publication.intranet'],
    ['Comments', 'notes'],
  ])('"%s" is %s', (header, field) => {
    expect(columnFor(header)?.field).toBe(field);
  });

  it('knows no column for a header it has no name for', () => {
    expect(columnFor('Budget code')).toBeUndefined();
    expect(columnFor('')).toBeUndefined();
  });

  it('--map names a header and a field, and says what is wrong otherwise', () => {
    expect(parseMapping('Officer in charge=owner')).toMatchObject({ header: 'Officer in charge' });
    expect(parseMapping('Officer in charge')).toMatchObject({ error: expect.stringContaining('is not Column=field') });
    expect(parseMapping('X=colour')).toMatchObject({ error: expect.stringContaining('colour is not a field') });
  });
});

describe('cells', () => {
  it.each([
    ['2026-03-31', '2026-03-31'],
    ['31/03/2026', '2026-03-31'],
    ['1/2/2026', '2026-02-01'],
    ['01.02.2026', '2026-02-01'],
  ])('the date %s is %s', (text, iso) => {
    expect(dateOf(text)).toEqual({ date: iso });
  });

  it.each([
    ['31/02/2026', 'not a real date'],
    ['02/13/2026', 'never in the US order'],
    ['2026-02-30', 'not a real date'],
    ['March 2026', 'is not a date'],
  ])('the date %s is refused: %s', (text, why) => {
    expect(dateOf(text)).toMatchObject({ error: expect.stringContaining(why) });
  });

  it.each([
    ['3 years', '3 years'],
    ['Annually', '1 year'],
    ['Every 2 years', '2 years'],
    ['18 months', '18 months'],
    ['3', '3 years'],
    ['Triennial', '3 years'],
  ])('the cycle %s is %s', (text, cycle) => {
    expect(cycleOf(text)).toBe(cycle);
  });

  it('types and statuses by their common names', () => {
    expect(typeOf('Guidance')).toBe('guideline');
    expect(typeOf('Terms of Reference')).toBe('terms-of-reference');
    expect(typeOf('Leaflet')).toBeUndefined();
    expect(statusOf('Current')).toBe('approved');
    expect(statusOf('Under review')).toBe('under-review');
    expect(statusOf('Maybe')).toBeUndefined();
  });

  it('a text that a spreadsheet would run as a formula is written inert, and read back as it was', () => {
    for (const text of ['=HYPERLINK("http://x")', '+44 1305', '-1', '@SUM(A1)', 'plain'])
      expect(fromInertCell(inertCell(text))).toBe(text);
    expect(inertCell('=1+1')).toBe("'=1+1");
    expect(inertCell('plain')).toBe('plain');
  });
});
