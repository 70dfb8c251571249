import type { Command } from 'commander';
import type { Run } from '../main.js';

/** Adds ppp init. */
export function registerInit(program: Command, run: Run): Command {
  return program
    .command('init')
    .description('create a new register (ppp.yaml, members.yaml, allowed_signers, documents/) in a git repository')
    .argument('<dir>', 'the folder to create the register in')
    .option('--preset <name>', 'dorset-ppp (a council PPP group), merton-mscp (a partnership policy subgroup) or kent-medway (a joint group, quarterly)', 'dorset-ppp')
    .addHelpText(
      'after',
      `
Refuses to write over an existing register (exit 2).

Examples:
  $ ppp init policy-register
  $ ppp init mscp-register --preset merton-mscp`,
    )
    .action(async (dir: string, opts: { preset: string }) => {
      const { io } = run;
      const { init } = await import('../../commands/init.js');
      const result = await init({ dir, preset: opts.preset }, io);
      io.stdout.write(
        `Created a ${result.preset} register in ${result.root}\n` +
          result.files.map((f) => `  ${f}\n`).join('') +
          (result.repository === 'created' ? '  (a new git repository)\n' : '  (inside the existing git repository)\n') +
          `\nNext:\n  1. Put your members' names in members.yaml and check ppp.yaml.\n  2. ppp new policy --title "..." --owner chair   (from inside ${dir})\n  3. ppp validate\n`,
      );
    });
}
