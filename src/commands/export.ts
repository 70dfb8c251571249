/**
 * ppp export: the council's tracker written back from the register, one row per document of any status, as an Excel
 * workbook or CSV. Reads the register; writes only the one file named by --out.
 */
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../core/errors.js';
import { frontMatterData } from '../core/front-matter.js';
import type { FrontMatter } from '../core/document.js';
import { dueRows } from '../core/reviews.js';
import { trackerRows, type TrackerDocument } from '../core/tracker-export.js';
import { today as todayOf } from '../io/clock.js';
import { decodeUtf8, isDirectory, readDocument, realPath } from '../io/fs.js';
import type { Io } from '../io/io.js';
import { loadRegister } from './steps/load-register.js';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  register?: string;
  today?: string;
  /** xlsx or csv; when left out, the extension of out says which. */
  format?: ExportFormat;
  out: string;
}

export interface ExportResult {
  /** The file written, absolute. */
  out: string;
  /** Documents written, one row each. */
  rows: number;
  format: ExportFormat;
  /** Files left out because their front matter cannot be read (ppp validate says why). */
  unreadable: string[];
}

/** Writes the tracker to options.out and returns what was written; refuses a folder or a file inside documents/. */
export async function exportTracker(options: ExportOptions, io: Io): Promise<ExportResult> {
  const out = resolve(io.cwd, options.out);
  const format = formatOf(options.format, out);
  const loaded = await loadRegister(io, { register: options.register });
  refuseOut(out, options.out, loaded.root);
  const today = todayOf(io, loaded.settings.timezone, options.today);
  const states = new Map(dueRows(loaded.records, today, loaded.settings).map((r) => [r.file, r.state]));
  const documents: TrackerDocument[] = [];
  for (const record of loaded.records) {
    if (!record.data) continue;
    // The record keeps only the indexed fields; summary, notes and publication are read from the file.
    const data = wholeFrontMatter(join(loaded.root, record.file)) ?? (record.data as FrontMatter);
    const state = states.get(record.file);
    documents.push(state ? { data, state } : { data });
  }
  const rows = trackerRows(documents);
  const spreadsheet = await import('../io/spreadsheet.js');
  if (format === 'xlsx') await spreadsheet.writeTrackerXlsx(out, rows, { group: loaded.settings.group, today });
  else spreadsheet.writeTrackerCsv(out, rows);
  const unreadable = loaded.records.filter((r) => !r.data).map((r) => r.file);
  return { out, rows: rows.length, format, unreadable };
}

/** Returns the format asked for, or the one the file's extension names; refuses a format the extension contradicts. */
function formatOf(given: ExportFormat | undefined, out: string): ExportFormat {
  const extension = extname(out).slice(1).toLowerCase();
  const named = (EXPORT_FORMATS as readonly string[]).includes(extension) ? (extension as ExportFormat) : undefined;
  if (given === undefined) {
    if (named) return named;
    throw new UsageError(`say which file to write: --format xlsx or --format csv (${basename(out)} does not say)`);
  }
  if (named && named !== given)
    throw new UsageError(
      `--format ${given} writes ${given.toUpperCase()}, but ${basename(out)} is named .${extension}; ` +
        `name the file .${given}, or give --format ${named}`,
    );
  return given;
}

/** Refuses an --out that is a folder, or that is inside documents/, where every file is read as a document. */
function refuseOut(out: string, given: string, root: string): void {
  if (isDirectory(out) || given.endsWith('/') || given.endsWith(sep))
    throw new UsageError(`--out ${given} is a folder; name the file to write, such as ${join(given, 'tracker.xlsx')}`);
  // Real paths: a link to documents/ from elsewhere is still documents/.
  const documents = realPath(join(root, 'documents'));
  const target = join(realPath(dirname(out)), basename(out));
  const rel = relative(documents, target);
  const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  if (!outside)
    throw new UsageError(
      `--out ${given} is inside the register's documents/ folder, which holds only documents; ` +
        'write the tracker outside it (the register folder itself will do)',
    );
}

/** Returns the whole front matter of a document file, or undefined when it cannot be read again. */
function wholeFrontMatter(path: string): FrontMatter | undefined {
  const read = readDocument(path);
  if (read.kind !== 'bytes') return undefined;
  const text = decodeUtf8(read.bytes);
  return text === undefined ? undefined : frontMatterData(text);
}
