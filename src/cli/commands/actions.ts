import type { Command } from 'commander';
import { type CliCommand, globals, stdoutPalette } from '../common.js';

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
        const c = await stdoutPalette(run.io);
        const { printable } = await import('../../report/printable.js');
        const state = (a: (typeof actions)[number]) =>
          a.done_on ? c.green(`done ${a.done_on}`) : a.overdue ? c.red(`overdue, due ${a.due}`) : `due ${a.due}`;
        const lines = actions.map((a) => `${a.id}  ${state(a)}  ${a.owner}  ${printable(a.text)}`);
        run.io.stdout.write(
          `${lines.join('\n')}${lines.length ? '\n' : ''}${actions.length} ` +
            `action${actions.length === 1 ? '' : 's'} on ${today}\n`,
        );
      });
  },
};
