/**
 * What ppp import makes of a tracker's rows: for each, the document it creates or updates and the front matter it
 * gives it, or the problems of its cells (named Sheet!B7). Nothing here writes: the command writes only a plan with no
 * problem (or, with --skip-invalid, the rows without one). Pure.
 */
import { isIsoDate } from './calendar.js';
import { TYPE_CODES, type DocumentType } from './document.js';
import { addDuration, parseDuration } from './duration.js';
import { nextId } from './ids.js';
import type { Member } from './members.js';
import { closest } from './text.js';
import { columnFor, cycleOf, dateOf, eqiaOf, fromInertCell, statusOf, typeOf, type TrackerColumn } from './tracker.js';

export interface ImportCell {
  text: string;
  date?: string;
  formula?: boolean;
  link?: string;
}

export interface ImportProblem {
  /** Sheet!B7, or Sheet!7 for a whole row. */
  cell: string;
  message: string;
}

export interface ExistingDocument {
  id: string;
  /** The reference the document had in the tracker it was imported from (source_ref). */
  sourceRef?: string;
  data: Record<string, unknown>;
}

export interface ImportInput {
  sheet: string;
  rows: ReadonlyMap<number, ReadonlyMap<number, ImportCell>>;
  /** --map "Header=field", parsed. */
  maps: readonly { header: string; column: TrackerColumn }[];
  members: readonly Member[];
  existing: readonly ExistingDocument[];
  /** Every id in use or used before (retired documents too), so a new id is never one given before. */
  usedIds: readonly string[];
  prefix: string;
  /** The group's name, for approval.approved_by when the tracker names none. */
  group: string;
  defaultCycle: (type: string) => string;
}

export interface RowPlan {
  row: number;
  id: string;
  type: string;
  title: string;
  action: 'create' | 'update' | 'unchanged';
  /** The front matter the row gives (paths like review.due), complete for a new document. */
  fields: Record<string, unknown>;
  /** For an update: the fields whose values change. */
  changes: Record<string, unknown>;
}

export interface ImportPlan {
  headerRow: number;
  rows: RowPlan[];
  /** Problems by row (0 for the sheet as a whole). */
  problems: Map<number, ImportProblem[]>;
}

