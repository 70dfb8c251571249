/** Findings of the review of the meeting cycle, each with the input that showed it. */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { run as runNow, type RunOptions } from '../helpers/run.js';

/**
 * The sample's story is told for January 2027: these tests record attendance and actions of its meetings, so their
 * clock is injected on 20 January 2027 (a record is never dated after the clock's date).
 */
const run = (args: string[], options: RunOptions = {}) =>
  runNow(args, { now: () => Date.UTC(2027, 0, 20, 12), ...options });
import { PRESET, ROOT, cleanup, makeRegister, tempDir, validSet } from '../helpers/register.js';

afterAll(cleanup);

const FRM = 'documents/forms/CS-FRM-0001-return.md';
const submittable = () => {
  const set = validSet();
  set[FRM] = set[FRM]!.replace('status: drafting', 'summary: S.\nstatus: drafting');
  return set;
};
function sample() {
  const dir = join(tempDir(), 'register');
  cpSync(join(ROOT, 'register'), dir, { recursive: true });
  return dir;
}

it('submit finds the next open deadline however many meetings ahead it is', async () => {
  const weekly = PRESET.replace(/rule: ".*"/, 'rule: "FREQ=WEEKLY;BYDAY=TU"').replace(
    'submission_deadline: 10 working days',
    'submission_deadline: 20 working days',
  );
  const r = await run(['submit', 'CS-FRM-0001', '--today', '2027-01-05'], { cwd: makeRegister(submittable(), weekly) });
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('for the meeting of 2027-02-02');
});

it('submit refuses a meeting that has already taken place, even with --late', async () => {
  const r = await run(['submit', 'CS-FRM-0001', '--meeting', '2026-11-10', '--late', '--today', '2027-01-05'], {
    cwd: makeRegister(submittable()),
  });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('has already taken place');
});

it('submit keeps a byte order mark, and fills an empty field that has a comment', async () => {
  const set = submittable();
  set[FRM] = '\ufeff' + set[FRM]!.replace('owner: qa-1', 'owner: qa-1\nsubmission: # none yet');
  const root = makeRegister(set);
  // An empty submission is itself a schema problem, so the edit must replace it for the file to validate.
  const r = await run(['submit', 'CS-FRM-0001', '--today', '2027-01-05'], { cwd: root });
  expect(r.code, r.stderr).toBe(0);
  const text = readFileSync(join(root, FRM), 'utf8');
  expect(text.startsWith('\ufeff---\n')).toBe(true);
  expect(text).toContain('submission: { kind: draft, on: 2027-01-05, meeting: 2027-02-09 } # none yet\n');
});

it('agenda refuses to state facts from a broken attendance or actions file', async () => {
  const dir = sample();
  writeFileSync(join(dir, 'meetings/2026-11-10/attendance.yaml'), 'present: [chair, ghost]\n');
  const r = await run(['agenda', '--today', '2027-01-05'], { cwd: dir });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('meetings/2026-11-10/attendance.yaml:1:');
  const dir2 = sample();
  writeFileSync(join(dir2, 'actions.yaml'), '- id: A-1\n');
  expect((await run(['agenda', '--today', '2027-01-05'], { cwd: dir2 })).code).toBe(1);
});

it('the last meeting is the last one held, recorded or not; an unrecorded one ends a run of absences', async () => {
  const feb = JSON.parse(
    (await run(['agenda', '--json', '--meeting', '2027-02-09', '-C', join(ROOT, 'register'), '--today', '2027-02-01']))
      .stdout,
  );
  expect(feb.progress.last_meeting).toEqual({ date: '2027-01-12', quorate: null });
  expect(feb.progress.absences).toEqual([]);
});

it('--ics and --out refuse a folder, and folders that do not exist, with exit 2', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'a-folder'));
  const reg = join(ROOT, 'register');
  expect(await run(['meetings', '--ics', join(dir, 'a-folder'), '-C', reg])).toMatchObject({
    code: 2,
    stderr: expect.stringContaining('is a folder'),
  });
  expect(await run(['meetings', '--ics', join(dir, 'no/such/x.ics'), '-C', reg])).toMatchObject({
    code: 2,
    stderr: expect.stringContaining('is not a folder'),
  });
  expect((await run(['agenda', '--out', join(dir, 'a-folder'), '-C', reg, '--today', '2027-01-05'])).code).toBe(2);
});

it('action add and done keep a CRLF file CRLF, and refuse a done date before the meeting', async () => {
  const dir = sample();
  const path = join(dir, 'actions.yaml');
  writeFileSync(path, readFileSync(path, 'utf8').replace(/\n/g, '\r\n'));
  expect((await run(['action', 'done', 'A-2026-11-01', '--on', '2027-01-04'], { cwd: dir })).code).toBe(0);
  expect(
    (await run(['action', 'add', 'X', '--owner', 'hqa', '--due', '2027-02-01', '--today', '2027-01-05'], { cwd: dir }))
      .code,
  ).toBe(0);
  expect(readFileSync(path, 'utf8')).not.toMatch(/[^\r]\n/);
  expect((await run(['action', 'done', 'A-2026-11-02', '--on', '2020-01-01'], { cwd: dir })).code).toBe(2);
});

it('attendance takes a delegate name with commas in it', async () => {
  const dir = sample();
  const everyone = [
    'chair,hqa,psw,hos-north,hos-south,hos-west,hos-cic,qa1,qa2,qa3,tm-wfd,commissioning',
    'svc-lead-chad,svc-lead-cwad,svc-lead-eh,svc-lead-send,svc-lead-fostering,svc-lead-permanence',
    'vs-manager,mosaic-lead,ops-manager',
  ].join(',');
  const r = await run(
    [
      'attendance',
      '2027-01-12',
      '--present',
      everyone,
      '--apologies',
      "solicitor=Ruth Adeyemi (Solicitor, Children's Legal Team)",
    ],
    { cwd: dir },
  );
  expect(r.code, r.stderr).toBe(0);
  expect(readFileSync(join(dir, 'meetings/2027-01-12/attendance.yaml'), 'utf8')).toContain(
    "delegate: Ruth Adeyemi (Solicitor, Children's Legal Team)",
  );
});

it('submit names a broken document instead of saying it is not in the register', async () => {
  const set = submittable();
  set[FRM] = set[FRM]!.replace('title: Return home interview', 'title: [broken');
  const r = await run(['submit', 'CS-FRM-0001'], { cwd: makeRegister(set) });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`${FRM} cannot be read`);
});
