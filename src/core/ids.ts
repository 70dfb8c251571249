/** Document ids, file names and slugs. Pure. */
import { TYPE_CODES, type DocumentType } from './document.js';

/** Folders under documents/ by type. */
export const TYPE_FOLDERS: Record<DocumentType, string> = {
  policy: 'policies',
  procedure: 'procedures',
  standard: 'standards',
  form: 'forms',
  protocol: 'protocols',
  guideline: 'guidelines',
  strategy: 'strategies',
  'terms-of-reference': 'terms-of-reference',
  framework: 'frameworks',
};

/** Returns the next free id of a type: one above the highest ever used (ids are never reused). */
export function nextId(prefix: string, type: DocumentType, usedIds: Iterable<string>): string {
  const stem = `${prefix}-${TYPE_CODES[type]}-`;
  let max = 0;
  for (const id of usedIds) {
    if (!id.startsWith(stem)) continue;
    const n = Number(id.slice(stem.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  if (max >= 9999) throw new RangeError(`all ids ${stem}0001 to ${stem}9999 are used`);
  return `${stem}${String(max + 1).padStart(4, '0')}`;
}

/** Returns a file-name slug of a title: plain ASCII letters, digits and hyphens, at most 60 characters, never empty. */
export function slugify(title: string): string {
  const ascii = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '')
    .replace(/&/g, ' and ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = ascii.slice(0, 60);
  if (ascii.length > 60 && slug.includes('-')) slug = slug.slice(0, slug.lastIndexOf('-'));
  slug = slug.replace(/-+$/g, '');
  return slug || 'document';
}

/** Returns the register-relative path of a new document. */
export function documentPath(type: DocumentType, id: string, title: string): string {
  return `documents/${TYPE_FOLDERS[type]}/${id}-${slugify(title)}.md`;
}