/** Returns what importing the sheet would do. */
export function planImport(input: ImportInput): ImportPlan {
  const problems = new Map<number, ImportProblem[]>();
  const add = (row: number, cell: string, message: string) =>
    problems.set(row, [...(problems.get(row) ?? []), { cell: `${input.sheet}!${cell}`, message }]);
  const header = findHeader(input);
  if (!header) {
    add(
      0,
      '1',
      'no header row names a title column (in the first 20 rows); name it "Title" or pass --map "Your header=title"',
    );
    return { headerRow: 0, rows: [], problems };
  }
  const columns = header.columns;
  const colOf = (field: string) => [...columns].find(([, c]) => c.field === field)?.[0];
  const refCol = colOf('id');
  const titleCol = colOf('title')!;
  const byRef = new Map<string, number>();
  const used = [...input.usedIds];
  const existingById = new Map(input.existing.map((e) => [e.id, e]));
  const existingByRef = new Map(input.existing.filter((e) => e.sourceRef).map((e) => [e.sourceRef!, e]));
  const idPattern = new RegExp(`^${escapeRegExp(input.prefix)}-([A-Z]{3})-\\d{4}$`);
  const planned: (RowPlan & { governors: { ref: string; cell: string } | undefined })[] = [];

  for (const [rowNumber, cells] of [...input.rows].filter(([n]) => n > header.row).sort((a, b) => a[0] - b[0])) {
    const ref = (col: number | undefined) => (col === undefined ? '' : `${letters(col)}${rowNumber}`);
    const value = (field: string): ImportCell | undefined => {
      const col = colOf(field);
      const cell = col === undefined ? undefined : cells.get(col);
      if (cell?.formula) {
        add(rowNumber, ref(col), 'holds a formula; ppp imports values: copy the column and paste it back as values');
        return undefined;
      }
      return cell ? { ...cell, text: fromInertCell(cell.text) } : undefined;
    };
    if ([...cells.keys()].every((c) => !columns.has(c))) continue;
    const fields: Record<string, unknown> = {};
    const fail = (field: string, message: string) => add(rowNumber, ref(colOf(field)) || String(rowNumber), message);

    const title = value('title')?.text.replace(/\s+/g, ' ').trim() ?? '';
    if (!title) add(rowNumber, ref(titleCol), 'has no title; every document needs one');
    fields.title = title;

    const refText = value('id')?.text.trim() ?? '';
    const idMatch = idPattern.exec(refText);
    if (refText) {
      const seen = byRef.get(refText);
      if (seen !== undefined)
        add(rowNumber, ref(refCol), `the ref ${refText} is also on row ${seen}; each document has its own ref`);
      else byRef.set(refText, rowNumber);
    }

    let type = value('type') ? typeOf(value('type')!.text) : undefined;
    if (value('type') && !type)
      fail('type', `"${value('type')!.text}" is not a type ppp knows (policy, procedure, guidance, form, …)`);
    if (!type && idMatch) type = Object.entries(TYPE_CODES).find(([, code]) => code === idMatch[1])?.[0];
    if (!type && !value('type'))
      fail('title', 'says no type: add a Type column (policy, procedure, guidance, form, …)');
    if (type && idMatch && TYPE_CODES[type as DocumentType] !== idMatch[1])
      add(rowNumber, ref(refCol), `the ref ${refText} is not the ref of a ${type}`);
    fields.type = type ?? '';

    const approvedOn = dateCell(value('approval.approved_on'), (m) => fail('approval.approved_on', m));
    const statusText = value('status')?.text;
    const status = statusText ? statusOf(statusText) : approvedOn ? 'approved' : 'drafting';
    if (!status) fail('status', `"${statusText}" is not a status ppp knows (approved, draft, under review, …)`);
    fields.status = status ?? '';
    const inForce = status === 'approved' || status === 'interim' || status === 'under-review';

    const versionText = value('version')?.text.trim();
    if (versionText !== undefined && !/^\d{1,3}(\.\d{1,3})?$/.test(versionText))
      fail('version', `"${versionText}" is not a version; write it like 2.0`);
    fields.version =
      versionText && /^\d{1,3}(\.\d{1,3})?$/.test(versionText)
        ? versionText.includes('.')
          ? versionText
          : `${versionText}.0`
        : inForce
          ? '1.0'
          : '0.1';

    for (const field of ['owner', 'sponsor'] as const) {
      const cell = value(field);
      if (!cell) {
        if (field === 'owner') fail('title', 'says no owner: add an Owner (or Lead officer) column');
        continue;
      }
      const member = memberFor(cell.text, input.members);
      if (typeof member === 'string') fields[field] = member;
      else fail(field, member.error);
    }

    const scope = value('scope')?.text;
    if (scope !== undefined) {
      const s = /partner|multi|joint/i.test(scope)
        ? 'partnership'
        : /service|council|single/i.test(scope)
          ? 'service'
          : '';
      if (!s) fail('scope', `"${scope}" is not a scope; write Service or Partnership`);
      fields.scope = s;
    } else if (type === 'policy') fields.scope = 'service';

    const governors = value('governed_by')?.text.trim();

    if (inForce) {
      if (!approvedOn && !value('approval.approved_on'))
        fail(value('approval.approved_on') ? 'approval.approved_on' : 'title', 'is in force but has no date approved');
      const by = value('approval.approved_by')?.text.trim() || input.group;
      const routeText = value('approval.route')?.text.trim().toLowerCase();
      const route = routeText || routeOf(by, input.group);
      fields.approval = { route, approved_on: approvedOn ?? '', approved_by: by };
      const cycleText = value('review.cycle')?.text;
      const cycle = cycleText ? cycleOf(cycleText) : input.defaultCycle(type ?? '');
      if (cycleText && !cycle)
        fail('review.cycle', `"${cycleText}" is not a review frequency; write it like "3 years"`);
      const due =
        dateCell(value('review.due'), (m) => fail('review.due', m)) ??
        (approvedOn && cycle ? dueAfter(approvedOn, cycle) : undefined);
      fields.review = { cycle: cycle ?? '', due: due ?? '' };
    }
    const eqiaCell = value('eqia');
    if (eqiaCell) {
      const e = eqiaOf(eqiaCell.text);
      if ('error' in e) fail('eqia', e.error);
      else fields.eqia = e.eqia;
    } else if (inForce && /^[01]\./.test(String(fields.version)))
      fail(
        'title',
        'is a first version in force, which needs its equality impact assessment: add an "Equality impact ' +
          'assessment" column (Completed DD/MM/YYYY, or Not required: why)',
      );
    if (inForce && !value('summary')?.text.trim())
      fail(value('summary') ? 'summary' : 'title', 'is in force but has no summary: add a Summary (or Purpose) column');
    for (const field of ['summary', 'notes', 'authority', 'body'] as const) {
      const t = value(field)?.text.trim();
      if (t) fields[field] = t;
    }
    const link = value('publication.intranet');
    if (link && (link.link ?? link.text).trim()) fields.publication = { intranet: (link.link ?? link.text).trim() };

    const match =
      (idMatch ? existingById.get(refText) : undefined) ?? (refText ? existingByRef.get(refText) : undefined);
    let id = match?.id ?? (idMatch ? refText : '');
    if (!id && type && (problems.get(rowNumber) ?? []).length === 0) {
      try {
        id = nextId(input.prefix, type as DocumentType, used);
      } catch (error) {
        fail('title', (error as Error).message);
      }
    }
    if (id) used.push(id);
    if (refText && !idMatch) fields.source_ref = refText;
    const changes = match ? changedFields(match.data, fields) : fields;
    planned.push({
      row: rowNumber,
      id,
      type: type ?? '',
      title,
      action: match ? (Object.keys(changes).length ? 'update' : 'unchanged') : 'create',
      fields,
      changes,
      governors: governors ? { ref: governors, cell: ref(colOf('governed_by')) } : undefined,
    });
  }

  // Governing documents, by ppp id or by the tracker's own ref of a row in this sheet or an earlier import.
  const idOfRef = new Map<string, string>();
  for (const p of planned) for (const [r, n] of byRef) if (n === p.row) idOfRef.set(r, p.id);
  for (const e of input.existing) if (e.sourceRef) idOfRef.set(e.sourceRef, e.id);
  for (const p of planned) {
    if (!p.governors) continue;
    const ids: string[] = [];
    for (const r of p.governors.ref.split(/\s*[,;]\s*/).filter(Boolean)) {
      const id = idOfRef.get(r) || (idPattern.test(r) ? r : undefined);
      if (id) ids.push(id);
      else if (byRef.has(r))
        add(p.row, p.governors.cell, `names ${r} (row ${byRef.get(r)}), which cannot be imported as it is`);
      else
        add(p.row, p.governors.cell, `names ${r}, which is neither a ref in this sheet nor a document of the register`);
    }
    p.fields.governed_by = ids;
    const existing = input.existing.find((e) => e.id === p.id);
    p.changes = existing ? changedFields(existing.data, p.fields) : p.fields;
    if (existing) p.action = Object.keys(p.changes).length ? 'update' : 'unchanged';
  }
  return { headerRow: header.row, rows: planned.map(({ governors: _g, ...rest }) => rest), problems };
}

