/**
 * The tracker's files: an Excel workbook (exceljs, loaded only when one is written, so that ppp --help and every other
 * command start without it) or CSV text, written atomically through writeFileAtomic.
 */
import type { Worksheet } from 'exceljs';
import type { IsoDate } from '../core/calendar.js';
import { DOCUMENT_TYPES, STATUSES } from '../core/document.js';
import type { ReviewState } from '../core/reviews.js';
import { trackerColumnWidths, trackerCsv, type TrackerRow } from '../core/tracker-export.js';
import { TRACKER_COLUMNS } from '../core/tracker.js';
import { writeFileAtomic } from './fs.js';

/** What the workbook says about itself: the group it is the register of, and the day it was written. */
export interface TrackerMeta {
  group: string;
  today: IsoDate;
}

/** The sheet ppp export writes and ppp import reads first. */
export const TRACKER_SHEET = 'Tracker';

/** Rows below the table that keep the drop-down lists, for documents added in the spreadsheet. */
const ROOM_FOR_NEW_ROWS = 500;

/** Excel's own Good, Neutral and Bad cell styles (green, yellow, red), so the colours read as a council expects. */
const STATE_STYLES: Readonly<Record<ReviewState, { fill: string; font: string; bold?: boolean }>> = {
  ok: { fill: 'FFC6EFCE', font: 'FF006100' },
  'due-soon': { fill: 'FFFFEB9C', font: 'FF9C5700' },
  overdue: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  escalate: { fill: 'FFFF9999', font: 'FF9C0006', bold: true },
};

/** The data validations of a worksheet, which exceljs has but does not declare. */
interface DataValidations {
  add(range: string, validation: import('exceljs').DataValidation): void;
}

/**
 * Writes the rows as an Excel workbook: one sheet, Tracker, whose header row is bold, frozen and filtered, with
 * drop-down lists of ppp's types and statuses, dates as Excel dates shown DD/MM/YYYY, and each review state as text on
 * its colour. Text is stored as text, never as a formula, so a title that begins with = is shown, not run.
 */
export async function writeTrackerXlsx(path: string, rows: readonly TrackerRow[], meta: TrackerMeta): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const written = new Date(`${meta.today}T00:00:00Z`);
  workbook.creator = 'ppp';
  workbook.lastModifiedBy = 'ppp';
  workbook.created = written;
  workbook.modified = written;
  workbook.title = `${meta.group}: register of documents`;
  const sheet = workbook.addWorksheet(TRACKER_SHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  const widths = trackerColumnWidths(rows);
  // Column formats apply to rows typed in later too: dates stay dates, and text (a version such as 2.0) stays text.
  sheet.columns = TRACKER_COLUMNS.map((column, i) => ({
    key: column.field || 'review_state',
    width: widths[i]!,
    style: { numFmt: column.kind === 'date' ? 'dd/mm/yyyy' : '@' },
  }));

  const header = sheet.addRow(TRACKER_COLUMNS.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = { bottom: { style: 'thin' } };
    cell.alignment = { vertical: 'top', wrapText: true };
  });

  for (const row of rows) {
    // An empty cell is left empty (not an empty string), as a person leaves it.
    const added = sheet.addRow(
      row.cells.map((cell) => (typeof cell !== 'string' ? dateValue(cell.date) : cell === '' ? null : cell)),
    );
    added.eachCell({ includeEmpty: true }, (cell, column) => {
      const kind = TRACKER_COLUMNS[column - 1]?.kind;
      cell.numFmt = kind === 'date' ? 'dd/mm/yyyy' : '@';
      cell.alignment = { vertical: 'top', wrapText: true };
    });
    if (row.state) {
      const style = STATE_STYLES[row.state];
      const cell = added.getCell(stateColumn());
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
      cell.font = { color: { argb: style.font }, bold: style.bold ?? false };
    }
  }

  const last = columnLetter(sheet, TRACKER_COLUMNS.length);
  sheet.autoFilter = `A1:${last}${rows.length + 1}`;
  addList(sheet, 'type', DOCUMENT_TYPES, rows.length);
  addList(sheet, 'status', STATUSES, rows.length);

  writeFileAtomic(path, new Uint8Array(await workbook.xlsx.writeBuffer()), { makeFolders: false });
}

/** Writes the rows as CSV (see trackerCsv): UTF-8 with a byte order mark, CRLF, text made inert. */
export function writeTrackerCsv(path: string, rows: readonly TrackerRow[]): void {
  writeFileAtomic(path, trackerCsv(rows), { makeFolders: false });
}

/** Returns the Date exceljs writes as the Excel serial of that calendar day (midnight UTC: no zone moves it). */
function dateValue(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

/** Returns the 1-based number of the Review state column. */
function stateColumn(): number {
  return TRACKER_COLUMNS.findIndex((c) => c.field === '') + 1;
}

function columnLetter(sheet: Worksheet, n: number): string {
  return sheet.getColumn(n).letter;
}

/** Adds a drop-down list of the values to the column of a field, over the table and the rows left for new ones. */
function addList(sheet: Worksheet, field: string, values: readonly string[], count: number): void {
  const letter = columnLetter(sheet, TRACKER_COLUMNS.findIndex((c) => c.field === field) + 1);
  const header = TRACKER_COLUMNS.find((c) => c.field === field)!.header;
  (sheet as unknown as { dataValidations: DataValidations }).dataValidations.add(
    `${letter}2:${letter}${count + 1 + ROOM_FOR_NEW_ROWS}`,
    {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: `${header} not known to ppp`,
      error: `Choose a ${header.toLowerCase()} from the list: ${values.join(', ')}`,
    },
  );
}
