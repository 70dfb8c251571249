/** ppp attendance and ppp minutes on a copy of the sample register. */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { run as runNow, type RunOptions } from '../helpers/run.js';

/**
 * The sample's story is told for January 2027: these tests record attendance and actions of its meetings, so their
 * clock is injected on 20 January 2027 (a record is never dated after the clock's date).
 */
const run = (args: string[], options: RunOptions = {}) =>
  runNow(args, { now: () => Date.UTC(2027, 0, 20, 12), ...options });
import { ROOT, cleanup, tempDir } from '../helpers/register.js';

afterAll(cleanup);

function sample() {
  const dir = join(tempDir(), 'register');
  cpSync(join(ROOT, 'register'), dir, { recursive: true });
  return dir;
}

const EVERYONE_ELSE =
  'hos-cic,qa3,tm-wfd,commissioning,svc-lead-chad,svc-lead-cwad,svc-lead-eh,svc-lead-fostering,' +
  'svc-lead-permanence,vs-manager,mosaic-lead,ops-manager';

it('ppp attendance writes the SPEC file, says whether the meeting was quorate, and is validated', async () => {
  const dir = sample();
  const r = await run(
    [
      'attendance',
      '2027-01-12',
      '--present',
      `chair,hqa,psw,hos-north,hos-south,qa1,qa2,${EVERYONE_ELSE}`,
      '--apologies',
      'svc-lead-send=Jamie Deputy,hos-west',
      '--absent',
      'solicitor',
    ],
    { cwd: dir },
  );
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('Quorate.');
  const text = readFileSync(join(dir, 'meetings/2027-01-12/attendance.yaml'), 'utf8');
  expect(text).toContain(
    'apologies:\n  - member: svc-lead-send\n    delegate: Jamie Deputy\n  - member: hos-west\n    delegate: null\n',
  );
  expect((await run(['validate', '--strict'], { cwd: dir })).code).toBe(0);
  const rows = JSON.parse(
    (await run(['meetings', '--json', '--from', '2027-01-12', '--count', '1'], { cwd: dir })).stdout,
  );
  expect(rows[0].quorate).toBe(true);
  expect(
    await run(
      [
        'attendance',
        '2027-01-12',
        '--present',
        `chair,hqa,psw,hos-north,hos-south,qa1,qa2,${EVERYONE_ELSE},svc-lead-send,hos-west,solicitor`,
      ],
      { cwd: dir },
    ),
  ).toMatchObject({ code: 1, stderr: expect.stringContaining('--replace') });
});

it('ppp attendance refuses unknown, repeated and missing members, and dates that are not meetings', async () => {
  const dir = sample();
  expect(await run(['attendance', '2027-01-12', '--present', 'ghost'], { cwd: dir })).toMatchObject({
    code: 2,
    stderr: expect.stringContaining('--present ghost is not a member in members.yaml; use one of: '),
  });
  expect(
    await run(['attendance', '2027-01-12', '--present', 'chair', '--absent', 'chair'], { cwd: dir }),
  ).toMatchObject({ code: 2, stderr: expect.stringContaining('recorded twice: chair') });
  expect(await run(['attendance', '2027-01-12', '--present', 'chair'], { cwd: dir })).toMatchObject({
    code: 2,
    stderr: expect.stringContaining('not recorded: hqa'),
  });
  expect(await run(['attendance', '2027-01-13', '--present', 'chair'], { cwd: dir })).toMatchObject({
    code: 2,
    stderr: expect.stringContaining('not a scheduled meeting'),
  });
});

it('ppp minutes writes the minutes from the agenda, attendance and actions, and never overwrites them', async () => {
  const dir = sample();
  await run(
    [
      'action',
      'add',
      'Publish the approved pre-birth procedure',
      '--owner',
      'hos-south',
      '--due',
      '2027-02-01',
      '--meeting',
      '2027-01-12',
    ],
    { cwd: dir },
  );
  const r = await run(['minutes', '2026-11-10', '--today', '2026-11-10'], { cwd: dir });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('never overwrites');
  // The clock is moved to the evening of the meeting: minutes are never written before it has met.
  const ok = await run(['minutes', '2027-01-12', '--today', '2027-01-12'], {
    cwd: dir,
    now: () => Date.UTC(2027, 0, 12, 18),
  });
  expect(ok.code, ok.stderr).toBe(0);
  const md = readFileSync(join(dir, 'meetings/2027-01-12/minutes.md'), 'utf8');
  expect(md).toContain('# Practice, Policy and Procedures Group: minutes of Tuesday 12 January 2027');
  expect(md).toContain('### CS-PRO-0003 Case file audit (procedure, version 2.0)');
  expect(md.match(/Decision: approved \/ approved with changes \/ deferred \/ not approved/g)!.length).toBe(7);
  expect(md).toContain('- A-2027-01-01: Publish the approved pre-birth procedure.');
  const order = [
    '## Attendance',
    '## 1. Progress report',
    '## 2. New document',
    '## 3. Reviews',
    '## 4. Horizon',
    '## For information',
    '## Actions raised',
  ].map((h) => md.indexOf(h));
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect((await run(['minutes', '2027-01-12'], { cwd: dir })).code).toBe(1);
});
