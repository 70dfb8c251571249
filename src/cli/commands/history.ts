import type { Command } from 'commander';
import { type CliCommand, globals, outputWidth, stdoutPalette } from '../common.js';

/** Adds ppp history. */
export const historyCommand: CliCommand = {
  name: 'history',
  define(program, run) {
    return program
      .command('history')
      .description(
        'every version of a document from git: approvals with their route, meeting, ' +
          'signer and signature state, and diffs',
      )
      .argument('<id>', 'the document id, like CS-PRO-0007')
      .option('--json', 'print the history as JSON')
      .option(
        '--diff <A..B>',
        'the changes between two approved versions (1.0..2.0), or since one (2.0..) in the work tree; text, ' +
          'not with --json',
      )
      .addHelpText(
        'after',
        `
Lists every commit of the document's file, oldest first (renames followed). An approval
commit shows its route, meeting, the signer's principal from allowed_signers and the
signature state ppp verify would give it; an adoption (ppp adopt), which changes no file, is
listed where it was made, marked (adopted); a retirement (ppp retire, or the approval of a
document that supersedes it) is marked (retired), its date under Approved; other commits are
changes between approvals. A register outside git, a shallow clone, or a missing or malformed
allowed_signers is a set-up error (exit 2) naming the fix.

Examples:
  $ ppp history CS-PRO-0007
  $ ppp history CS-PRO-0007 --diff 1.0..2.0
  $ ppp history CS-PRO-0007 --diff 2.0..       what changed since 2.0 was approved`,
      )
      .action(async (id: string, opts: { json?: boolean; diff?: string }, command: Command) => {
        const { io } = run;
        const g = globals(command);
        const c = await stdoutPalette(io);
        const { history } = await import('../../commands/history.js');
        const result = await history(
          { register: g.register, id, diff: opts.diff, colour: !opts.json && c.level > 0 },
          io,
        );
        const { historyJson, historyTable } = await import('../../report/history.js');
        io.stdout.write(opts.json ? historyJson(result) : historyTable(result, c, outputWidth(io)));
      });
  },
};
