import type { Command } from 'commander';
import { type CliCommand, globals, outputWidth, stdoutPalette } from '../common.js';

/** Adds ppp due. */
export const dueCommand: CliCommand = {
  name: 'due',
  define(program, run) {
    return program
      .command('due')
      .description('review states of the documents in force: ok, due-soon, overdue, escalate')
      .option(
        '--within <duration>',
        'only reviews due by today + this period, overdue ones included (e.g. "3 months"; more than zero, ' +
          'at most 100 years)',
      )
      .option('--owner <member>', 'only documents owned by this member')
      .option('--state <state>', 'only documents in this state: ok, due-soon, overdue or escalate')
      .option('--json', 'print JSON')
      .addHelpText(
        'after',
        `
States at today: due-soon when due within review.due_soon (ppp.yaml), overdue after the due date,
escalate once review.escalate_after has passed with no reviewed version submitted.
Superseded, archived and withdrawn documents have no review state.

Examples:
  $ ppp due
  $ ppp due --within "3 months" --owner hqa
  $ ppp due --state escalate --json
  $ ppp due --today 2027-06-01          what will be due then`,
      )
      .action(async (opts: { within?: string; owner?: string; state?: string; json?: boolean }, command: Command) => {
        const { io } = run;
        const g = globals(command);
        const { due } = await import('../../commands/due.js');
        const { today, rows } = await due(
          { register: g.register, today: g.today, within: opts.within, owner: opts.owner, state: opts.state },
          io,
        );
        const out = await import('../../report/due.js');
        io.stdout.write(
          opts.json ? out.dueJson(rows) : out.dueTable(rows, await stdoutPalette(io), today, outputWidth(io)),
        );
      });
  },
};
