/** Formatters of the register: table, json, csv, markdown. */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { RegisterRow } from '../core/register-rows.js';
import { printable } from './printable.js';

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
  const esc = (v: string | null) => (v ?? '').replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const lines = [`| ${HEADINGS.join(' | ')} |`, `|${HEADINGS.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${COLUMNS.map((c) => printable(esc(r[c]))).join(' | ')} |`);
  return lines.join('\n') + '\n';
}

/** Returns the rows as a table for the terminal. */
export function registerTable(rows: RegisterRow[], c: ChalkInstance, width: number): string {
  // Fixed columns fit their longest value; the title takes what is left of the terminal.
  const fit = (col: (typeof COLUMNS)[number], heading: string) =>
    Math.max(heading.length, ...rows.map((r) => (r[col] ?? '').length)) + 2;
  const fixed = [
    fit('id', 'Id'),
    fit('type', 'Type'),
    fit('status', 'Status'),
    fit('version', 'Version'),
    fit('owner', 'Owner'),
    12,
    12,
  ];
  const titleWidth = Math.max(24, Math.min(70, width - fixed.reduce((a, b) => a + b, 0) - 9));
  const table = new Table({
    head: HEADINGS.map((h) => c.bold(h)),
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    colWidths: [fixed[0]!, titleWidth, ...fixed.slice(1)],
    wordWrap: true,
  });
  for (const r of rows) table.push(COLUMNS.map((col) => printable(r[col] ?? '')));
  return table.toString() + `\n${rows.length} document${rows.length === 1 ? '' : 's'}\n`;
}
