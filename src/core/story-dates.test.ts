import { describe, expect, it } from 'vitest';
import { dateMapThrough, redateFile, redateText, SAMPLE_NOW, storyAnchors } from './story-dates.js';

describe('dateMapThrough', () => {
  const map = dateMapThrough([
    { from: '2026-10-13', to: '2027-05-11' },
    { from: '2026-11-10', to: '2027-06-08' },
    { from: '2027-01-12', to: '2027-07-13' },
  ]);
  it.each([
    ['an anchor', '2026-11-10', '2027-06-08'],
    ['in proportion between two', '2026-10-27', '2027-05-25'],
    ['a 63-day gap onto a 35-day one', '2026-12-12', '2027-06-25'],
    ['a plain shift before the first', '2026-10-01', '2027-04-29'],
    ['a plain shift after the last', '2029-01-12', '2029-07-13'],
  ])('%s: %s becomes %s', (_what, from, to) => expect(map(from)).toBe(to));

  it('keeps the order of every day across the anchors', () => {
    let previous = map('2026-09-01');
    for (let d = new Date('2026-09-02'); d < new Date('2027-03-01'); d.setUTCDate(d.getUTCDate() + 1)) {
      const next = map(d.toISOString().slice(0, 10));
      expect(next >= previous).toBe(true);
      previous = next;
    }
  });

  it('is the identity with no anchors', () => expect(dateMapThrough([])('2026-11-10')).toBe('2026-11-10'));
});

describe('storyAnchors', () => {
  it('pairs meetings by their place around the last one, and the story end with SAMPLE_NOW', () => {
    const anchors = storyAnchors({
      sampleMeetings: ['2026-10-13', '2026-11-10', '2027-01-12'],
      realMeetings: ['2027-04-13', '2027-05-11', '2027-06-08', '2027-07-13'],
      storyEnd: '2027-06-14',
    });
    expect(anchors).toEqual([
      { from: '2026-10-13', to: '2027-05-11' },
      { from: '2026-11-10', to: '2027-06-08' },
      { from: '2027-01-12', to: '2027-07-13' },
      { from: SAMPLE_NOW, to: '2027-06-14' },
    ]);
  });
});

describe('redateText and redateFile', () => {
  const map = dateMapThrough([{ from: '2026-11-10', to: '2027-06-08' }]);
  const meetings = ['2026-11-10'];

  it('moves ISO dates, dates written out (with their weekday) and the month of action ids', () => {
    expect(redateText('meetings/2026-11-10/minutes.md', map, meetings)).toBe('meetings/2027-06-08/minutes.md');
    expect(redateText('minutes of Tuesday 10 November 2026, received 3 November 2026', map, meetings)).toBe(
      'minutes of Tuesday 8 June 2027, received 1 June 2027',
    );
    expect(redateText('- id: A-2026-11-03\n  raised: 2026-11-10', map, meetings)).toBe(
      '- id: A-2027-06-03\n  raised: 2027-06-08',
    );
  });

  it('leaves what only looks like a date alone', () => {
    const text = 'Kinship Care Strategy 2027-2030; CS-PRO-0010; 2026-13-45; version 2026.11';
    expect(redateText(text, map, meetings)).toBe(text);
  });

  it('keeps a review due one cycle after its approval', () => {
    const doc = (approved: string, due: string) =>
      `---\nid: CS-PRO-0001\napproval: { route: ppp, approved_on: ${approved} }\n` +
      `review: { cycle: 1 year, due: ${due} }\n---\n`;
    // 2026-02-28 + 1 year is 2027-02-28; moved by 100 days each, the two would be 2026-06-08 and 2027-06-08.
    const shift = dateMapThrough([{ from: '2026-02-28', to: '2026-06-08' }]);
    expect(redateFile('documents/p.md', doc('2026-02-28', '2027-02-28'), shift, [])).toBe(
      doc('2026-06-08', '2027-06-08'),
    );
    const uneven = dateMapThrough([
      { from: '2026-01-31', to: '2026-01-31' },
      { from: '2027-06-30', to: '2027-07-20' },
    ]);
    const moved = redateFile('documents/p.md', doc('2026-03-01', '2027-03-01'), uneven, []);
    expect(moved).toMatch(/approved_on: (\d{4})-(\d{2}-\d{2}) \}\nreview: \{ cycle: 1 year, due: (\d{4})-\2 \}/);
  });
});
