/** ppp meetings --ics: a calendar file that updates cleanly when it is imported again. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { PRESET, cleanup, makeRegister, tempDir } from '../helpers/register.js';
import { run } from '../helpers/run.js';

afterAll(cleanup);

interface Event {
  uid: string;
  summary: string;
  status: string;
  sequence: number;
  start: string;
  stamp: string;
}

/** Writes the calendar of a register and returns its METHOD and its events, read by a real parser (ical.js). */
async function calendar(root: string, args: string[], at: string): Promise<{ method: string; events: Event[] }> {
  const file = join(tempDir(), 'ppp.ics');
  const r = await run(['meetings', ...args, '--ics', file], { cwd: root, now: () => Date.parse(at) });
  expect(r.code, r.stderr).toBe(0);
  const text = readFileSync(file, 'utf8');
  const component = new ICAL.Component(ICAL.parse(text));
  const events = component.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      status: String(v.getFirstPropertyValue('status')),
      sequence: e.sequence,
      start: e.startDate.isDate ? e.startDate.toString() : e.startDate.toJSDate().toISOString(),
      stamp: (v.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(),
    };
  });
  return { method: String(component.getFirstPropertyValue('method')), events };
}

const byUid = (events: Event[]) => new Map(events.map((e) => [e.uid, e]));
const SPAN = ['--from', '2027-01-01', '--to', '2027-03-31'];

