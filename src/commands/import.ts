/**
 * ppp import: a council's tracker spreadsheet into the register, one document per row, created or updated. Every
 * problem is named by its cell; nothing is written unless every row imports (or --skip-invalid writes the rows that
 * do); each document is checked as ppp validate checks it before anything is written; a failed write puts back what
 * was there.
 */
import { basename, join, resolve } from 'node:path';
import { makeContext } from '../core/context.js';
import { text } from '../core/document.js';
import { UsageError } from '../core/errors.js';
import { editFrontMatter, EditError } from '../core/front-matter-edit.js';
import { frontMatterData } from '../core/front-matter.js';
import { documentPath } from '../core/ids.js';
import { renderNewDocument } from '../core/new-document.js';
import { defaultCycleFor } from '../core/settings.js';
import { parseTemplate } from '../core/templates.js';
import { parseMapping } from '../core/tracker.js';
import { planImport, type ImportProblem, type RowPlan } from '../core/tracker-import.js';
import { checkFile } from '../rules/runner.js';
import { realToday } from '../io/clock.js';
import { decodeUtf8, pathExists, readDocument, removePath, writeFileAtomic } from '../io/fs.js';
import { retiredIdsInHistory } from '../io/git.js';
import type { Io } from '../io/io.js';
import { readTemplates } from '../io/register-files.js';
import { readTracker } from '../io/tracker-read.js';
import { loadRegister } from './steps/load-register.js';

export interface ImportOptions {
  register?: string;
  file: string;
  sheet?: string;
  maps?: string[];
  dryRun?: boolean;
  skipInvalid?: boolean;
}

export interface ImportResult {
  file: string;
  sheet: string;
  created: string[];
  updated: string[];
  unchanged: string[];
  problems: ImportProblem[];
  /** What each row does, for the report: row, id, title, action, the fields an update changes. */
  rows: { row: number; id: string; title: string; action: RowPlan['action']; changed: string[]; file: string }[];
  /** Whether files were written (not with --dry-run, nor when a row has a problem without --skip-invalid). */
  written: boolean;
}

