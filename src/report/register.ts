/** Formatters of the register: table, json, csv, markdown. */
import type { ChalkInstance } from 'chalk';
import type { RegisterRow } from '../core/register-rows.js';
import { count } from './count.js';
import { markdownText, printable } from './printable.js';
import { renderTable, type Column } from './table.js';

const COLUMNS = ['id', 'title', 'type', 'status', 'version', 'owner', 'approved_on', 'review_due'] as const;
const HEADINGS = ['Id', 'Title', 'Type', 'Status', 'Version', 'Owner', 'Approved', 'Review due'];

/** Returns the rows as JSON (SPEC section 11). */
export function registerJson(rows: RegisterRow[]): string {
  return JSON.stringify(rows, null, 2) + '\n';
}

/** Returns the rows as RFC 4180 CSV with a header line. */
export function registerCsv(rows: RegisterRow[]): string {
  const cols = [...COLUMNS, 'file'] as const;
  const cell = (v: string | null) => {
    const s = v ?? '';
    // A leading = + - @ would run as a formula in a spreadsheet; a quote mark keeps it text.
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return [cols.join(','), ...rows.map((r) => cols.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}

/** Returns the rows as a markdown table. */
export function registerMarkdown(rows: RegisterRow[]): string {
  const lines = [`| ${HEADINGS.join(' | ')} |`, `|${HEADINGS.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${COLUMNS.map((c) => markdownText(r[c] ?? '')).join(' | ')} |`);
  return lines.join('\n') + '\n';
}

/** Returns the rows as a table that fits the terminal's width (titles wrapped, nothing else cut), and a count. */
export function registerTable(rows: RegisterRow[], c: ChalkInstance, width: number): string {
  const columns: Column[] = HEADINGS.map((head, i) =>
    COLUMNS[i] === 'title' ? { head, kind: 'text', max: 70 } : { head },
  );
  const table = rows.length
    ? renderTable(
        columns,
        rows.map((r) => COLUMNS.map((col) => printable(r[col] ?? ''))),
        { width, head: (h) => c.bold(h) },
      ) + '\n'
    : '';
  return `${table}${count(rows.length, 'document')}\n`;
}
