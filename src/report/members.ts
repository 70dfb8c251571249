/** The members as a table. */
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { Member } from '../core/members.js';
import { printable } from './printable.js';

/** Returns the members as a table for the terminal. */
export function membersTable(members: Member[], c: ChalkInstance): string {
  const table = new Table({
    head: ['Id', 'Name', 'Role', 'Title or organisation', 'E-mail', 'Voting'].map((h) => c.bold(h)),
    style: { head: [], border: [] },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const m of members)
    table.push(
      [m.id, m.name, m.role, m.title ?? m.organisation ?? '', m.email ?? '', m.voting ? 'yes' : 'no'].map(printable),
    );
  return `${table.toString()}\n${members.length} member${members.length === 1 ? '' : 's'}\n`;
}