/** Imports the tracker and returns what was (or, with --dry-run, would be) created, updated and left alone. */
export async function importTracker(options: ImportOptions, io: Io): Promise<ImportResult> {
  const maps = (options.maps ?? []).map((m) => {
    const parsed = parseMapping(m);
    if ('error' in parsed) throw new UsageError(parsed.error);
    return parsed;
  });
  const loaded = await loadRegister(io, { register: options.register, write: options.dryRun ? undefined : 'import' });
  const { root, settings } = loaded;
  const path = resolve(io.cwd, options.file);
  const sheet = await readTracker(path, options.sheet);
  const existing = loaded.records.flatMap((r) => {
    const read = readDocument(join(root, r.file));
    const data = read.kind === 'bytes' ? frontMatterData(decodeUtf8(read.bytes) ?? '') : undefined;
    if (!data || typeof data.id !== 'string') return [];
    return [{ id: data.id, sourceRef: text(data, 'source_ref'), data, file: r.file }];
  });
  const usedIds = [
    ...existing.map((e) => e.id),
    ...loaded.records.map((r) => /([A-Z][A-Z0-9]{0,9}-[A-Z]{3}-\d{4})/.exec(r.file)?.[1] ?? ''),
    ...(pathExists(join(root, '.git')) ? await retiredIdsInHistory(root) : []),
  ];
  const plan = planImport({
    sheet: sheet.name,
    rows: sheet.rows,
    maps,
    members: loaded.members,
    existing,
    usedIds,
    prefix: settings.id_prefix,
    group: settings.group,
    defaultCycle: (type) => defaultCycleFor(settings, type).text,
  });

  // Each document as it would be written, checked as ppp validate checks it.
  const { compileSchemas } = await import('../core/schema.js');
  const context = makeContext(loaded.contextInput, compileSchemas);
  const templates = new Map(readTemplates(root).map((t) => [t.type, parseTemplate(t.type, t.text, t.source)]));
  const today = realToday(io, settings.timezone);
  const writes: { row: number; file: string; text: string; before?: Buffer }[] = [];
  const problems = plan.problems;
  const fail = (row: number, message: string) =>
    problems.set(row, [...(problems.get(row) ?? []), { cell: `${sheet.name}!${row}`, message }]);
  const rows: ImportResult['rows'] = [];
  for (const p of plan.rows) {
    const before = existing.find((e) => e.id === p.id);
    const file = before?.file ?? (p.type ? documentPath(p.type as never, p.id, p.title) : '');
    rows.push({ row: p.row, id: p.id, title: p.title, action: p.action, changed: Object.keys(p.changes), file });
    if (problems.get(p.row)?.length || p.action === 'unchanged') continue;
    let textAfter: string;
    let bytes: Buffer | undefined;
    try {
      if (before) {
        const read = readDocument(join(root, before.file));
        bytes = read.kind === 'bytes' ? Buffer.from(read.bytes) : undefined;
        textAfter = editFrontMatter(decodeUtf8(bytes ?? Buffer.alloc(0)) ?? '', p.changes);
      } else {
        const template = templates.get(p.type);
        if (!template) {
          fail(p.row, `the register has no template for ${p.type}`);
          continue;
        }
        const fresh = renderNewDocument(template, {
          id: p.id,
          title: p.title,
          type: p.type,
          status: 'drafting',
          owner: String(p.fields.owner ?? ''),
          summary: typeof p.fields.summary === 'string' ? p.fields.summary : undefined,
        });
        textAfter = pointer(editFrontMatter(fresh, p.fields), basename(path), sheet.name, p.row, today, p.fields);
      }
    } catch (error) {
      if (!(error instanceof EditError)) throw error;
      fail(p.row, `its values cannot be written into ${file}: ${error.message}`);
      continue;
    }
    const errors = checkFile(file, textAfter, '', context).problems.filter(
      (x: { severity: string }) => x.severity === 'error',
    );
    for (const e of errors) fail(p.row, `${p.id} would not validate: ${e.message} (${e.rule})`);
    if (!errors.length) writes.push({ row: p.row, file, text: textAfter, before: bytes });
  }

  const all = [...problems.entries()].sort((a, b) => a[0] - b[0]).flatMap(([, list]) => list);
  const bad = new Set([...problems.entries()].filter(([, l]) => l.length).map(([r]) => r));
  const ok = (r: { row: number }) => !bad.has(r.row);
  const result: ImportResult = {
    file: path,
    sheet: sheet.name,
    created: rows.filter((r) => r.action === 'create' && ok(r)).map((r) => r.id),
    updated: rows.filter((r) => r.action === 'update' && ok(r)).map((r) => r.id),
    unchanged: rows.filter((r) => r.action === 'unchanged' && ok(r)).map((r) => r.id),
    problems: all,
    rows,
    written: false,
  };
  if (options.dryRun || (all.length && !options.skipInvalid) || problems.get(0)?.length) return result;
  writeAll(root, writes.filter(ok));
  result.written = true;
  return result;
}

/** Writes every file, or (should one fail) none: files created are removed and files changed are put back. */
function writeAll(root: string, writes: readonly { file: string; text: string; before?: Buffer }[]): void {
  const done: { file: string; text: string; before?: Buffer }[] = [];
  try {
    for (const w of writes) {
      writeFileAtomic(join(root, w.file), w.text, { exclusive: w.before === undefined });
      done.push(w);
    }
  } catch (error) {
    for (const w of done.reverse()) {
      if (w.before === undefined) removePath(join(root, w.file));
      else writeFileAtomic(join(root, w.file), w.before);
    }
    throw error;
  }
}

/** Puts a paragraph under the title saying where the document came from and where its approved text is. */
function pointer(
  doc: string,
  file: string,
  sheet: string,
  row: number,
  today: string,
  fields: Record<string, unknown>,
): string {
  const link = (fields.publication as { intranet?: string } | undefined)?.intranet;
  const note =
    `Imported on ${today} from ${file} (${sheet}, row ${row}). ` +
    (link
      ? `The text approved before the register used ppp is at <${link}>; copy it into the sections below.`
      : 'Copy the text approved before the register used ppp into the sections below.');
  // The title is the body's first heading: the front matter's comments start with "# " too.
  const end = doc.indexOf('\n---\n', 4) + 5;
  return doc.slice(0, end) + doc.slice(end).replace(/^(# .*\n)/m, (title) => `${title}\n${note}\n`);
}
