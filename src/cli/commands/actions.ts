import type { Command } from 'commander';
import type { Run } from '../main.js';
import { globals, stdoutPalette } from '../common.js';

/** Adds ppp action (add, done) and ppp actions. */
export function registerActions(program: Command, run: Run): Command {
  const action = program
    .command('action')
    .description('add an action to actions.yaml, or mark one done')
    .addHelpText(
      'after',
      `
Examples:
  $ ppp action add "Align the missing children form" --owner hos-north --due 2027-02-01
  $ ppp action done A-2026-11-01 --on 2026-12-01`,
    );
  action
    .command('add')
    .description('add an action raised at a meeting (default: the latest meeting on or before today)')
    .argument('<text>', 'what is to be done')
    .requiredOption('--owner <member>', 'who does it: a member id')
    .requiredOption('--due <date>', 'by when (YYYY-MM-DD)')
    .option('--meeting <date>', 'the meeting that raised it; its year and month start the id (A-YYYY-MM-NN)')
    .addHelpText('after', '\nExample:\n  $ ppp action add "Align the missing children form" --owner hos-north --due 2027-02-01')
    .action(async (text: string, opts: { owner: string; due: string; meeting?: string }, command: Command) => {
      const g = globals(command);
      const { addActionCommand } = await import('../../commands/actions.js');
      const a = await addActionCommand({ register: g.register, today: g.today, text, owner: opts.owner, due: opts.due, meeting: opts.meeting }, run.io);
      run.io.stdout.write(`Added ${a.id} (raised ${a.raised}, ${a.owner}, due ${a.due})\n`);
    });
  action
    .command('done')
    .description('mark an action done')
    .argument('<id>', 'the action id, like A-2026-11-01')
    .option('--on <date>', 'the date it was done (default: today)')
    .addHelpText('after', '\nExample:\n  $ ppp action done A-2026-11-01 --on 2026-12-01')
    .action(async (id: string, opts: { on?: string }, command: Command) => {
      const g = globals(command);
      const { doneActionCommand } = await import('../../commands/actions.js');
      const a = await doneActionCommand({ register: g.register, today: g.today, id, on: opts.on }, run.io);
      run.io.stdout.write(`${a.id} done on ${a.done_on}\n`);
    });
  for (const sub of action.commands) sub.exitOverride();
  program
    .command('actions')
    .description('the action tracker: every action, or only the open ones')
    .option('--open', 'only actions not yet done')
    .option('--owner <member>', 'only actions of this member')
    .option('--json', 'print JSON')
    .addHelpText('after', '\nExamples:\n  $ ppp actions --open\n  $ ppp actions --owner hqa --json')
    .action(async (opts: { open?: boolean; owner?: string; json?: boolean }, command: Command) => {
      const g = globals(command);
      const { listActions } = await import('../../commands/actions.js');
      const { today, actions } = await listActions({ register: g.register, today: g.today, open: opts.open, owner: opts.owner }, run.io);
      if (opts.json) {
        run.io.stdout.write(JSON.stringify(actions, null, 2) + '\n');
        return;
      }
      const c = await stdoutPalette(run.io);
      const { printable } = await import('../../report/printable.js');
      const lines = actions.map((a) => `${a.id}  ${a.done_on ? c.green(`done ${a.done_on}`) : a.overdue ? c.red(`overdue, due ${a.due}`) : `due ${a.due}`}  ${a.owner}  ${printable(a.text)}`);
      run.io.stdout.write(`${lines.join('\n')}${lines.length ? '\n' : ''}${actions.length} action${actions.length === 1 ? '' : 's'} on ${today}\n`);
    });
  return action;
}
