import { describe, expect, it } from 'vitest';
import { parseMembers, requireMember } from './members.js';

const ROLES = ['chair', 'qa-manager', 'head-of-service'];

describe('parseMembers', () => {
  it('reads members, defaulting voting to true', () => {
    const r = parseMembers(
      'members:\n  - { id: chair, name: Ann Example, role: chair }\n  - id: qa-1\n    ' +
        'name: Bo\n    role: qa-manager\n    voting: false\n',
      ROLES,
    );
    expect(r.problems).toEqual([]);
    expect(r.members.map((m) => [m.id, m.voting])).toEqual([
      ['chair', true],
      ['qa-1', false],
    ]);
  });

  it.each([
    [
      'members:\n  - { id: a, name: A, role: chair }\n  - { id: a, name: B, role: chair }\n',
      'members/duplicate-id',
      3,
      'used twice (first on line 2)',
    ],
    ['members:\n  - { id: a, name: A, role: wizard }\n', 'members/unknown-role', 2, 'not one of the roles in ppp.yaml'],
    ['members:\n  - { id: A B, name: A, role: chair }\n', 'members/invalid', 2, 'lower-case letters'],
    ['members:\n  - { id: a, role: chair }\n', 'members/invalid', 2, 'has no name'],
    ['members:\n  - { id: a, name: A, role: chair, voting: yes }\n', 'members/invalid', 2, 'true or false'],
    [
      'members:\n  - { id: a, name: A, role: chair, phone: 1 }\n',
      'members/invalid',
      2,
      '"phone" is not a member field',
    ],
    ['members:\n  - just a name\n', 'members/invalid', 2, 'written as fields'],
    ['people: []\n', 'members/invalid', 1, 'must have a list "members:"'],
    ['members: [\n', 'members/invalid', 2, 'not valid YAML'],
    ['members:\n  - &m { id: a, name: A, role: chair }\n  - *m\n', 'members/invalid', 3, 'alias'],
    ['', 'members/invalid', 1, 'must have a list'],
  ])('reports %j', (text, rule, line, fragment) => {
    const r = parseMembers(text, ROLES);
    const p = r.problems.find((x) => x.rule === rule);
    expect(p, JSON.stringify(r.problems)).toBeDefined();
    expect(p!.line).toBe(line);
    expect(p!.file).toBe('members.yaml');
    expect(p!.message).toContain(fragment);
  });
});

describe('requireMember', () => {
  const members = [{ id: 'chair' }, { id: 'hqa' }];
  it('returns a member id, or one the filtered data names', () => {
    expect(requireMember('--owner', 'hqa', members)).toBe('hqa');
    expect(requireMember('--owner', 'left', members, ['left'])).toBe('left');
  });

  it.each([
    ['nobody', members, '--owner nobody is not a member in members.yaml; use one of: chair, hqa'],
    ['chair', [], 'use one of: (members.yaml lists nobody yet)'],
  ])('refuses %s with the members listed', (id, list, message) => {
    expect(() => requireMember('--owner', id, list)).toThrow(message);
  });
});
