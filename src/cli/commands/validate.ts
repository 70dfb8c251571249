import { relative } from 'node:path';
import type { Command } from 'commander';
import { type CliCommand, globals, oneOf, stdoutPalette } from '../common.js';

/** Adds ppp validate. */
export const validateCommand: CliCommand = {
  name: 'validate',
  define(program, run) {
    return program
      .command('validate')
      .description('check documents against their templates, schemas and the register rules')
      .argument(
        '[paths...]',
        'documents or folders to report on (default: the whole register); links are ' +
          'still checked against the whole register',
      )
      .option('--format <format>', 'text, json or github (workflow annotations)', 'text')
      .option('--strict', 'fail (exit 1) on warnings too')
      .option(
        '--list-rules',
        'list every rule with its id and severity, and exit (text, or --format json; no paths, --strict or --no-cache)',
      )
      .option('--no-cache', 'check every file again instead of reusing results of unchanged files')
      .addHelpText(
        'after',
        `
Also checked: members.yaml, actions.yaml, meetings/ (attendance, decisions, folders named by
no meeting date), allowed_signers (one key a line, as ssh-keygen reads it) and the one-off
meetings of ppp.yaml (not on a weekend or closure day).
Exit codes: 0 no errors (warnings allowed unless --strict), 1 errors found, 2 usage or set-up error.
The cache lives in PPP_CACHE_DIR, else $XDG_CACHE_HOME/ppp, else ~/.cache/ppp.

Examples:
  $ ppp validate
  $ ppp validate documents/procedures --strict
  $ ppp validate --format github          in a GitHub Actions job
  $ ppp validate --format json | jq '.problems[] | select(.severity == "error")'`,
      )
      .action(
        async (
          paths: string[],
          opts: { format: string; strict?: boolean; listRules?: boolean; cache: boolean },
          command: Command,
        ) => {
          const { io } = run;
          const format = oneOf('--format', opts.format, ['text', 'json', 'github'] as const)!;
          if (opts.listRules) {
            const { listRules } = await import('../../commands/validate.js');
            const rules = listRules();
            if (format === 'json') io.stdout.write(JSON.stringify(rules, null, 2) + '\n');
            else {
              const width = Math.max(...rules.map((r) => r.id.length));
              for (const r of rules)
                io.stdout.write(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}\n`);
            }
            return;
          }
          const { validate } = await import('../../commands/validate.js');
          const result = await validate(
            { register: globals(command).register, paths, cache: opts.cache, strict: opts.strict },
            io,
          );
          const report = await import('../../report/problems.js');
          if (format === 'json') io.stdout.write(report.formatJson(result));
          else if (format === 'github') {
            io.stdout.write(
              report.formatGithub(result, (file) => relative(io.cwd, `${result.root}/${file}`).split('\\').join('/')),
            );
          } else io.stdout.write(report.formatText(result, await stdoutPalette(io), { strict: opts.strict }));
          run.exitCode = result.ok ? 0 : 1;
        },
      );
  },
};
