import type { Command } from 'commander';
import { type CliCommand, globals, oneOf, outputWidth, stdoutPalette } from '../common.js';

/** Adds ppp register (alias list). */
export const registerCommand: CliCommand = {
  name: 'register',
  define(program, run) {
    return program
      .command('register')
      .alias('list')
      .description('print the register of documents as a table, json, csv or markdown')
      .option('--format <format>', 'table, json, csv or md', 'table')
      .option('--json', 'the same as --format json (not with another --format)')
      .option('--type <type>', 'only documents of this type')
      .option('--status <status>', 'only documents with this status')
      .option('--owner <member>', 'only documents owned by this member')
      .addHelpText(
        'after',
        `
Examples:
  $ ppp register
  $ ppp list --type procedure --status approved
  $ ppp register --format csv > register.csv     opens in Excel
  $ ppp register --owner hqa --format md`,
      )
      .action(
        async (
          opts: { format: string; json?: boolean; type?: string; status?: string; owner?: string },
          command: Command,
        ) => {
          const { io } = run;
          const format = opts.json ? 'json' : oneOf('--format', opts.format, ['table', 'json', 'csv', 'md'] as const)!;
          const { listRegister } = await import('../../commands/register.js');
          const { rows, unreadable } = await listRegister(
            { register: globals(command).register, type: opts.type, status: opts.status, owner: opts.owner },
            io,
          );
          const out = await import('../../report/register.js');
          if (format === 'json') io.stdout.write(out.registerJson(rows));
          else if (format === 'csv') io.stdout.write(out.registerCsv(rows));
          else if (format === 'md') io.stdout.write(out.registerMarkdown(rows));
          else io.stdout.write(out.registerTable(rows, await stdoutPalette(io), outputWidth(io)));
          if (unreadable && format === 'table')
            io.stderr.write(
              `${unreadable} file${unreadable === 1 ? ' is' : 's are'} left out because their ` +
                `front matter cannot be read; run ppp validate\n`,
            );
        },
      );
  },
};
