import { describe, expect, it } from 'vitest';
import type { Member } from './members.js';
import { checkResponses } from './responses.js';

const members: Member[] = [
  { id: 'chair', name: 'A', role: 'chair', voting: true },
  { id: 'kent', name: 'B', role: 'member', voting: true },
  { id: 'observer', name: 'C', role: 'member', voting: false },
];

describe('checkResponses', () => {
  it('approves when every voting member responded, and dates sign-off by the last response', () => {
    const r = checkResponses(
      'r.yaml',
      'document: KM-PRO-0001\nresponses:\n  - { member: chair, on: 2027-02-03, ' +
        'response: approve }\n  - { member: kent, on: 2027-02-05, response: abstain }\n',
      'KM-PRO-0001',
      members,
    );
    expect(r).toEqual({ lastOn: '2027-02-05', refusals: [] });
  });

  it.each([
    [
      'a silent voting member',
      'document: X\nresponses:\n  - { member: chair, on: 2027-02-03, response: approve }\n',
      'none yet from kent',
    ],
    [
      'an objection',
      'document: X\nresponses:\n  - { member: chair, on: 2027-02-03, response: approve ' +
        '}\n  - { member: kent, on: 2027-02-03, response: object }\n',
      'kent objects',
    ],
    ['another document', 'document: Y\nresponses: []\n', 'not X'],
    [
      'an unknown member',
      'document: X\nresponses:\n  - { member: ghost, on: 2027-02-03, response: approve }\n',
      'ghost is not in members.yaml',
    ],
    [
      'an impossible date',
      'document: X\nresponses:\n  - { member: chair, on: 2027-02-30, response: approve }\n',
      'written YYYY-MM-DD',
    ],
    [
      'a duplicate response',
      'document: X\nresponses:\n  - { member: chair, on: 2027-02-03, response: approve ' +
        '}\n  - { member: chair, on: 2027-02-04, response: approve }\n',
      'responded twice',
    ],
    ['broken YAML', 'document: [X\n', 'not valid YAML'],
    ['an alias', 'a: &a { member: chair }\ndocument: X\nresponses: [*a]\n', 'aliases'],
    ['no list', 'document: X\n', 'no list of responses'],
  ])('refuses %s', (_name, text, message) => {
    expect(checkResponses('r.yaml', text, 'X', members).refusals.join('\n')).toContain(message);
  });
});
