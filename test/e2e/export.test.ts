/**
 * ppp export on a copy of the sample register, read back from the files it writes: the workbook with exceljs (its
 * sheet, header, frozen row, filters, drop-down lists, Excel dates, review states as words on their colour, a title
 * beginning with = kept as text) and the CSV byte by byte (byte order mark, CRLF, quoting, ISO dates, inert formulas);
 * --json; and the refusals of a folder, a file inside documents/ and a format the file's name contradicts.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES, STATUSES } from '../../src/core/document.js';
import { TRACKER_COLUMNS } from '../../src/core/tracker.js';
import { run as runNow, type RunOptions } from '../helpers/run.js';
import { ROOT, cleanup, tempDir } from '../helpers/register.js';

afterAll(cleanup);

const TODAY = ['--today', '2027-01-05'];
const run = (args: string[], options: RunOptions = {}) => runNow([...args, ...TODAY], options);

const FORMULA_TITLE = '=HYPERLINK("http://example.org","Click me")';
const QUOTED_TITLE = 'Observation of practice: the "Watch, Listen, Reflect" model';
const col = (header: string) => TRACKER_COLUMNS.findIndex((c) => c.header === header) + 1;

/** A copy of the sample register with a title a spreadsheet would run, one with quotes and a summary of two lines. */
function sampleCopy(): string {
  const dir = join(tempDir(), 'register');
  cpSync(join(ROOT, 'register'), dir, { recursive: true });
  const edit = (rel: string, from: string | RegExp, to: string) => {
    const path = join(dir, rel);
    const before = readFileSync(path, 'utf8');
    const after = before.replace(from, to);
    expect(after).not.toBe(before);
    writeFileSync(path, after);
  };
  edit('documents/guidelines/CS-GDL-0005-ai-tools-in-case-recording.md', /^title: .*$/m, `title: '${FORMULA_TITLE}'`);
  const observation = 'documents/guidelines/CS-GDL-0004-observation-of-practice.md';
  edit(observation, /^title: .*$/m, `title: '${QUOTED_TITLE}'`);
  edit(observation, 'summary: >-', 'summary: |-');
  return dir;
}

