/**
 * The document model: types and their id codes, statuses, approval routes, the fields that link
 * documents and which types govern which, and the record of a document as ppp reads it. Pure.
 */
import type { Positions } from './front-matter.js';
import type { Problem } from './problem.js';

export const DOCUMENT_TYPES = [
  'policy',
  'procedure',
  'standard',
  'form',
  'protocol',
  'guideline',
  'strategy',
  'terms-of-reference',
  'framework',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The code of a type in ids (a procedure is PREFIX-PRO-NNNN). */
export const TYPE_CODES: Record<DocumentType, string> = {
  policy: 'POL',
  procedure: 'PRO',
  standard: 'STD',
  form: 'FRM',
  protocol: 'PRT',
  guideline: 'GDL',
  strategy: 'STR',
  'terms-of-reference': 'TOR',
  framework: 'QAF',
};

/** Returns true when the value names a document type. */
export function isDocumentType(value: unknown): value is DocumentType {
  return typeof value === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(value);
}

export const STATUSES = [
  'proposed',
  'drafting',
  'submitted',
  'approved',
  'interim',
  'under-review',
  'superseded',
  'archived',
  'withdrawn',
] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses of a document in force: it carries its approval and review fields. */
export const IN_FORCE: ReadonlySet<string> = new Set<Status>(['approved', 'interim']);
/**
 * Statuses of a document that has left the register's active life: it has no review state and is never approved again.
 */
export const RETIRED: ReadonlySet<string> = new Set<Status>(['superseded', 'archived', 'withdrawn']);
/** Statuses at which a document must be complete: on an agenda or in force. */
export const COMPLETE: ReadonlySet<string> = new Set<Status>(['submitted', 'approved', 'interim', 'under-review']);

export const ROUTES = ['ppp', 'director', 'interim', 'cabinet', 'partnership', 'virtual'] as const;
export type Route = (typeof ROUTES)[number];

/** The fields that link to other documents. */
export const LINK_FIELDS = ['governed_by', 'read_with', 'supersedes', 'related_forms'] as const;

/** The types a type must be governed by (Dorset's hierarchy: policy, then procedure, then standard or form). */
export const GOVERNORS: Readonly<Record<string, readonly DocumentType[]>> = {
  procedure: ['policy'],
  standard: ['policy', 'procedure'],
  form: ['procedure', 'policy'],
};

/** Front matter as read from a file: plain YAML data. */
export type FrontMatter = Readonly<Record<string, unknown>>;

/**
 * The front matter fields a record keeps: what register rules and the register's listings
 * read. The rest is read from the file by the commands that need it, which keeps the cache
 * small enough to load in a fraction of the time it takes to read the files.
 */
export const INDEX_FIELDS = [
  'id',
  'title',
  'type',
  'status',
  'version',
  'owner',
  'sponsor',
  'authors',
  'scope',
  'governed_by',
  'read_with',
  'supersedes',
  'related_forms',
  'approval',
  'review',
  'submission',
  'proposal',
] as const;
export type IndexField = (typeof INDEX_FIELDS)[number];

/** The front matter a record keeps: reading a field that is not kept is a compile error, not a silent undefined. */
export type IndexedFrontMatter = { readonly [K in IndexField]?: unknown };

/** A document as the register sees it: its index fields, where each key is, and its own problems. */
export interface DocRecord {
  /** Relative to the register root, forward slashes. */
  file: string;
  /** sha1 of the file's bytes. */
  hash: string;
  /** The front matter's index fields, or null when it could not be read as plain YAML data. */
  data: IndexedFrontMatter | null;
  /** As JSON text when read from the cache: parsed only when a register rule reports (positionsOf). */
  positions: Positions | string;
  /** Problems of the file alone (parse, schema and document rules); cached with the file. */
  problems: Problem[];
}

/** A record whose front matter could be read. */
export type ReadableRecord = DocRecord & { data: IndexedFrontMatter };

/** Returns the index fields of whole front matter. */
export function indexFields(data: FrontMatter): IndexedFrontMatter {
  const index: Record<string, unknown> = {};
  for (const field of INDEX_FIELDS) if (Object.prototype.hasOwnProperty.call(data, field)) index[field] = data[field];
  return index;
}

/** Returns the field at key (then path, inside it) as text, or undefined. */
export function text<T extends object>(data: T, key: keyof T & string, ...path: string[]): string | undefined {
  const v = get(data, [key, ...path]);
  return typeof v === 'string' ? v : undefined;
}

/** Returns the field as a list of strings (other entries dropped), or []. */
export function list<T extends object>(data: T, key: keyof T & string): string[] {
  const v = (data as Record<string, unknown>)[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Returns the nested value at path, or undefined. */
export function get(data: object, path: readonly string[]): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** Returns the document's id, or '' when it has none. */
export function idOf(data: IndexedFrontMatter): string {
  return typeof data.id === 'string' ? data.id : '';
}

/** Returns the document's status as text ('' when it has none). */
export function statusOf(data: IndexedFrontMatter): string {
  return typeof data.status === 'string' ? data.status : '';
}

/** Returns a record's key positions, parsing them on first use when they came from the cache as text. */
export function positionsOf(record: DocRecord): Positions {
  if (typeof record.positions === 'string') record.positions = JSON.parse(record.positions) as Positions;
  return record.positions;
}

/** Returns true for a proposal for a new document: status proposed, or submitted as a proposal. */
export function isProposal(data: IndexedFrontMatter): boolean {
  return data.status === 'proposed' || (data.status === 'submitted' && text(data, 'submission', 'kind') === 'proposal');
}
