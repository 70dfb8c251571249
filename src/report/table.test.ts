import { describe, expect, it } from 'vitest';
import { displayWidth, renderTable, wrapText, type Column } from './table.js';

const COLUMNS: Column[] = [
  { head: 'Id' },
  { head: 'Title', kind: 'text', max: 40 },
  { head: 'Version', kind: 'words' },
  { head: 'Review due' },
];
const ROWS = [
  [
    'CS-PRO-0001',
    'Children missing from home, care or education: what every worker does',
    '1.0 (2.0 pending)',
    '2027-03-11',
  ],
  ['CS-FRM-0002', 'Return home interview', '2.0', '2028-01-14'],
];

describe('displayWidth', () => {
  it.each([
    ['plain', 5],
    ['\u001b[31mred\u001b[39m', 3],
    ['e\u0301te\u0301', 3],
    ['家族', 4],
    ['', 0],
  ])('%j is %i columns wide', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });
});

describe('wrapText', () => {
  it.each([
    ['a few short words', 7, ['a few', 'short', 'words']],
    ['one', 10, ['one']],
    ['', 10, ['']],
    ['supercalifragilistic', 8, ['supercal', 'ifragili', 'stic']],
  ])('%j at %i', (text, width, lines) => {
    expect(wrapText(text, width)).toEqual(lines);
  });
});

describe('renderTable', () => {
  it.each([60, 61, 70, 80, 120, 200])('at %i columns: a table no wider, every id and date whole', (width) => {
    const out = renderTable(COLUMNS, ROWS, { width });
    const lines = out.split('\n');
    expect(lines[0]!.startsWith('┌')).toBe(true);
    for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    for (const value of ['CS-PRO-0001', 'CS-FRM-0002', '2027-03-11', '2028-01-14', '1.0', '(2.0', 'pending)'])
      expect(lines.some((l) => l.includes(` ${value} `) || l.includes(` ${value}`))).toBe(true);
    // The title is all there, wrapped at spaces.
    const words = lines.map((l) => l.split('│')[2] ?? '').join(' ');
    for (const word of ROWS[0]![1]!.split(' ')) expect(words).toContain(word);
  });

  it.each([40, 59])('below 60 columns (%i): one record at a time, key: value', (width) => {
    const out = renderTable(COLUMNS, ROWS, { width });
    expect(out).not.toMatch(/[┌│└]/);
    const records = out.trimEnd().split('\n\n');
    expect(records).toHaveLength(2);
    expect(records[0]!.split('\n')[0]).toBe('Id: CS-PRO-0001');
    expect(records[0]).toContain('\nReview due: 2027-03-11');
    expect(records[1]).toContain('\nTitle: Return home interview\n');
    for (const line of out.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
  });

  it('lists records when the fixed columns alone do not fit, however wide the terminal is said to be', () => {
    const wide: Column[] = Array.from({ length: 8 }, (_, i) => ({ head: `Column ${i}` }));
    const row = Array.from({ length: 8 }, () => '2027-01-12T10:00:00');
    const out = renderTable(wide, [row], { width: 100 });
    expect(out).not.toContain('│');
    expect(out).toContain('Column 7: 2027-01-12T10:00:00');
  });

  it('never cuts a fixed value, even at the narrowest width', () => {
    const out = renderTable([{ head: 'Commit' }], [['0123456789abcdef0123456789abcdef01234567']], { width: 20 });
    expect(out).toContain('0123456789abcdef0123456789abcdef01234567');
  });

  it('leaves out empty values from a record and paints headings', () => {
    const out = renderTable(COLUMNS, [['CS-POL-0001', 'Values', '', '']], { width: 40, head: (h) => `*${h}*` });
    expect(out).toBe('*Id*: CS-POL-0001\n*Title*: Values\n');
  });
});
