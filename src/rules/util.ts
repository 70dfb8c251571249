/** Small readers of front matter shared by rules. */
import type { FrontMatter } from './types.js';

/** Returns the field as text, or undefined. */
export function text(data: FrontMatter, ...path: string[]): string | undefined {
  const v = get(data, path);
  return typeof v === 'string' ? v : undefined;
}

/** Returns the field as a list of strings (other entries dropped), or []. */
export function list(data: FrontMatter, field: string): string[] {
  const v = data[field];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** Returns the nested value at path, or undefined. */
export function get(data: FrontMatter, path: readonly string[]): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** Statuses whose documents are in force and must carry approval and review fields. */
export const IN_FORCE = new Set(['approved', 'interim']);
/** Statuses that have left the register's active life. */
export const RETIRED = new Set(['superseded', 'archived', 'withdrawn']);
/** Statuses at which a document must be complete: on an agenda or in force. */
export const COMPLETE = new Set(['submitted', 'approved', 'interim', 'under-review']);

/** The fields that link to other documents. */
export const LINK_FIELDS = ['governed_by', 'read_with', 'supersedes', 'related_forms'] as const;
