/** ppp meetings and ppp due, run as a user would, with a fixed --today. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../helpers/run.js';
import { ROOT, cleanup, makeRegister, tempDir, validSet } from '../helpers/register.js';

afterAll(cleanup);

const SAMPLE = join(ROOT, 'register');

describe('ppp meetings', () => {
  it('lists the next meetings from today with both deadlines (SPEC shape)', async () => {
    const r = await run(['meetings', '--json', '--count', '3', '-C', SAMPLE, '--today', '2027-01-05']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        date: '2027-01-12',
        submission_deadline: '2026-12-24',
        circulation_deadline: '2027-01-07',
        working_days_to_submission: null,
        quorate: null,
      },
      {
        date: '2027-02-09',
        submission_deadline: '2027-01-26',
        circulation_deadline: '2027-02-04',
        working_days_to_submission: 15,
        quorate: null,
      },
      {
        date: '2027-03-09',
        submission_deadline: '2027-02-23',
        circulation_deadline: '2027-03-04',
        working_days_to_submission: 35,
        quorate: null,
      },
    ]);
  });

  it('takes --from and --to, and PPP_TODAY as today', async () => {
    const r = await run(['meetings', '--json', '--from', '2026-03-01', '--to', '2026-04-30', '-C', SAMPLE]);
    expect(
      JSON.parse(r.stdout).map((m: { date: string; submission_deadline: string }) => [m.date, m.submission_deadline]),
    ).toEqual([
      ['2026-03-10', '2026-02-24'],
      ['2026-04-14', '2026-03-27'],
    ]);
    const env = await run(['meetings', '--json', '--count', '1', '-C', SAMPLE], { env: { PPP_TODAY: '2027-01-13' } });
    expect(JSON.parse(env.stdout)[0].date).toBe('2027-02-09');
  });

  it('refuses bad flags with exit 2', async () => {
    expect(await run(['meetings', '--from', '2027-02-30', '-C', SAMPLE])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--from'),
    });
    expect((await run(['meetings', '--count', '0', '-C', SAMPLE])).code).toBe(2);
    expect((await run(['meetings', '--count', '2', '--to', '2027-12-31', '-C', SAMPLE])).code).toBe(2);
    expect((await run(['meetings', '--from', '2027-05-01', '--to', '2027-01-01', '-C', SAMPLE])).code).toBe(2);
  });

  it('writes an iCalendar file that a real parser reads, with stable UIDs and London times', async () => {
    const dir = tempDir();
    const file = join(dir, 'ppp.ics');
    const r = await run(['meetings', '--count', '3', '--from', '2027-03-01', '--ics', file, '-C', SAMPLE]);
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(file, 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(9);
    const byUid = new Map(events.map((e) => [e.uid, e]));
    // 10:00 in London: GMT in March before the clock change, BST in April and May.
    expect(byUid.get('2027-03-09-meeting@ppp.ppp.invalid')!.startDate.toJSDate().toISOString()).toBe(
      '2027-03-09T10:00:00.000Z',
    );
    expect(byUid.get('2027-04-13-meeting@ppp.ppp.invalid')!.startDate.toJSDate().toISOString()).toBe(
      '2027-04-13T09:00:00.000Z',
    );
    expect(byUid.get('2027-04-13-meeting@ppp.ppp.invalid')!.duration.toSeconds()).toBe(7200);
    const submission = byUid.get('2027-04-13-submission-deadline@ppp.ppp.invalid')!;
    expect(submission.startDate.isDate).toBe(true);
    expect(submission.startDate.toString()).toBe('2027-03-30');
    expect(byUid.get('2027-04-13-circulation-deadline@ppp.ppp.invalid')!.startDate.toString()).toBe('2027-04-08');
    expect(events.every((e) => e.summary.length > 0)).toBe(true);
    // The same meetings written again have the same UIDs, so a calendar updates rather than duplicates.
    const again = join(dir, 'again.ics');
    await run(['meetings', '--count', '3', '--from', '2027-03-01', '--ics', again, '-C', SAMPLE]);
    const uids = (t: string) => [...t.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]).sort();
    expect(uids(readFileSync(again, 'utf8'))).toEqual(uids(text));
  });

  it('an all-day meeting when ppp.yaml gives no time', async () => {
    const root = makeRegister(
      {},
      readFileSync(join(ROOT, 'presets/dorset-ppp.yaml'), 'utf8').replace(/\n {2}time: .*\n {2}duration: .*\n/, '\n'),
    );
    const file = join(tempDir(), 'x.ics');
    expect((await run(['meetings', '--count', '1', '--from', '2027-01-01', '--ics', file], { cwd: root })).code).toBe(
      0,
    );
    const events = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')))
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    const meeting = events.find((e) => e.uid.includes('-meeting@'))!;
    expect(meeting.startDate.isDate).toBe(true);
    expect(meeting.startDate.toString()).toBe('2027-01-12');
  });
});

describe('ppp due', () => {
  it('shows every state on the sample register, sorted by due date (SPEC shape)', async () => {
    const r = await run(['due', '--json', '-C', SAMPLE, '--today', '2027-01-05']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout) as { review_due: string; state: string; days_past_due: number; status: string }[];
    expect(Object.keys(rows[0]!)).toEqual([
      'id',
      'title',
      'type',
      'owner',
      'status',
      'review_due',
      'state',
      'days_past_due',
    ]);
    expect(new Set(rows.map((x) => x.state))).toEqual(new Set(['ok', 'due-soon', 'overdue', 'escalate']));
    expect(rows.map((x) => x.review_due)).toEqual([...rows.map((x) => x.review_due)].sort());
    expect(rows.every((x) => !['superseded', 'archived', 'withdrawn'].includes(x.status))).toBe(true);
    for (const x of rows) expect(x.days_past_due > 0).toBe(x.state === 'overdue' || x.state === 'escalate');
  });

  it('filters by --within, --owner and --state', async () => {
    const set = validSet();
    const root = makeRegister(set);
    const all = JSON.parse((await run(['due', '--json', '--today', '2027-01-05'], { cwd: root })).stdout);
    expect(all.map((x: { id: string; state: string }) => [x.id, x.state])).toEqual([
      ['CS-PRO-0001', 'due-soon'],
      ['CS-POL-0001', 'ok'],
    ]);
    expect(
      JSON.parse((await run(['due', '--json', '--within', '3 months', '--today', '2027-01-05'], { cwd: root })).stdout),
    ).toHaveLength(1);
    expect(
      JSON.parse((await run(['due', '--json', '--owner', 'hqa', '--today', '2027-01-05'], { cwd: root })).stdout),
    ).toHaveLength(1);
    expect(
      JSON.parse((await run(['due', '--json', '--state', 'ok', '--today', '2027-01-05'], { cwd: root })).stdout)[0].id,
    ).toBe('CS-POL-0001');
    const later = JSON.parse((await run(['due', '--json', '--today', '2027-06-01'], { cwd: root })).stdout);
    expect(later[0]).toMatchObject({ id: 'CS-PRO-0001', state: 'escalate', days_past_due: 82 });
    expect(await run(['due', '--state', 'late'], { cwd: root })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('ok, due-soon, overdue, escalate'),
    });
    expect((await run(['due', '--within', 'soon'], { cwd: root })).code).toBe(2);
    expect((await run(['due', '--owner', 'nobody'], { cwd: root })).code).toBe(2);
  });

  it('a submitted review is overdue, not escalated', async () => {
    const set = validSet();
    set['documents/procedures/CS-PRO-0001-missing.md'] = set['documents/procedures/CS-PRO-0001-missing.md']!.replace(
      'status: approved',
      'status: submitted\nsubmission: { kind: review, on: 2027-05-01, meeting: 2027-06-08 }',
    );
    const rows = JSON.parse((await run(['due', '--json', '--today', '2027-06-01'], { cwd: makeRegister(set) })).stdout);
    expect(rows[0]).toMatchObject({ id: 'CS-PRO-0001', state: 'overdue' });
  });

  it('colours states only on a terminal or when forced', async () => {
    const root = makeRegister(validSet());
    expect((await run(['due', '--today', '2027-01-05'], { cwd: root })).stdout).not.toContain('\u001b[');
    expect((await run(['due', '--today', '2027-01-05'], { cwd: root, env: { FORCE_COLOR: '1' } })).stdout).toContain(
      '\u001b[',
    );
  });
});
