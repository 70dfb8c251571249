import { expect, it } from 'vitest';
import { icsSequence } from './meetings.js';

it('SEQUENCE rises with the instant a file is made and stays within RFC 5545 integers until 2088', () => {
  const times = ['2020-01-01T00:00:00Z', '2026-11-25T12:00:00Z', '2026-11-25T12:00:01Z', '2088-01-01T00:00:00Z'];
  const sequences = times.map((t) => icsSequence(Date.parse(t)));
  expect(sequences[0]).toBe(0);
  expect([...sequences].sort((a, b) => a - b)).toEqual(sequences);
  expect(new Set(sequences).size).toBe(sequences.length);
  expect(sequences.at(-1)).toBeLessThan(2 ** 31);
});