/** Every document id of the register, from the file names. */
function idsIn(dir: string): string[] {
  return readdirSync(join(dir, 'documents'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => /(CS-[A-Z]{3}-\d{4})/.exec(f)![1]!)
    .sort();
}

/** Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += c;
    }
  }
  return rows;
}

describe('ppp export', () => {
  let dir = '';
  let due: { id: string; state: string }[] = [];
  beforeAll(async () => {
    dir = sampleCopy();
    const r = await run(['due', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    due = JSON.parse(r.stdout);
  });

  describe('--format xlsx', () => {
    let sheet: ExcelJS.Worksheet;
    let out = '';
    let printed: ReturnType<typeof JSON.parse>;
    beforeAll(async () => {
      out = join(tempDir(), 'tracker.xlsx');
      const r = await run(['export', '--format', 'xlsx', '--out', out, '--json'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      printed = JSON.parse(r.stdout);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(out);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['Tracker']);
      sheet = workbook.getWorksheet('Tracker')!;
    });

    it('--json says what was written, and nothing else', () => {
      expect(printed).toEqual({ out, rows: idsIn(dir).length, format: 'xlsx' });
    });

    it('has the header row of TRACKER_COLUMNS in order, bold, frozen and filtered', () => {
      const header = sheet.getRow(1);
      expect(TRACKER_COLUMNS.map((_, i) => header.getCell(i + 1).value)).toEqual(TRACKER_COLUMNS.map((c) => c.header));
      expect(header.getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const last = sheet.getColumn(TRACKER_COLUMNS.length).letter;
      expect(sheet.autoFilter).toBe(`A1:${last}${idsIn(dir).length + 1}`);
      for (let i = 1; i <= TRACKER_COLUMNS.length; i++) {
        expect(sheet.getColumn(i).width).toBeGreaterThanOrEqual(8);
        expect(sheet.getColumn(i).width).toBeLessThanOrEqual(50);
      }
    });

    it('has one row per document of any status, sorted by id', () => {
      const ids: unknown[] = [];
      sheet.eachRow((row, n) => void (n > 1 && ids.push(row.getCell(1).value)));
      expect(ids).toEqual(idsIn(dir));
      const statuses = new Set<unknown>();
      sheet.eachRow((row, n) => void (n > 1 && statuses.add(row.getCell(col('Status')).value)));
      expect([...statuses].sort()).toEqual(
        expect.arrayContaining(['approved', 'archived', 'drafting', 'proposed', 'superseded', 'withdrawn']),
      );
    });

    it('offers drop-down lists of ppp’s types and statuses', () => {
      const model = (sheet as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } })
        .dataValidations.model;
      const type = model[`${sheet.getColumn(col('Type')).letter}2`];
      const status = model[`${sheet.getColumn(col('Status')).letter}2`];
      expect(type).toMatchObject({ type: 'list', formulae: [`"${DOCUMENT_TYPES.join(',')}"`] });
      expect(status).toMatchObject({ type: 'list', formulae: [`"${STATUSES.join(',')}"`] });
      // Also below the table, for documents added in the spreadsheet.
      expect(model[`${sheet.getColumn(col('Status')).letter}${idsIn(dir).length + 50}`]).toBeDefined();
    });

    it('writes dates as Excel dates shown DD/MM/YYYY, and members and links as ppp holds them', () => {
      const row = rowOf(sheet, 'CS-PRO-0001');
      const approved = row.getCell(col('Date approved'));
      expect(approved.value).toEqual(new Date('2024-03-12T00:00:00Z'));
      expect(approved.numFmt).toBe('dd/mm/yyyy');
      expect(row.getCell(col('Review date')).value).toEqual(new Date('2027-03-12T00:00:00Z'));
      expect(row.getCell(col('Owner')).value).toBe('svc-lead-chad');
      expect(row.getCell(col('Sponsor')).value).toBe('hos-north');
      expect(row.getCell(col('Governed by')).value).toBe('CS-POL-0001');
      expect(row.getCell(col('Version')).value).toBe('2.0');
      expect(row.getCell(col('Review frequency')).value).toBe('3 years');
    });

    it('writes each review state as words on its colour, and none where there is no review', () => {
      const expected: Record<string, [string, string]> = {
        ok: ['In date', 'FFC6EFCE'],
        'due-soon': ['Due soon', 'FFFFEB9C'],
        overdue: ['Overdue', 'FFFFC7CE'],
        escalate: ['Overdue: escalate', 'FFFF9999'],
      };
      expect(new Set(due.map((d) => d.state)).size).toBe(4);
      for (const d of due) {
        const cell = rowOf(sheet, d.id).getCell(col('Review state'));
        expect([d.id, cell.value]).toEqual([d.id, expected[d.state]![0]]);
        expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(expected[d.state]![1]);
      }
      const none = rowOf(sheet, 'CS-GDL-0005').getCell(col('Review state'));
      expect(none.value).toBeNull();
      expect((none.fill as ExcelJS.FillPattern | undefined)?.pattern ?? 'none').toBe('none');
    });

    it('keeps a title that begins with = as text, never a formula', () => {
      const cell = rowOf(sheet, 'CS-GDL-0005').getCell(col('Title'));
      expect(cell.value).toBe(FORMULA_TITLE);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(rowOf(sheet, 'CS-GDL-0004').getCell(col('Title')).value).toBe(QUOTED_TITLE);
    });
  });

  describe('--format csv', () => {
    let bytes: Buffer;
    let rows: string[][];
    beforeAll(async () => {
      const out = join(tempDir(), 'tracker.csv');
      const r = await run(['export', '--out', out], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(`Exported ${idsIn(dir).length} documents to ${out} (CSV)\n`);
      bytes = readFileSync(out);
      rows = parseCsv(bytes.toString('utf8').slice(1));
    });

    it('is UTF-8 with a byte order mark and CRLF line ends, a header and one row per document', () => {
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text.endsWith('\r\n')).toBe(true);
      // Every line break outside a quoted field is CRLF.
      expect(text.replace(/"(?:[^"]|"")*"/g, '')).not.toMatch(/[^\r]\n/);
      expect(rows[0]).toEqual(TRACKER_COLUMNS.map((c) => c.header));
      expect(rows.slice(1).map((r) => r[0])).toEqual(idsIn(dir));
      for (const row of rows) expect(row).toHaveLength(TRACKER_COLUMNS.length);
    });

    it('quotes fields with commas, quotes and line breaks, and writes dates as ISO', () => {
      const text = bytes.toString('utf8');
      expect(text).toContain('"Observation of practice: the ""Watch, Listen, Reflect"" model"');
      const row = rows.find((r) => r[0] === 'CS-GDL-0004')!;
      expect(row[col('Title') - 1]).toBe(QUOTED_TITLE);
      expect(row[col('Summary') - 1]).toContain('meetings,\nsupervision)');
      expect(row[col('Approved by') - 1]).toBe('Practice, Policy and Procedures Group');
      const procedure = rows.find((r) => r[0] === 'CS-PRO-0001')!;
      expect(procedure[col('Date approved') - 1]).toBe('2024-03-12');
      expect(procedure[col('Review date') - 1]).toBe('2027-03-12');
      expect(due.find((d) => d.id === 'CS-PRO-0001')!.state).toBe('due-soon');
      expect(procedure[col('Review state') - 1]).toBe('Due soon');
    });

    it('makes a cell that begins with = inert', () => {
      const row = rows.find((r) => r[0] === 'CS-GDL-0005')!;
      expect(row[col('Title') - 1]).toBe(`'${FORMULA_TITLE}`);
      expect(rows.every((r) => r.every((f) => !/^[=+\-@]/.test(f)))).toBe(true);
    });
  });

  it('leaves out a file whose front matter cannot be read, and says so', async () => {
    const broken = sampleCopy();
    writeFileSync(
      join(broken, 'documents/policies/CS-POL-0099-broken.md'),
      '---\nid: CS-POL-0099\ntitle: [oops\n---\n',
    );
    const out = join(tempDir(), 'tracker.csv');
    const r = await run(['export', '--out', out, '--json'], { cwd: broken });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rows: idsIn(dir).length });
    expect(r.stderr).toBe(
      'ppp: warning: documents/policies/CS-POL-0099-broken.md is left out because its front matter cannot be read; ' +
        'run ppp validate\n',
    );
    expect(readFileSync(out, 'utf8')).not.toContain('CS-POL-0099');
  });

  describe('refusals (exit 2, nothing written)', () => {
    it.each([
      ['a folder', (out: string) => ['--format', 'xlsx', '--out', out], 'is a folder'],
      ['a name ending in /', (out: string) => ['--format', 'csv', '--out', join(out, 'new') + '/'], 'is a folder'],
      ['a file in a folder that does not exist', (out: string) => ['--out', join(out, 'no', 'x.csv')], 'not a folder'],
      ['no --format and a name that does not say', (out: string) => ['--out', join(out, 'x.txt')], '--format xlsx'],
      ['a format the name contradicts', (out: string) => ['--format', 'csv', '--out', join(out, 'x.xlsx')], '.xlsx'],
      ['an unknown format', (out: string) => ['--format', 'pdf', '--out', join(out, 'x.pdf')], 'xlsx, csv'],
    ])('%s', async (_name, args, message) => {
      const folder = tempDir();
      const r = await run(['export', ...args(folder)], { cwd: dir });
      expect(r).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining(message) });
      expect(readdirSync(folder)).toEqual([]);
    });

    it('without --out', async () => {
      const r = await run(['export', '--format', 'xlsx'], { cwd: dir });
      expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('--out FILE') });
    });

    it.each(['documents/tracker.xlsx', 'documents/policies/tracker.csv', 'documents'])(
      '--out %s, inside documents/',
      async (rel) => {
        const before = idsIn(dir);
        const r = await run(['export', '--format', rel.endsWith('.csv') ? 'csv' : 'xlsx', '--out', rel], { cwd: dir });
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/inside the register's documents\/ folder|is a folder/);
        expect(existsSync(join(dir, rel)) && !rel.endsWith('documents')).toBe(false);
        expect(idsIn(dir)).toEqual(before);
      },
    );

    it('--out inside documents/ through a link to it', async () => {
      const outside = tempDir();
      mkdirSync(join(outside, 'sub'));
      symlinkSync(join(dir, 'documents'), join(outside, 'sub', 'docs'));
      const r = await run(['export', '--out', join(outside, 'sub', 'docs', 'tracker.csv')], { cwd: dir });
      expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining('documents/ folder') });
      expect(existsSync(join(dir, 'documents', 'tracker.csv'))).toBe(false);
    });
  });
});

/** Returns the row of the document with this id. */
function rowOf(sheet: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === id) found = row;
  });
  if (!found) throw new Error(`no row for ${id}`);
  return found;
}
