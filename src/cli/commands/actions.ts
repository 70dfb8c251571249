import type { Command } from 'commander';
import { type CliCommand, globals, outputWidth, stdoutPalette } from '../common.js';

/** Adds ppp actions. */
export const actionsCommand: CliCommand = {
  name: 'actions',
  define(program, run) {
    return program
      .command('actions')
      .description('the action tracker: every action, or only the open ones')
      .option('--open', 'only actions not yet done')
      .option('--owner <member>', 'only actions of this member')
      .option('--json', 'print JSON')
      .addHelpText('after', '\nExamples:\n  $ ppp actions --open\n  $ ppp actions --owner hqa --json')
      .action(async (opts: { open?: boolean; owner?: string; json?: boolean }, command: Command) => {
        const g = globals(command);
        const { listActions } = await import('../../commands/actions.js');
        const { today, actions } = await listActions(
          { register: g.register, today: g.today, open: opts.open, owner: opts.owner },
          run.io,
        );
        if (opts.json) {
          run.io.stdout.write(JSON.stringify(actions, null, 2) + '\n');
          return;
        }
        const { actionsTable } = await import('../../report/actions.js');
        run.io.stdout.write(actionsTable(actions, await stdoutPalette(run.io), today, outputWidth(run.io)));
      });
  },
};
