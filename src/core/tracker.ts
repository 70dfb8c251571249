/**
 * A council's policy tracker (the spreadsheet a register is kept in before ppp): its columns, the common names its
 * headers go by, and how a cell's text becomes a front matter value. ppp import reads a tracker through this table and
 * ppp export writes one with it, so that exporting and importing again changes nothing. Pure.
 */
import { isIsoDate, type IsoDate } from './calendar.js';
import { DOCUMENT_TYPES } from './document.js';

/** A column of the tracker: its header as ppp writes it, the front matter path it holds, and other names for it. */
export interface TrackerColumn {
  header: string;
  /** Front matter path ('review.due'); '' for a column ppp writes but never reads (review state). */
  field: string;
  kind: 'text' | 'date' | 'type' | 'status' | 'member' | 'cycle' | 'ids' | 'version' | 'eqia';
  /** Other headers that mean this column, compared case-insensitively with spaces and punctuation folded. */
  aliases: string[];
}

export const TRACKER_COLUMNS: readonly TrackerColumn[] = [
  { header: 'Ref', field: 'id', kind: 'text', aliases: ['reference', 'ref no', 'document ref', 'id', 'policy ref'] },
  {
    header: 'Title',
    field: 'title',
    kind: 'text',
    aliases: ['policy title', 'document title', 'name', 'document name', 'policy name', 'procedure title'],
  },
  { header: 'Type', field: 'type', kind: 'type', aliases: ['document type', 'category', 'policy type'] },
  { header: 'Status', field: 'status', kind: 'status', aliases: ['current status', 'policy status'] },
  { header: 'Version', field: 'version', kind: 'version', aliases: ['version number', 'ver', 'version no'] },
  {
    header: 'Owner',
    field: 'owner',
    kind: 'member',
    aliases: [
      'lead officer',
      'document owner',
      'document manager',
      'policy owner',
      'responsible officer',
      'policy lead',
      'lead',
      'author',
    ],
  },
  {
    header: 'Sponsor',
    field: 'sponsor',
    kind: 'member',
    aliases: ['document sponsor', 'senior sponsor', 'executive sponsor', 'accountable officer'],
  },
  { header: 'Scope', field: 'scope', kind: 'text', aliases: ['applies to', 'service or partnership'] },
  {
    header: 'Governed by',
    field: 'governed_by',
    kind: 'ids',
    aliases: ['parent policy', 'governing policy', 'parent document', 'under policy'],
  },
  {
    header: 'Authority',
    field: 'authority',
    kind: 'text',
    aliases: ['implemented under', 'by authority of', 'authorised by'],
  },
  { header: 'Body', field: 'body', kind: 'text', aliases: ['committee', 'group constituted', 'constituted body'] },
  {
    header: 'Approved by',
    field: 'approval.approved_by',
    kind: 'text',
    aliases: ['approving body', 'approval body', 'ratified by', 'signed off by'],
  },
  { header: 'Route', field: 'approval.route', kind: 'text', aliases: ['approval route'] },
  {
    header: 'Date approved',
    field: 'approval.approved_on',
    kind: 'date',
    aliases: ['approval date', 'approved on', 'date of approval', 'date ratified', 'last approved', 'approved'],
  },
  {
    header: 'Review frequency',
    field: 'review.cycle',
    kind: 'cycle',
    aliases: ['review cycle', 'review period', 'frequency of review', 'review interval'],
  },
  {
    header: 'Review date',
    field: 'review.due',
    kind: 'date',
    aliases: ['next review due', 'review due', 'next review', 'next review date', 'review due date', 'date of review'],
  },
  { header: 'Review state', field: '', kind: 'text', aliases: ['rag', 'rag status'] },
  {
    header: 'Equality impact assessment',
    field: 'eqia',
    kind: 'eqia',
    aliases: ['eqia', 'eia', 'eqia status', 'equality impact', 'equalities impact assessment'],
  },
  { header: 'Summary', field: 'summary', kind: 'text', aliases: ['purpose', 'description', 'brief description'] },
  {
    header: 'Link',
    field: 'publication.intranet',
    kind: 'text',
    aliases: ['location', 'url', 'hyperlink', 'document link', 'link to document', 'where published'],
  },
  { header: 'Notes', field: 'notes', kind: 'text', aliases: ['comments', 'comment', 'note', 'remarks'] },
];

/** Folds a header for matching: lower case, punctuation and runs of space made one space. */
export function foldHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Returns the column a header means, by its header or a common name, or undefined. */
export function columnFor(header: string): TrackerColumn | undefined {
  const folded = foldHeader(header);
  if (!folded) return undefined;
  return TRACKER_COLUMNS.find((c) => foldHeader(c.header) === folded || c.aliases.includes(folded));
}

/** Returns the column a --map "Header=field" names, or a message saying what is wrong with it. */
export function parseMapping(text: string): { header: string; column: TrackerColumn } | { error: string } {
  const at = text.lastIndexOf('=');
  if (at <= 0 || at === text.length - 1)
    return { error: `--map "${text}" is not Column=field; write it like --map "Lead officer=owner"` };
  const header = text.slice(0, at).trim();
  const field = text.slice(at + 1).trim();
  const column = TRACKER_COLUMNS.find((c) => c.field === field && c.field !== '');
  if (!column)
    return {
      error:
        `--map "${text}": ${field} is not a field ppp imports; use one of ` +
        TRACKER_COLUMNS.filter((c) => c.field)
          .map((c) => c.field)
          .join(', '),
    };
  return { header, column };
}

