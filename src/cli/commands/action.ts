import type { Command } from 'commander';
import { type CliCommand, globals } from '../common.js';

/** Adds ppp action add and ppp action done. */
export const actionCommand: CliCommand = {
  name: 'action',
  define(program, run) {
    const action = program
      .command('action')
      .description('add an action to actions.yaml, or mark one done')
      .addHelpText(
        'after',
        `
Examples:
  $ ppp action add "Align the missing children form" --owner hos-north --due 2027-02-01
  $ ppp action done A-2026-11-01 --on 2026-11-20`,
      );
    action
      .command('add')
      .description('add an action raised at a meeting (default: the latest meeting on or before today)')
      .argument('<text>', 'what is to be done')
      .requiredOption('--owner <member>', 'who does it: a member id')
      .requiredOption('--due <date>', 'by when (YYYY-MM-DD)')
      .option('--meeting <date>', 'the meeting that raised it; its year and month start the id (A-YYYY-MM-NN)')
      .addHelpText(
        'after',
        '\nExample:\n  $ ppp action add "Align the missing children form" --owner hos-north --due 2027-02-01',
      )
      .action(async (text: string, opts: { owner: string; due: string; meeting?: string }, command: Command) => {
        const g = globals(command);
        const { raiseAction } = await import('../../commands/action.js');
        const a = await raiseAction(
          { register: g.register, today: g.today, text, owner: opts.owner, due: opts.due, meeting: opts.meeting },
          run.io,
        );
        run.io.stdout.write(`Added ${a.id} (raised ${a.raised}, ${a.owner}, due ${a.due})\n`);
      });
    action
      .command('done')
      .description('mark an action done')
      .argument('<id>', 'the action id, like A-2026-11-01')
      .option('--on <date>', 'the date it was done (default: today)')
      .addHelpText('after', '\nExample:\n  $ ppp action done A-2026-11-01 --on 2026-11-20')
      .action(async (id: string, opts: { on?: string }, command: Command) => {
        const g = globals(command);
        const { markActionDone } = await import('../../commands/action.js');
        const a = await markActionDone({ register: g.register, today: g.today, id, on: opts.on }, run.io);
        run.io.stdout.write(`${a.id} done on ${a.done_on}\n`);
      });
    return action;
  },
};
