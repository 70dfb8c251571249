/**
 * Reads a tracker spreadsheet (.xlsx with exceljs, .csv with fast-csv) into plain cells: text, a date, or a formula
 * ppp will not evaluate. CSV cells are all text (dates in them are read by ppp, never by the library). Both libraries
 * load only here, when ppp import runs.
 */
import { extname } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { readFileSync } from 'node:fs';

export interface TrackerCell {
  text: string;
  /** An Excel date cell, as the day it shows (YYYY-MM-DD). */
  date?: string;
  /** The cell holds a formula: ppp imports values, never what a formula would give. */
  formula?: boolean;
  /** A hyperlink cell's address. */
  link?: string;
}

export interface TrackerSheet {
  /** The sheet's name (the file's name for CSV), for cell references like Tracker!B7. */
  name: string;
  /** Every sheet in the workbook, to name them when --sheet names none of them. */
  sheets: string[];
  /** Rows by their number (1-based), each cell by its column number (1-based). */
  rows: Map<number, Map<number, TrackerCell>>;
}

/** Reads the sheet (the first, or --sheet NAME) of a tracker; throws ConfigError naming the file and what to do. */
export async function readTracker(path: string, sheet?: string): Promise<TrackerSheet> {
  const ext = extname(path).toLowerCase();
  // A file that cannot be read fails as one line naming it (cli/failures.ts).
  const bytes = readFileSync(path);
  if (ext === '.csv') {
    if (sheet !== undefined) throw new ConfigError(`--sheet is for a workbook; ${path} is a CSV file with one sheet`);
    return readCsv(path, bytes);
  }
  if (ext !== '.xlsx' && ext !== '.xlsm')
    throw new ConfigError(`${path} is not a tracker ppp reads: save it as .xlsx (Excel workbook) or .csv`);
  return readXlsx(path, bytes, sheet);
}

async function readXlsx(path: string, bytes: Buffer, wanted?: string): Promise<TrackerSheet> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // An encrypted workbook is not a zip file at all: it starts as an OLE compound file (D0 CF 11 E0).
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])))
    throw new ConfigError(
      `${path} is password-protected (or an old .xls workbook): open it in Excel, remove the password ` +
        '(File, Info, Protect Workbook) and save it as .xlsx, then import that copy',
    );
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new ConfigError(
      `${path} cannot be read as an Excel workbook (${(error as Error).message}); ` +
        'open it in Excel and save it again as .xlsx',
      { cause: error },
    );
  }
  const names = workbook.worksheets.map((w) => w.name);
  const ws = wanted === undefined ? workbook.worksheets[0] : workbook.getWorksheet(wanted);
  if (!ws)
    throw new ConfigError(
      wanted === undefined
        ? `${path} has no sheet`
        : `${path} has no sheet "${wanted}"; its sheets are ${names.map((n) => `"${n}"`).join(', ')}`,
    );
  const rows = new Map<number, Map<number, TrackerCell>>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = new Map<number, TrackerCell>();
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      // A merged cell other than its first holds no value of its own.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const c = cellOf(cell.value);
      if (c && (c.text !== '' || c.date || c.formula)) cells.set(col, c);
    });
    if (cells.size) rows.set(rowNumber, cells);
  });
  return { name: ws.name, sheets: names, rows };
}

/** Returns a cell value as ppp reads it. */
function cellOf(value: unknown): TrackerCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) {
    // Excel stores the day it shows; exceljs gives it as midnight UTC.
    const iso = value.toISOString().slice(0, 10);
    return { text: iso, date: iso };
  }
  if (typeof value === 'string') return { text: value.trim() };
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) return { text: String(v.result ?? ''), formula: true };
    if (Array.isArray(v.richText))
      return {
        text: (v.richText as { text: string }[])
          .map((r) => r.text)
          .join('')
          .trim(),
      };
    if ('hyperlink' in v) {
      const text = typeof v.text === 'string' ? v.text : (cellOf(v.text)?.text ?? '');
      return { text: text.trim(), link: String(v.hyperlink) };
    }
    if ('error' in v) return { text: String(v.error) };
  }
  return { text: String(value) };
}

async function readCsv(path: string, bytes: Buffer): Promise<TrackerSheet> {
  const { parseString } = await import('@fast-csv/parse');
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const rows = new Map<number, Map<number, TrackerCell>>();
  let number = 0;
  await new Promise<void>((resolve, reject) => {
    parseString(text, { ignoreEmpty: false, trim: false, strictColumnHandling: false })
      .on('error', (error) =>
        reject(new ConfigError(`${path} is not a CSV file ppp can read (${error.message})`, { cause: error })),
      )
      .on('data', (record: string[]) => {
        number++;
        const cells = new Map<number, TrackerCell>();
        record.forEach((value, i) => {
          const t = value.trim();
          if (t !== '') cells.set(i + 1, { text: t });
        });
        if (cells.size) rows.set(number, cells);
      })
      .on('end', () => resolve());
  });
  const name = path
    .split(/[\\/]/)
    .pop()!
    .replace(/\.csv$/i, '');
  return { name, sheets: [name], rows };
}
