import type { Command } from 'commander';
import type { Run } from '../main.js';
import { globals, stdoutPalette } from '../common.js';

/** Adds ppp members. */
export function registerMembers(program: Command, run: Run): Command {
  return program
    .command('members')
    .description('the members of the group and their roles, from members.yaml')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
members.yaml is checked by ppp validate: unique ids, known roles (roles in ppp.yaml).

Examples:
  $ ppp members
  $ ppp members --json | jq '.[] | select(.role == "head-of-service") | .id'`,
    )
    .action(async (opts: { json?: boolean }, command: Command) => {
      const { io } = run;
      const { loadSettings } = await import('../../commands/load-register.js');
      const { readMembers } = await import('../../io/register-files.js');
      const { root, settings } = await loadSettings(io, globals(command).register);
      const { members, problems } = readMembers(root, settings);
      if (opts.json) {
        io.stdout.write(JSON.stringify(members, null, 2) + '\n');
      } else {
        const { membersTable } = await import('../../report/members.js');
        io.stdout.write(membersTable(members, await stdoutPalette(io)));
      }
      if (problems.length) io.stderr.write(`members.yaml has ${problems.length} problem${problems.length === 1 ? '' : 's'}; run ppp validate members.yaml\n`);
      run.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
    });
}
