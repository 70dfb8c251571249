/**
 * ppp import on real spreadsheets (CSV files and Excel workbooks written with exceljs): documents created and updated,
 * a re-import that changes nothing, every problem named by its cell with nothing written, --skip-invalid, --dry-run,
 * --map; and moving in end to end: import, commit, ppp adopt --all, ppp verify on a real signed git history.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/run.js';
import { allowSigners, commitAll, git, makeKey, useKey } from '../helpers/git.js';
import { cleanup, makeRegister, tempDir } from '../helpers/register.js';
import { afterAll } from 'vitest';

afterAll(cleanup);

const HEADER =
  'Ref,Policy title,Type,Lead officer,Sponsor,Scope,Parent policy,Approved by,Date approved,Review frequency,' +
  'Next review due,Status,Purpose,EqIA,Notes';
const ROWS = [
  'CSP/1,Values and principles,Policy,Head of QA and Partnerships (name to add),hqa,Service,,Cabinet,14/03/2024,' +
    '3 years,14/03/2027,Current,The values the service works by.,Completed 01/02/2024,"Kept on the intranet, page 3"',
  'CSP/2,Missing children procedure,Procedure,psw@example.org,,,CSP/1,PPP Group,2024-06-11,Annually,,Current,' +
    'What to do when a child goes missing.,Not required: a procedure under the policy,',
  'CS-FRM-0007,Supervision record,Form,psw,,,CSP/2,PPP Group,10/09/2024,3 years,10/09/2027,Current,' +
    'The record of each supervision.,Completed 01/09/2024,"=HYPERLINK(""x"")"',
];

function csv(rows: string[], header = HEADER): string {
  const file = join(tempDir(), 'tracker.csv');
  writeFileSync(file, `\uFEFFChildren's Services policy tracker,,\n${header}\n${rows.join('\n')}\n`);
  return file;
}

function documents(root: string): string[] {
  if (!existsSync(join(root, 'documents'))) return [];
  return readdirSync(join(root, 'documents'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => e.name)
    .sort();
}

describe('ppp import from a CSV tracker', () => {
  it('creates one valid document per row, keeps ppp ids and old refs, and a re-import changes nothing', async () => {
    const root = makeRegister();
    const file = csv([ROWS[0]!, '', ROWS[1]!, ',,,', ROWS[2]!]);
    const r = await run(['import', file, '--json'], { cwd: root });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      created: ['CS-POL-0001', 'CS-PRO-0001', 'CS-FRM-0007'],
      updated: [],
      unchanged: [],
      problems: [],
    });
    expect(documents(root)).toEqual([
      'CS-FRM-0007-supervision-record.md',
      'CS-POL-0001-values-and-principles.md',
      'CS-PRO-0001-missing-children-procedure.md',
    ]);
    const policy = readFileSync(join(root, 'documents/policies/CS-POL-0001-values-and-principles.md'), 'utf8');
    expect(policy).toContain('source_ref: CSP/1');
    expect(policy).toContain('owner: hqa');
    expect(policy).toMatch(/approval: \{ route: cabinet, approved_on: 2024-03-14, approved_by: Cabinet \}/);
    expect(policy).toContain('Imported on ');
    const form = readFileSync(join(root, 'documents/forms/CS-FRM-0007-supervision-record.md'), 'utf8');
    expect(form).toContain('governed_by: [CS-PRO-0001]');
    expect(form).toContain('notes: =HYPERLINK("x")');
    expect((await run(['validate'], { cwd: root })).code).toBe(0);
    const again = await run(['import', file, '--json'], { cwd: root });
    expect(JSON.parse(again.stdout)).toMatchObject({
      created: [],
      updated: [],
      unchanged: ['CS-POL-0001', 'CS-PRO-0001', 'CS-FRM-0007'],
    });
    // An updated tracker changes only what changed.
    const before = readFileSync(join(root, 'documents/procedures/CS-PRO-0001-missing-children-procedure.md'), 'utf8');
    const changed = csv([ROWS[0]!.replace('page 3', 'page 4'), ROWS[1]!, ROWS[2]!]);
    const update = await run(['import', changed], { cwd: root });
    expect(update.code, update.stdout).toBe(0);
    expect(update.stdout).toContain('~ CS-POL-0001 Values and principles (row 3): notes');
    expect(readFileSync(join(root, 'documents/policies/CS-POL-0001-values-and-principles.md'), 'utf8')).toContain(
      'notes: Kept on the intranet, page 4',
    );
    expect(readFileSync(join(root, 'documents/procedures/CS-PRO-0001-missing-children-procedure.md'), 'utf8')).toBe(
      before,
    );
  });

  it('names every problem by its cell and writes nothing; --skip-invalid writes the good rows', async () => {
    const root = makeRegister();
    const file = csv([
      ROWS[0]!,
      ROWS[1]!.replace('2024-06-11', '31/02/2026'),
      ROWS[2]!.replace('10/09/2024', '02/13/2026').replace('psw,', 'Head of QA and Partnership,'),
      ROWS[0]!.replace('Values and principles', 'Values again'),
    ]);
    const r = await run(['import', file], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('tracker!I4: 31/02/2026 is not a real date (day 31 of month 2)');
    expect(r.stdout).toContain('tracker!I5: 02/13/2026 has no month 13: dates are read day first (DD/MM/YYYY)');
    expect(r.stdout).toContain(
      'tracker!D5: names "Head of QA and Partnership", who is not in members.yaml (the closest is Head of QA and ' +
        'Partnerships (name to add))',
    );
    expect(r.stdout).toContain('tracker!A6: the ref CSP/1 is also on row 3');
    expect(r.stdout).toContain('Nothing was written');
    expect(documents(root)).toEqual([]);
    const dry = await run(['import', csv([ROWS[0]!]), '--dry-run'], { cwd: root });
    expect(dry.stdout).toContain('+ CS-POL-0001 Values and principles (row 3)');
    expect(documents(root)).toEqual([]);
    const skip = await run(['import', file, '--skip-invalid', '--json'], { cwd: root });
    expect(skip.code).toBe(0);
    expect(JSON.parse(skip.stdout).created).toEqual(['CS-POL-0001']);
    expect(documents(root)).toEqual(['CS-POL-0001-values-and-principles.md']);
  });

  it('a header row with no title column is named; --map names a column ppp does not know', async () => {
    const root = makeRegister();
    const odd = csv([ROWS[0]!], HEADER.replace('Policy title', 'Name of the thing'));
    const r = await run(['import', odd], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('tracker!1: no header row names a title column');
    const mapped = await run(['import', odd, '--map', 'Name of the thing=title', '--dry-run'], { cwd: root });
    expect(mapped.stdout).toContain('+ CS-POL-0001 Values and principles');
    expect((await run(['import', odd, '--map', 'Name of the thing=colour'], { cwd: root })).code).toBe(2);
  });
});

describe('ppp import from an Excel workbook', () => {
  async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Policy Review Tracker');
    fill(ws);
    const file = join(tempDir(), 'tracker.xlsx');
    await wb.xlsx.writeFile(file);
    return file;
  }

  it('reads date cells and merged title cells; refuses formulas, a missing sheet, a locked workbook', async () => {
    const root = makeRegister();
    const file = await workbook((ws) => {
      ws.addRow(["Children's Services Policy Review Tracker 2026"]);
      ws.mergeCells('A1:F1');
      ws.addRow(['Ref', 'Policy title', 'Type', 'Lead officer', 'Sponsor', 'Date approved', 'Next review due']);
      ws.addRow([
        'CSP/9',
        'Corporate parenting',
        'Policy',
        'hqa',
        'hqa',
        new Date(Date.UTC(2025, 0, 14)),
        new Date(Date.UTC(2028, 0, 14)),
      ]);
      ws.addRow(['CSP/10', { formula: 'A3&"x"', result: 'Other' }, 'Policy', 'hqa', 'hqa', '14/01/2025']);
    });
    const r = await run(['import', file, '--dry-run'], { cwd: root });
    expect(r.stdout).toContain('Policy Review Tracker!B4: holds a formula; ppp imports values');
    // The policy has no summary or assessment column: each is named with what to add.
    expect(r.stdout).toContain('Policy Review Tracker!B3: is in force but has no summary');
    expect(r.stdout).toContain('Policy Review Tracker!B3: is a first version in force, which needs its equality');
    const missing = await run(['import', file, '--sheet', 'Sheet9'], { cwd: root });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('has no sheet "Sheet9"; its sheets are "Policy Review Tracker"');
    const locked = join(tempDir(), 'locked.xlsx');
    writeFileSync(
      locked,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
    );
    const refused = await run(['import', locked], { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is password-protected');
    expect(documents(root)).toEqual([]);
  });

  it('moving in end to end: import, commit, ppp adopt --all, ppp verify', async () => {
    const root = makeRegister();
    const key = makeKey('chair');
    allowSigners(root, [{ principal: 'chair@example.org', publicKey: key.publicKey }]);
    commitAll(root);
    useKey(root, key);
    git(root, ['config', 'user.email', 'chair@example.org']);
    const file = await workbook((ws) => {
      ws.addRow(HEADER.split(','));
      for (const row of ROWS.slice(0, 2))
        ws.addRow(row.match(/("[^"]*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '')));
    });
    const imported = await run(['import', file], { cwd: root });
    expect(imported.code, imported.stdout).toBe(0);
    git(root, ['add', 'documents']);
    git(root, ['commit', '--quiet', '--no-gpg-sign', '-m', 'Import the tracker']);
    const adopted = await run(['adopt', '--all', '--evidence', 'Approvals recorded in the policy tracker, 2024'], {
      cwd: root,
    });
    expect(adopted.code, adopted.stderr).toBe(0);
    const verified = await run(['verify', '--json'], { cwd: root });
    expect(verified.code, verified.stdout).toBe(0);
    expect(
      JSON.parse(verified.stdout).documents.map((d: { id: string; state: string }) => `${d.id} ${d.state}`),
    ).toEqual(['CS-POL-0001 verified', 'CS-PRO-0001 verified']);
  });
});

describe('the realistic tracker (test/fixtures)', () => {
  const FIXTURES = join(__dirname, '..', 'fixtures');

  it('imports whole, validates, and export then import changes nothing, as xlsx and as csv', async () => {
    const root = makeRegister();
    const r = await run(['import', join(FIXTURES, 'tracker.xlsx'), '--json'], { cwd: root });
    expect(r.code, r.stdout).toBe(0);
    const created = JSON.parse(r.stdout).created as string[];
    expect(created).toHaveLength(13);
    // The council's own refs (CSP/12, SG/PR/07) are kept as source_ref; the rest are ppp ids already.
    expect(created.every((id) => /^CS-[A-Z]{3}-\d{4}$/.test(id))).toBe(true);
    expect((await run(['validate'], { cwd: root })).code).toBe(0);
    // The same rows as CSV, dates as text: nothing to change.
    const csvAgain = JSON.parse((await run(['import', join(FIXTURES, 'tracker.csv'), '--json'], { cwd: root })).stdout);
    expect(csvAgain).toMatchObject({ created: [], updated: [], problems: [] });
    expect(csvAgain.unchanged).toHaveLength(13);
    for (const format of ['xlsx', 'csv']) {
      const out = join(tempDir(), `export.${format}`);
      expect((await run(['export', '--format', format, '--out', out], { cwd: root })).code).toBe(0);
      const back = JSON.parse((await run(['import', out, '--json'], { cwd: root })).stdout);
      expect(back, format).toMatchObject({ created: [], updated: [], problems: [] });
      expect(back.unchanged, format).toHaveLength(13);
    }
  });

  it('moving in: import the tracker, commit, ppp adopt --all, ppp verify', async () => {
    const root = makeRegister();
    const key = makeKey('chair');
    allowSigners(root, [{ principal: 'chair@example.org', publicKey: key.publicKey }]);
    commitAll(root);
    useKey(root, key);
    git(root, ['config', 'user.email', 'chair@example.org']);
    expect((await run(['import', join(FIXTURES, 'tracker.xlsx')], { cwd: root })).code).toBe(0);
    git(root, ['add', 'documents']);
    git(root, ['commit', '--quiet', '--no-gpg-sign', '-m', 'Import the policy tracker']);
    const adopted = await run(['adopt', '--all', '--evidence', 'Approvals recorded in the Policy Review Tracker'], {
      cwd: root,
    });
    expect(adopted.code, adopted.stderr).toBe(0);
    const verified = await run(['verify', '--json'], { cwd: root });
    expect(verified.code, verified.stdout).toBe(0);
    const states = JSON.parse(verified.stdout).documents.map((d: { state: string }) => d.state);
    expect(states.length).toBeGreaterThanOrEqual(10);
    expect(new Set(states)).toEqual(new Set(['verified']));
  });
});

describe('export then import on the live example', () => {
  it('changes nothing, and an updated date keeps what the tracker does not hold (the approving meeting)', async () => {
    const now = () => Date.UTC(2026, 10, 25, 12);
    const dir = join(makeRegister(), 'example');
    expect((await run(['init', dir, '--example'], { now })).code).toBe(0);
    for (const format of ['xlsx', 'csv']) {
      const out = join(tempDir(), `export.${format}`);
      expect((await run(['export', '--out', out], { cwd: dir, now })).code).toBe(0);
      const back = JSON.parse((await run(['import', out, '--dry-run', '--json'], { cwd: dir, now })).stdout);
      expect(back, format).toMatchObject({ created: [], updated: [], problems: [] });
    }
    const out = join(tempDir(), 'export.csv');
    await run(['export', '--out', out], { cwd: dir, now });
    const file = readdirSync(join(dir, 'documents', 'forms')).find((f) => f.startsWith('CS-FRM-0001-'))!;
    const before = readFileSync(join(dir, 'documents', 'forms', file), 'utf8');
    const meeting = /meeting: (\S+)/.exec(before)![1]!;
    const csvText = readFileSync(out, 'utf8');
    // A review date a year earlier: the row's only change.
    const edited = csvText.replace(
      /^(CS-FRM-0001,.*?)(\d{4}-\d{2}-\d{2})(,[^,]*,)(\d{4})-/m,
      (_m, a, d, b, y) => `${a}${d}${b}${Number(y) - 1}-`,
    );
    writeFileSync(out, edited);
    const r = await run(['import', out, '--json'], { cwd: dir, now });
    expect(JSON.parse(r.stdout).updated, r.stdout).toEqual(['CS-FRM-0001']);
    const after = readFileSync(join(dir, 'documents', 'forms', file), 'utf8');
    expect(after).toContain(`meeting: ${meeting}`);
    expect(after).not.toBe(before);
  });
});