/** Finds the header row: the first (of 20) that names a title column and at least one other. */
function findHeader(input: ImportInput): { row: number; columns: Map<number, TrackerColumn> } | undefined {
  const rows = [...input.rows].sort((a, b) => a[0] - b[0]).slice(0, 20);
  for (const [number, cells] of rows) {
    const columns = new Map<number, TrackerColumn>();
    for (const [col, cell] of cells) {
      const mapped = input.maps.find((m) => m.header.toLowerCase() === cell.text.trim().toLowerCase())?.column;
      const column = mapped ?? columnFor(cell.text);
      if (column && ![...columns.values()].includes(column)) columns.set(col, column);
    }
    if ([...columns.values()].some((c) => c.field === 'title') && columns.size >= 2) return { row: number, columns };
  }
  return undefined;
}

/** Returns the member a cell names by id, name or e-mail, or why none matches (with the closest names). */
function memberFor(text: string, members: readonly Member[]): string | { error: string } {
  const t = text.trim().toLowerCase();
  const found = members.find(
    (m) => m.id.toLowerCase() === t || m.name.toLowerCase() === t || (m.email ?? '').toLowerCase() === t,
  );
  if (found) return found.id;
  // Names as members.yaml writes them, and without a bracketed note ("Jo Bloggs (interim)").
  const bare = (name: string) => name.replace(/\s*\(.*\)\s*$/, '');
  const byBare = members.find((m) => bare(m.name).toLowerCase() === t);
  if (byBare) return byBare.id;
  const near = closest(text, [...members.map((m) => m.name), ...members.map((m) => bare(m.name))]);
  const nearMember = near ? members.find((m) => m.name === near || bare(m.name) === near) : undefined;
  return {
    error:
      `names "${text}", who is not in members.yaml` +
      (nearMember ? ` (the closest is ${nearMember.name})` : '') +
      '; add them with their id, name and e-mail, or write their name as members.yaml has it',
  };
}

function dateCell(cell: ImportCell | undefined, fail: (message: string) => void): string | undefined {
  if (!cell) return undefined;
  if (cell.date && isIsoDate(cell.date)) return cell.date;
  const parsed = dateOf(cell.text);
  if ('error' in parsed) {
    fail(parsed.error);
    return undefined;
  }
  return parsed.date;
}

function dueAfter(on: string, cycle: string): string | undefined {
  const d = parseDuration(cycle);
  return d.ok ? addDuration(on, d.value) : undefined;
}

/** The route an approving body's name implies: the group, cabinet, a director, the partnership. */
function routeOf(by: string, group: string): string {
  const b = by.toLowerCase();
  if (b === group.toLowerCase() || /\bgroup\b|\bppp\b/.test(b)) return 'ppp';
  if (/cabinet|council\b/.test(b)) return 'cabinet';
  if (/director|head of service/.test(b)) return 'director';
  if (/partnership|board|safeguarding children/.test(b)) return 'partnership';
  return 'ppp';
}

/** Returns the fields of next whose values differ from the document's (compared as JSON, key order ignored). */
export function changedFields(data: Record<string, unknown>, next: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const isObject = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  for (const [k, v] of Object.entries(next)) {
    // A block the tracker gives only part of (approval without its meeting) keeps the rest of what the document has.
    const merged = isObject(data[k]) && isObject(v) ? { ...(data[k] as Record<string, unknown>), ...v } : v;
    if (canonical(data[k]) !== canonical(merged)) out[k] = merged;
  }
  return out;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${k}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value === undefined ? null : String(value));
}

function letters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
