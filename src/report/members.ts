/** The members as a table. */
import type { ChalkInstance } from 'chalk';
import type { Member } from '../core/members.js';
import { count } from './count.js';
import { printable } from './printable.js';
import { renderTable, type Column } from './table.js';

/** Returns the members as a table that fits the width (names and titles wrapped, nothing else cut), and a count. */
export function membersTable(members: Member[], c: ChalkInstance, width: number): string {
  const columns: Column[] = [
    { head: 'Id' },
    { head: 'Name', kind: 'text', max: 30 },
    { head: 'Role' },
    { head: 'Title or organisation', kind: 'text', max: 40 },
    { head: 'E-mail' },
    { head: 'Voting' },
  ];
  const cells = members.map((m) =>
    [m.id, m.name, m.role, m.title ?? m.organisation ?? '', m.email ?? '', m.voting ? 'yes' : 'no'].map(printable),
  );
  const table = members.length ? renderTable(columns, cells, { width, head: (h) => c.bold(h) }) + '\n' : '';
  return `${table}${count(members.length, 'member')}\n`;
}
