/**
 * The council tracker fixtures (made by scripts/make-tracker-fixture.mjs) are what ppp import is tested on: a workbook
 * that opens with exceljs, whose headers all map through columnFor, whose values the tracker's readers understand, and
 * whose owners are members of the dorset-ppp preset; and a CSV of the same rows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { TYPE_CODES, type DocumentType } from '../src/core/document.js';
import { columnFor, cycleOf, dateOf, statusOf, typeOf } from '../src/core/tracker.js';
import { MEMBERS, ROOT } from './helpers/register.js';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const members = (parse(MEMBERS) as { members: { id: string; name: string; email: string }[] }).members;

/** A data row of the workbook by field, as the cells hold it. */
type Row = Record<string, ExcelJS.CellValue> & { at: number };

let sheet: ExcelJS.Worksheet;
let headers: string[] = [];
let rows: Row[] = [];

beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(FIXTURES, 'tracker.xlsx'));
  expect(workbook.worksheets).toHaveLength(1);
  sheet = workbook.worksheets[0]!;
  headers = (sheet.getRow(2).values as ExcelJS.CellValue[]).slice(1).map(String);
  rows = [];
  for (let n = 3; n <= sheet.rowCount; n++) {
    const cells = headers.map((_, i) => sheet.getRow(n).getCell(i + 1).value);
    if (cells.every((v) => v === null || v === undefined || v === '')) continue;
    const row = { at: n } as Row;
    headers.forEach((h, i) => (row[columnFor(h)!.field] = cells[i] ?? null));
    rows.push(row);
  }
});

/** Returns a cell's text: a hyperlink's address, a number as written. */
function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'hyperlink' in value) return value.hyperlink;
  return String(value);
}

describe('test/fixtures/tracker.xlsx', () => {
  it('has a title merged across the columns above the header row', () => {
    expect(sheet.getCell('A1').value).toBe("Children's Services Policy Review Tracker 2026");
    const last = sheet.getColumn(headers.length).letter;
    expect(sheet.model.merges).toContain(`A1:${last}1`);
    expect(sheet.getCell(`${last}1`).isMerged).toBe(true);
  });

  it("names its columns the council's way, and every header maps to a column of ppp's, once", () => {
    expect(headers).toContain('Lead officer');
    expect(headers).toContain('Next review due');
    const fields = headers.map((h) => columnFor(h)?.field);
    expect(fields.filter((f) => f === undefined)).toEqual([]);
    expect(new Set(fields).size).toBe(headers.length);
  });

  it('holds about a dozen documents with two blank rows in the middle', () => {
    expect(rows.length).toBeGreaterThanOrEqual(12);
    const gaps = rows.slice(1).map((r, i) => r.at - rows[i]!.at - 1);
    expect(gaps.filter((g) => g > 0)).toEqual([2]);
    expect(rows.at(-1)!.at).toBe(sheet.rowCount);
  });

  it('has UK dates typed as Excel dates in some rows and as DD/MM/YYYY text in others, all of them real', () => {
    const dates = rows.flatMap((r) => [r['approval.approved_on'], r['review.due']]).filter((v) => v !== null);
    const cells = dates.filter((d) => d instanceof Date);
    const texts = dates.filter((d) => typeof d === 'string') as string[];
    expect(cells.length).toBeGreaterThanOrEqual(6);
    expect(texts.length).toBeGreaterThanOrEqual(6);
    for (const t of texts) {
      expect(t).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4}$/);
      expect(dateOf(t)).toHaveProperty('date');
    }
    for (const r of rows.filter((row) => row['approval.approved_on'] instanceof Date))
      expect(sheet.getRow(r.at).getCell(headers.indexOf('Date approved') + 1).numFmt).toBe('dd/mm/yyyy');
  });

  it('has refs in the pattern of the register for most rows, and two of the council’s old refs', () => {
    const fitting = rows.filter((r) => /^CS-[A-Z]{3}-\d{4}$/.test(String(r.id)));
    expect(rows.length - fitting.length).toBe(2);
    for (const r of fitting) expect(String(r.id).slice(3, 6)).toBe(TYPE_CODES[typeOf(String(r.type)) as DocumentType]);
  });

  it('names owners and sponsors as members.yaml of the preset does: by name, once by e-mail', () => {
    const people = rows.flatMap((r) => [r.owner, r.sponsor]).filter((v) => v !== null) as string[];
    for (const p of people) {
      const matches = members.filter((m) => m.name === p || m.email === p);
      expect(matches, p).toHaveLength(1);
    }
    expect(people.filter((p) => p.includes('@'))).toHaveLength(1);
  });

  it('has types, statuses and review cycles ppp reads, and links as text and as hyperlinks', () => {
    for (const r of rows) {
      expect(typeOf(String(r.type)), String(r.type)).toBeDefined();
      expect(statusOf(String(r.status)), String(r.status)).toBeDefined();
      if (r['review.cycle'] !== null) expect(cycleOf(String(r['review.cycle']))).toBeDefined();
    }
    const links = rows.map((r) => r['publication.intranet']).filter((v) => v !== null);
    expect(links.some((l) => typeof l === 'string')).toBe(true);
    expect(links.some((l) => typeof l === 'object' && 'hyperlink' in l!)).toBe(true);
  });

  it('gives procedures, standards and forms a parent policy of the file, and policies a sponsor and a scope', () => {
    const policies = new Set(rows.filter((r) => typeOf(String(r.type)) === 'policy').map((r) => r.id));
    for (const r of rows) {
      const type = typeOf(String(r.type));
      if (type === 'procedure' || type === 'standard' || type === 'form')
        expect(policies.has(r.governed_by), String(r.id)).toBe(true);
      if (type === 'policy') {
        expect(r.sponsor, String(r.id)).not.toBeNull();
        expect(['Service', 'Partnership']).toContain(r.scope);
      }
    }
  });
});

describe('test/fixtures/tracker.csv', () => {
  const text = readFileSync(join(FIXTURES, 'tracker.csv'), 'utf8');

  it('is the same rows as the workbook, dates as DD/MM/YYYY text, with one blank line', () => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]!.startsWith("Children's Services Policy Review Tracker 2026,")).toBe(true);
    expect(lines[1]).toBe(headers.join(','));
    expect(lines.filter((l) => l === '')).toHaveLength(2); // the blank line, and after the last CRLF
    for (const r of rows) {
      const line = lines.find((l) => l.startsWith(`${String(r.id)},`));
      expect(line, String(r.id)).toBeDefined();
      for (const field of ['title', 'owner', 'status', 'publication.intranet'])
        expect(line).toContain(textOf(r[field]!).includes(',') ? `"${textOf(r[field]!)}"` : textOf(r[field]!));
      for (const field of ['approval.approved_on', 'review.due']) {
        const value = r[field];
        if (value instanceof Date)
          expect(line).toContain(value.toISOString().slice(0, 10).split('-').reverse().join('/'));
        else if (typeof value === 'string') expect(line).toContain(`,${value},`);
      }
    }
  });

  it('quotes a field holding a comma and quotes', () => {
    expect(text).toContain('"Return home interviews now provided by ""Checkpoint"", commissioned to 2027,');
  });
});