describe('ppp meetings --ics', () => {
  it('gives each event a UID from the group and the event, never from when the file was made', async () => {
    const root = makeRegister();
    const first = await calendar(root, SPAN, '2026-12-01T09:00:00Z');
    const later = await calendar(root, SPAN, '2026-12-20T17:30:00Z');
    expect(first.method).toBe('PUBLISH');
    expect(first.events.map((e) => e.uid).sort()).toEqual(later.events.map((e) => e.uid).sort());
    expect(first.events.map((e) => e.uid)).toContain('2027-01-12-meeting@ppp.ppp.invalid');
    expect(first.events.map((e) => e.uid)).toContain('2027-01-12-submission-deadline@ppp.ppp.invalid');
    expect(new Set(first.events.map((e) => e.uid)).size).toBe(first.events.length);
    expect(first.events.every((e) => e.status === 'CONFIRMED')).toBe(true);
    // DTSTAMP is when the file was made, by the injected clock; SEQUENCE rises with it.
    expect(first.events[0]!.stamp).toBe('2026-12-01T09:00:00.000Z');
    const seq = (f: { events: Event[] }) => f.events[0]!.sequence;
    expect(seq(later)).toBeGreaterThan(seq(first));
    expect(seq(later)).toBeLessThan(2 ** 31);
    // A meeting in another group's register has another UID.
    const other = makeRegister({}, PRESET.replace('short_name: PPP', 'short_name: MSCP Policy'));
    const theirs = await calendar(other, SPAN, '2026-12-01T09:00:00Z');
    expect(theirs.events.map((e) => e.uid)).toContain('2027-01-12-meeting@mscp-policy.ppp.invalid');
  });

  it('writes a cancelled meeting and its deadlines under their UIDs, STATUS:CANCELLED, SEQUENCE higher', async () => {
    const before = await calendar(makeRegister(), SPAN, '2026-12-01T09:00:00Z');
    const cancelled = makeRegister({}, PRESET.replace('cancel: []', 'cancel: [2027-02-09]'));
    const after = await calendar(cancelled, SPAN, '2026-12-02T09:00:00Z');
    expect(after.method).toBe('PUBLISH');
    const was = byUid(before.events);
    const now = byUid(after.events);
    expect([...now.keys()].sort()).toEqual([...was.keys()].sort());
    for (const kind of ['meeting', 'submission-deadline', 'circulation-deadline']) {
      const uid = `2027-02-09-${kind}@ppp.ppp.invalid`;
      expect(now.get(uid), uid).toMatchObject({ status: 'CANCELLED', start: was.get(uid)!.start });
      expect(now.get(uid)!.summary).toMatch(/^Cancelled: /);
      expect(now.get(uid)!.sequence).toBeGreaterThan(was.get(uid)!.sequence);
    }
    expect(now.get('2027-03-09-meeting@ppp.ppp.invalid')!.status).toBe('CONFIRMED');
    // The table and JSON still list only the meetings that take place.
    const json = await run(['meetings', ...SPAN, '--json'], { cwd: cancelled });
    expect(JSON.parse(json.stdout).map((m: { date: string }) => m.date)).toEqual(['2027-01-12', '2027-03-09']);
  });

  it('leaves out a cancelled meeting beyond the meetings listed by --count', async () => {
    const root = makeRegister({}, PRESET.replace('cancel: []', 'cancel: [2027-02-09, 2027-06-08]'));
    const file = await calendar(root, ['--from', '2027-01-01', '--count', '2'], '2026-12-01T09:00:00Z');
    const meetings = file.events.filter((e) => e.uid.includes('-meeting@'));
    expect(meetings.map((e) => [e.uid.slice(0, 10), e.status])).toEqual([
      ['2027-01-12', 'CONFIRMED'],
      ['2027-03-09', 'CONFIRMED'],
      ['2027-02-09', 'CANCELLED'],
    ]);
  });

  it('moves a changed deadline and a changed meeting time under the same UID, with a higher SEQUENCE', async () => {
    const before = byUid((await calendar(makeRegister(), SPAN, '2026-12-01T09:00:00Z')).events);
    // A closure day on 2027-01-26 moves the February meeting's submission deadline back a working day.
    const changed = makeRegister(
      {},
      PRESET.replace(
        '  add: []                        # extra closure days',
        '  add: [2027-01-26] # closure days',
      ).replace('time: "10:00"', 'time: "14:30"'),
    );
    const after = byUid((await calendar(changed, SPAN, '2026-12-01T09:05:00Z')).events);
    const deadline = '2027-02-09-submission-deadline@ppp.ppp.invalid';
    expect(before.get(deadline)!.start).toBe('2027-01-26');
    expect(after.get(deadline)!.start).toBe('2027-01-25');
    expect(after.get(deadline)!.sequence).toBeGreaterThan(before.get(deadline)!.sequence);
    const meeting = '2027-02-09-meeting@ppp.ppp.invalid';
    expect(before.get(meeting)!.start).toBe('2027-02-09T10:00:00.000Z');
    expect(after.get(meeting)!.start).toBe('2027-02-09T14:30:00.000Z');
    expect(after.get(meeting)!.sequence).toBeGreaterThan(before.get(meeting)!.sequence);
  });

  it('shows control characters in the group name escaped', async () => {
    const root = makeRegister({}, PRESET.replace(/^group: .*$/m, 'group: "Practice\\e[2J\\u202e Group"'));
    const file = join(tempDir(), 'x.ics');
    expect((await run(['meetings', '--count', '1', '--ics', file], { cwd: root })).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    // eslint-disable-next-line no-control-regex
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e]/);
    expect(text).toContain('Practice\\\\u001b[2J\\\\u202e');
  });
});

describe('ppp meetings --from/--to', () => {
  it('lists up to ten years', async () => {
    const r = await run(['meetings', '--from', '2027-01-01', '--to', '2037-01-01', '--json'], { cwd: makeRegister() });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).length).toBe(100);
  });

  it('refuses a span of more than ten years with exit 2, saying why', async () => {
    const r = await run(['meetings', '--from', '2027-01-01', '--to', '2037-01-02', '--ics', join(tempDir(), 'x.ics')], {
      cwd: makeRegister(),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('more than 10 years');
    expect(r.stderr).toContain('--to 2037-01-01 at the latest');
    const typo = await run(['meetings', '--to', '2207-01-01', '--today', '2027-01-05'], { cwd: makeRegister() });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('--from 2027-01-05 --to 2207-01-01 spans more than 10 years');
  });
});
