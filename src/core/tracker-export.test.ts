import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES, STATUSES } from './document.js';
import { columnFor, cycleOf, dateOf, fromInertCell, statusOf, TRACKER_COLUMNS, typeOf } from './tracker.js';
import {
  REVIEW_STATE_LABELS,
  trackerColumnWidths,
  trackerCsv,
  trackerRows,
  type TrackerCell,
  type TrackerRow,
} from './tracker-export.js';

const at = (header: string) => TRACKER_COLUMNS.findIndex((c) => c.header === header);
const cell = (row: TrackerRow, header: string): TrackerCell => row.cells[at(header)]!;

const PROCEDURE = {
  id: 'CS-PRO-0007',
  title: 'Missing children',
  type: 'procedure',
  status: 'approved',
  version: '2.0',
  owner: 'hos-1',
  sponsor: 'hqa',
  scope: 'service',
  governed_by: ['CS-POL-0001', 'CS-POL-0002'],
  approval: { route: 'ppp', approved_on: '2024-03-12', approved_by: 'Practice, Policy and Procedures Group' },
  review: { cycle: '3 years', due: '2027-03-12' },
  summary: 'What to do when a child goes missing.',
  publication: { intranet: 'https://intranet.example.org/missing' },
  notes: 'Carried over from the tracker',
  eqia: { status: 'completed', on: '2024-02-01' },
};

describe('trackerRows', () => {
  it('writes one cell per column, in the order of TRACKER_COLUMNS, from the front matter', () => {
    const [row] = trackerRows([{ data: PROCEDURE, state: 'due-soon' }]);
    expect(row!.cells).toHaveLength(TRACKER_COLUMNS.length);
    expect(row!.cells).toEqual([
      'CS-PRO-0007',
      'Missing children',
      'procedure',
      'approved',
      '2.0',
      'hos-1',
      'hqa',
      'service',
      'CS-POL-0001, CS-POL-0002',
      '',
      '',
      'Practice, Policy and Procedures Group',
      'ppp',
      { date: '2024-03-12' },
      '3 years',
      { date: '2027-03-12' },
      'Due soon',
      'Completed 01/02/2024',
      'What to do when a child goes missing.',
      'https://intranet.example.org/missing',
      'Carried over from the tracker',
    ]);
    expect(row!.state).toBe('due-soon');
  });

  it('sorts by id, and leaves empty what a document does not have', () => {
    const rows = trackerRows([
      { data: { id: 'CS-POL-0002', title: 'B', type: 'policy', status: 'proposed' } },
      { data: { id: 'CS-FRM-0001', title: 'A', type: 'form', status: 'drafting', version: 0.1 } },
    ]);
    expect(rows.map((r) => r.cells[0])).toEqual(['CS-FRM-0001', 'CS-POL-0002']);
    expect(cell(rows[0]!, 'Version')).toBe('0.1');
    expect(cell(rows[1]!, 'Review date')).toBe('');
    expect(cell(rows[1]!, 'Review state')).toBe('');
    expect(rows[1]!.state).toBeUndefined();
  });

  it('writes a date field that holds no date as the text it holds', () => {
    const [row] = trackerRows([{ data: { ...PROCEDURE, review: { due: 'March 2027' } } }]);
    expect(cell(row!, 'Review date')).toBe('March 2027');
  });

  it.each(Object.entries(REVIEW_STATE_LABELS))('the state %s is written as "%s"', (state, label) => {
    const [row] = trackerRows([{ data: PROCEDURE, state: state as keyof typeof REVIEW_STATE_LABELS }]);
    expect(cell(row!, 'Review state')).toBe(label);
  });
});

describe('what export writes, import reads back the same', () => {
  it('every header is its own column', () => {
    for (const column of TRACKER_COLUMNS) expect(columnFor(column.header)).toBe(column);
  });

  it.each(DOCUMENT_TYPES)('the type %s', (type) => expect(typeOf(type)).toBe(type));
  it.each(STATUSES)('the status %s', (status) => expect(statusOf(status)).toBe(status));
  it.each(['1 year', '2 years', '3 years', '18 months'])('the cycle %s', (cycle) => expect(cycleOf(cycle)).toBe(cycle));

  it('dates and formula-like text in the CSV', () => {
    const [row] = trackerRows([{ data: { ...PROCEDURE, title: '=HYPERLINK("http://x")', notes: '-1 day' } }]);
    const fields = trackerCsv([row!]).split('\r\n')[1]!;
    expect(fields).toContain(',2024-03-12,');
    expect(dateOf('2024-03-12')).toEqual({ date: '2024-03-12' });
    expect(fields).toContain(`,"'=HYPERLINK(""http://x"")",`);
    expect(fromInertCell('\'=HYPERLINK("http://x")')).toBe('=HYPERLINK("http://x")');
    expect(fields.endsWith(",'-1 day")).toBe(true);
  });
});

describe('trackerCsv', () => {
  it('is UTF-8 with a byte order mark, CRLF line ends and the header line first', () => {
    const csv = trackerCsv(trackerRows([{ data: PROCEDURE }]));
    expect(csv.startsWith('\uFEFFRef,Title,Type,Status,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it.each([
    ['Plain', 'Plain'],
    ['Practice, Policy and Procedures', '"Practice, Policy and Procedures"'],
    ['The "Signs of Safety" model', '"The ""Signs of Safety"" model"'],
    ['First line\nsecond line', '"First line\nsecond line"'],
    ['+44 1305 221000', "'+44 1305 221000"],
    ['@mention', "'@mention"],
    ['=1+1, then', `"'=1+1, then"`],
  ])('the title %j is written %s', (title, field) => {
    const csv = trackerCsv(trackerRows([{ data: { id: 'CS-POL-0001', title } }]));
    expect(csv.slice(csv.indexOf('\r\n') + 2)).toBe(
      `CS-POL-0001,${field}${','.repeat(TRACKER_COLUMNS.length - 2)}\r\n`,
    );
  });
});

it('column widths fit the longest line, between 8 and 50 characters', () => {
  const widths = trackerColumnWidths(trackerRows([{ data: { ...PROCEDURE, summary: 'x'.repeat(200) } }]));
  expect(widths[at('Summary')]).toBe(50);
  expect(widths[at('Ref')]).toBe('CS-PRO-0007'.length + 2);
  expect(widths[at('Date approved')]).toBe('Date approved'.length + 2);
  expect(widths.every((w) => w >= 8 && w <= 50)).toBe(true);
});
