import { describe, expect, it } from 'vitest';
import { absencesToEscalate, parseAttendance, quorum } from './attendance.js';
import type { Member } from './members.js';
import { parseSettings } from './ppp-yaml.js';

const m = (id: string, role: string): [string, Member] => [id, { id, name: id, role, voting: true }];
const members = new Map([
  m('chair', 'chair'),
  m('h1', 'head-of-service'),
  m('h2', 'head-of-service'),
  m('q1', 'qa-manager'),
  m('q2', 'qa-manager'),
  m('send', 'service-lead'),
  m('law', 'solicitor'),
]);
const parsed = parseSettings(
  'group: G\nid_prefix: CS\nroles: [chair, head-of-service, qa-manager, ' +
    'service-lead, solicitor]\nquorum:\n  - { role: head-of-service, min: 2 }\n  - { ' +
    'role: qa-manager, min: 2 }\nabsence_exempt_roles: [head-of-service, qa-manager]\n',
);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.faults));
const settings = parsed.settings;

const att = (text: string) => {
  const r = parseAttendance('meetings/x/attendance.yaml', text, members);
  if (!r.attendance) throw new Error(JSON.stringify(r.problems));
  return r.attendance;
};

describe('parseAttendance', () => {
  it('reads present, apologies with and without a delegate, and absent', () => {
    expect(
      att(
        'present: [chair, h1]\napologies:\n  - member: send\n    delegate: Jamie ' +
          'Deputy\n  - { member: law, delegate: null }\n  - q1\nabsent: [q2]\n',
      ),
    ).toEqual({
      present: ['chair', 'h1'],
      apologies: [
        { member: 'send', delegate: 'Jamie Deputy' },
        { member: 'law', delegate: null },
        { member: 'q1', delegate: null },
      ],
      absent: ['q2'],
    });
  });

  it.each([
    ['present: [chair, nobody]\n', 'attendance/unknown-member', 1, 'who is not a member'],
    ['present: [chair]\nabsent: [chair]\n', 'attendance/duplicate', 2, 'recorded twice'],
    ['present: chair\n', 'attendance/invalid', 1, 'must be a list'],
    ['here: [chair]\n', 'attendance/invalid', 1, 'not part of attendance'],
    ['present: [chair\n', 'attendance/invalid', 2, 'not valid YAML'],
    ['apologies:\n  - { member: send, delegate: 3 }\n', 'attendance/invalid', 2, 'delegate must be a name'],
  ])('reports %j', (text, rule, line, fragment) => {
    const p = parseAttendance('meetings/x/attendance.yaml', text, members).problems.find((x) => x.rule === rule);
    expect(p).toMatchObject({ line, file: 'meetings/x/attendance.yaml' });
    expect(p!.message).toContain(fragment);
  });
});

describe('quorum', () => {
  it('needs two heads of service and two QA managers present', () => {
    expect(quorum(att('present: [h1, h2, q1, q2]\n'), members, settings)).toEqual({ quorate: true, short: [] });
    expect(
      quorum(att('present: [h1, h2, q1]\napologies: [{ member: q2, delegate: Someone }]\n'), members, settings),
    ).toEqual({ quorate: false, short: ['qa-manager: 1 of 2'] });
  });
});

describe('absences to escalate', () => {
  const history = (...days: string[]) => days.map((text, i) => ({ date: `2026-0${i + 1}-10`, attendance: att(text) }));
  it('two successive meetings without a delegate, up to the latest', () => {
    const h = history('present: [send]\n', 'absent: [send]\n', 'apologies: [send]\n');
    expect(absencesToEscalate(h, members, settings)).toEqual([
      { member: 'send', meetings: ['2026-02-10', '2026-03-10'] },
    ]);
  });
  it('a delegate breaks the run', () => {
    expect(
      absencesToEscalate(
        history('absent: [send]\n', 'apologies: [{ member: send, delegate: D }]\n', 'absent: [send]\n'),
        members,
        settings,
      ),
    ).toEqual([]);
  });
  it('heads of service and QA managers are exempt', () => {
    expect(absencesToEscalate(history('absent: [h1, q1]\n', 'absent: [h1, q1]\n'), members, settings)).toEqual([]);
  });
  it('one missed meeting is not enough; attending the latest ends it', () => {
    expect(
      absencesToEscalate(history('absent: [law]\n', 'absent: [law]\n', 'present: [law]\n'), members, settings),
    ).toEqual([]);
  });
});
