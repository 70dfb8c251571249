/**
 * The tracker ppp export writes: one row per document in the columns of TRACKER_COLUMNS, with each value as ppp import
 * reads it back (member ids, ISO dates, ppp's own types, statuses and cycles), so that exporting and importing again
 * changes nothing; and the CSV text of those rows. Pure: the spreadsheet file itself is written in src/io.
 */
import { isIsoDate, type IsoDate } from './calendar.js';
import { get, type FrontMatter } from './document.js';
import type { ReviewState } from './reviews.js';
import { eqiaText, inertCell, TRACKER_COLUMNS, type TrackerColumn } from './tracker.js';

/** A cell: text, or a date (an Excel date in xlsx, ISO text in csv). */
export type TrackerCell = string | { date: IsoDate };

/** A row of the tracker: one cell per column of TRACKER_COLUMNS, and the document's review state for its colour. */
export interface TrackerRow {
  cells: TrackerCell[];
  state?: ReviewState;
}

/** A document to export: its whole front matter and its review state at today (none when it has no review date). */
export interface TrackerDocument {
  data: FrontMatter;
  state?: ReviewState;
}

/** The Review state column's words: the state is always written, never shown by colour alone. */
export const REVIEW_STATE_LABELS: Readonly<Record<ReviewState, string>> = {
  ok: 'In date',
  'due-soon': 'Due soon',
  overdue: 'Overdue',
  escalate: 'Overdue: escalate',
};

/** Returns one row per document, sorted by id, with a cell for each column of TRACKER_COLUMNS in order. */
export function trackerRows(documents: readonly TrackerDocument[]): TrackerRow[] {
  return [...documents]
    .sort((a, b) => compareText(idText(a.data), idText(b.data)))
    .map((doc) => {
      const row: TrackerRow = { cells: TRACKER_COLUMNS.map((column) => cellOf(column, doc)) };
      if (doc.state) row.state = doc.state;
      return row;
    });
}

function cellOf(column: TrackerColumn, doc: TrackerDocument): TrackerCell {
  if (column.field === '') return doc.state ? REVIEW_STATE_LABELS[doc.state] : '';
  const value = get(doc.data, column.field.split('.'));
  // A date field holding something that is not a date is written as the text it is, for ppp import to report.
  if (column.kind === 'date' && isIsoDate(value)) return { date: value };
  // "Completed 01/02/2024", as councils write it and ppp import reads it.
  if (column.kind === 'eqia') return eqiaText(value, (iso) => iso.split('-').reverse().join('/'));
  return textOf(value);
}

/** Returns a front matter value as one cell's text: lists (governed_by) joined with ", ", nothing for a mapping. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join(', ');
  return '';
}

function idText(data: FrontMatter): string {
  return typeof data.id === 'string' ? data.id : '';
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Returns the text of a cell as the CSV holds it: dates in ISO, text made inert so no spreadsheet runs it. */
export function csvText(cell: TrackerCell): string {
  return typeof cell === 'string' ? inertCell(cell) : cell.date;
}

/**
 * Returns the rows as CSV (RFC 4180: fields holding a comma, a quote or a line break are quoted, quotes doubled), with
 * the header line, CRLF line ends and a byte order mark: without it Excel reads UTF-8 as Windows-1252 and garbles
 * names such as Zoë or Siân.
 */
export function trackerCsv(rows: readonly TrackerRow[]): string {
  const lines = [
    TRACKER_COLUMNS.map((c) => csvField(c.header)).join(','),
    ...rows.map((row) => row.cells.map((cell) => csvField(csvText(cell))).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Returns a width for each column, in characters: its longest line (header included), kept between 8 and 50 so that a
 * long summary wraps instead of pushing the other columns off the screen. Dates are 10 characters (DD/MM/YYYY).
 */
export function trackerColumnWidths(rows: readonly TrackerRow[]): number[] {
  return TRACKER_COLUMNS.map((column, i) => {
    let longest = column.header.length;
    for (const row of rows) {
      const cell = row.cells[i] ?? '';
      const length = typeof cell === 'string' ? Math.max(0, ...cell.split('\n').map((l) => l.length)) : 10;
      longest = Math.max(longest, length);
    }
    return Math.min(50, Math.max(8, longest + 2));
  });
}
