import type { Command } from 'commander';
import { count } from '../../report/count.js';
import { type CliCommand, globals, outputWidth, stdoutPalette } from '../common.js';

/** Adds ppp members. */
export const membersCommand: CliCommand = {
  name: 'members',
  define(program, run) {
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
        const { listMembers } = await import('../../commands/members.js');
        const { members, problems } = await listMembers({ register: globals(command).register }, io);
        if (opts.json) {
          io.stdout.write(JSON.stringify(members, null, 2) + '\n');
        } else {
          const { membersTable } = await import('../../report/members.js');
          io.stdout.write(membersTable(members, await stdoutPalette(io), outputWidth(io)));
        }
        if (problems.length)
          io.stderr.write(
            `members.yaml has ${count(problems.length, 'problem')}; ` + `run ppp validate members.yaml\n`,
          );
        run.exitCode = problems.some((p) => p.severity === 'error') ? 1 : 0;
      });
  },
};
