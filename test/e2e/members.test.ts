/** ppp members, attendance in ppp validate and quorum in ppp meetings. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { run } from '../helpers/run.js';
import { ROOT, cleanup, makeRegister, validSet } from '../helpers/register.js';

afterAll(cleanup);

it('ppp members lists members.yaml as a table or JSON', async () => {
  const root = makeRegister(validSet());
  const table = await run(['members'], { cwd: root });
  expect(table.code).toBe(0);
  expect(table.stdout).toContain('13 members');
  const json = JSON.parse((await run(['members', '--json'], { cwd: root })).stdout);
  expect(json[0]).toMatchObject({ id: 'chair', role: 'chair', voting: true });
});

it('ppp validate checks attendance files and names their lines', async () => {
  const root = makeRegister(validSet());
  mkdirSync(join(root, 'meetings/2027-01-12'), { recursive: true });
  writeFileSync(
    join(root, 'meetings/2027-01-12/attendance.yaml'),
    'present: [chair, hqa, nobody]\napologies:\n  - { member: hqa, delegate: null }\n',
  );
  const r = await run(['validate', '--format', 'json'], { cwd: root });
  expect(r.code).toBe(1);
  const problems = JSON.parse(r.stdout).problems.filter(
    (p: { file: string }) => p.file === 'meetings/2027-01-12/attendance.yaml',
  );
  expect(problems.map((p: { rule: string; line: number }) => [p.rule, p.line])).toEqual([
    ['attendance/unknown-member', 1],
    ['attendance/duplicate', 3],
  ]);
  expect(JSON.parse((await run(['validate', 'meetings', '--format', 'json'], { cwd: root })).stdout).errors).toBe(2);
  expect(JSON.parse((await run(['validate', 'documents', '--format', 'json'], { cwd: root })).stdout).errors).toBe(0);
});

it('ppp meetings says whether each past meeting was quorate', async () => {
  const rows = JSON.parse(
    (await run(['meetings', '--json', '--from', '2026-09-01', '--count', '4', '-C', join(ROOT, 'register')])).stdout,
  );
  expect(rows.map((r: { date: string; quorate: boolean | null }) => [r.date, r.quorate])).toEqual([
    ['2026-09-08', true],
    ['2026-10-13', false],
    ['2026-11-10', true],
    ['2027-01-12', null],
  ]);
});