const TYPE_WORDS: Record<string, string> = {
  policy: 'policy',
  policies: 'policy',
  procedure: 'procedure',
  procedures: 'procedure',
  process: 'procedure',
  standard: 'standard',
  standards: 'standard',
  'practice standard': 'standard',
  form: 'form',
  template: 'form',
  protocol: 'protocol',
  guidance: 'guideline',
  guideline: 'guideline',
  guidelines: 'guideline',
  'practice guidance': 'guideline',
  strategy: 'strategy',
  'terms of reference': 'terms-of-reference',
  tor: 'terms-of-reference',
  framework: 'framework',
  'quality assurance framework': 'framework',
};

const STATUS_WORDS: Record<string, string> = {
  approved: 'approved',
  current: 'approved',
  live: 'approved',
  'in date': 'approved',
  published: 'approved',
  ratified: 'approved',
  'in force': 'approved',
  interim: 'interim',
  'interim approval': 'interim',
  draft: 'drafting',
  drafting: 'drafting',
  'in draft': 'drafting',
  'in development': 'drafting',
  'under review': 'under-review',
  'being reviewed': 'under-review',
  'in review': 'under-review',
  'review in progress': 'under-review',
  submitted: 'submitted',
  proposed: 'proposed',
  superseded: 'superseded',
  archived: 'archived',
  withdrawn: 'withdrawn',
  retired: 'archived',
};

/** Returns the document type a cell names (Policy, Guidance, ToR…), or undefined. */
export function typeOf(text: string): string | undefined {
  const folded = foldHeader(text);
  const word = TYPE_WORDS[folded] ?? folded.replace(/ /g, '-');
  return (DOCUMENT_TYPES as readonly string[]).includes(word) ? word : undefined;
}

/** Returns the status a cell names (Current, Draft, Under review…), or undefined. */
export function statusOf(text: string): string | undefined {
  return STATUS_WORDS[foldHeader(text)];
}

/**
 * Returns the ISO date a cell's text means: YYYY-MM-DD, or the UK's DD/MM/YYYY (D/M/YYYY, with / . or -); never the
 * US order. A date that does not exist (31/02/2026, 02/13/2026) is an error naming why.
 */
export function dateOf(text: string): { date: IsoDate } | { error: string } {
  const t = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) {
    return isIsoDate(t) ? { date: t } : { error: `${t} is not a real date` };
  }
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!uk) return { error: `"${t}" is not a date; write it DD/MM/YYYY or YYYY-MM-DD` };
  const [, d, m, y] = uk;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  if (Number(m) > 12)
    return { error: `${t} has no month ${m}: dates are read day first (DD/MM/YYYY), never in the US order` };
  return isIsoDate(iso) ? { date: iso } : { error: `${t} is not a real date (day ${Number(d)} of month ${Number(m)})` };
}

/** Returns the review cycle a cell means ("3 years", "Annually", "Every 2 years", "18 months", "3"), or undefined. */
export function cycleOf(text: string): string | undefined {
  const t = foldHeader(text);
  const words: Record<string, string> = {
    annual: '1 year',
    annually: '1 year',
    yearly: '1 year',
    'every year': '1 year',
    biennial: '2 years',
    biennially: '2 years',
    triennial: '3 years',
    triennially: '3 years',
  };
  if (words[t]) return words[t];
  const m = /^(?:every )?(\d{1,3})(?: (years?|yrs?|months?|mths?))?$/.exec(t);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (n === 0) return undefined;
  const unit = m[2]?.startsWith('m') ? 'month' : 'year';
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** Returns the cell's text as a spreadsheet must be given it so that none runs it as a formula (=, +, -, @ first). */
export function inertCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Undoes inertCell on import: a leading apostrophe before =, +, - or @ was put there by an export. */
export function fromInertCell(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

export type Eqia =
  { status: 'completed'; on: IsoDate } | { status: 'not-required'; reason: string } | { status: 'pending' };

/**
 * Returns the equality impact assessment a cell records: "Completed 12/03/2024", "Not required: reason", "Pending";
 * a completed one needs its date, a not-required one its reason.
 */
export function eqiaOf(text: string): { eqia: Eqia } | { error: string } {
  const t = text.trim();
  const done = /^(?:completed?|done|yes)\b[\s:,-]*(.*)$/i.exec(t);
  if (done) {
    const date = dateOf(done[1]!);
    return 'date' in date
      ? { eqia: { status: 'completed', on: date.date } }
      : { error: `"${t}" says the assessment was completed but not when; write it like Completed 12/03/2024` };
  }
  const notRequired = /^(?:not required|n\/?a|not needed)\b[\s:,-]*(.*)$/i.exec(t);
  if (notRequired)
    return notRequired[1]!.trim()
      ? { eqia: { status: 'not-required', reason: notRequired[1]!.trim() } }
      : { error: `"${t}" says no assessment was needed but not why; write it like Not required: a form only` };
  if (/^(?:pending|no|to do|in progress)$/i.test(t)) return { eqia: { status: 'pending' } };
  return {
    error: `"${t}" is not an equality impact assessment; write Completed DD/MM/YYYY, Not required: why, or Pending`,
  };
}

/** Returns the cell text of an equality impact assessment, as eqiaOf reads it. */
export function eqiaText(eqia: unknown, ukDate: (iso: string) => string): string {
  const e = (eqia ?? {}) as Record<string, unknown>;
  if (e.status === 'completed') return `Completed ${typeof e.on === 'string' ? ukDate(e.on) : ''}`.trim();
  if (e.status === 'not-required') return `Not required: ${String(e.reason ?? '')}`;
  if (e.status === 'pending') return 'Pending';
  return '';
}
