/** The register as rows (SPEC section 11 shape), filtered and sorted. Pure. */
import { text, type DocRecord } from './document.js';

export interface RegisterRow {
  id: string;
  title: string;
  type: string;
  status: string;
  version: string;
  owner: string;
  approved_on: string | null;
  review_due: string | null;
  file: string;
}

export interface RowFilter {
  type?: string;
  status?: string;
  owner?: string;
}

/** Returns one row per document whose front matter could be read, sorted by id, filtered. */
export function registerRows(records: readonly DocRecord[], filter: RowFilter = {}): RegisterRow[] {
  const rows: RegisterRow[] = [];
  for (const r of records) {
    if (!r.data) continue;
    const d = r.data;
    const row: RegisterRow = {
      id: text(d, 'id') ?? '',
      title: text(d, 'title') ?? '',
      type: text(d, 'type') ?? '',
      status: text(d, 'status') ?? '',
      version: text(d, 'version') ?? (typeof d.version === 'number' ? String(d.version) : ''),
      owner: text(d, 'owner') ?? '',
      approved_on: text(d, 'approval', 'approved_on') ?? null,
      review_due: text(d, 'review', 'due') ?? null,
      file: r.file,
    };
    if (filter.type && row.type !== filter.type) continue;
    if (filter.status && row.status !== filter.status) continue;
    if (filter.owner && row.owner !== filter.owner) continue;
    rows.push(row);
  }
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.file < b.file ? -1 : 1));
}
