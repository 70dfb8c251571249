import type { Command } from 'commander';
import { type CliCommand, globals } from '../common.js';

/** Adds ppp notify approvals. */
export const notifyCommand: CliCommand = {
  name: 'notify',
  define(program, run) {
    const notify = program
      .command('notify')
      .description('send notices to the distribution lists of ppp.yaml mail.lists')
      .addHelpText(
        'after',
        '\nExample:\n  $ ppp notify approvals --meeting 2026-11-10 --base-url https://example.org/policies/',
      );
    notify
      .command('approvals')
      .description('notice of the new and revised documents approved, to mail.lists.approvals, each approval once')
      .option('--since <date>', 'the approvals on or after this date (YYYY-MM-DD)')
      .option('--meeting <date>', 'the approvals of this meeting')
      .option('--base-url <url>', "the published site's address, to link each document to its page")
      .option('--dry-run', 'show the notice and who it would go to, and send nothing')
      .option('--out <dir>', 'write the message as an .eml file in this folder instead of sending it')
      .option('--json', 'print the notice as JSON')
      .addHelpText(
        'after',
        `
The notice names each document approved, new or revised, with its summary, what changed
(ppp approve --changes) and a link to its published page with --base-url. The full
approval of a version approved on interim approval is not announced again. An approval
announced before (mail/sent.yaml) is never announced twice.

Examples:
  $ ppp notify approvals --since 2026-11-01 --dry-run
  $ ppp notify approvals --meeting 2026-11-10 --base-url https://example.org/policies/`,
      )
      .action(
        async (
          opts: { since?: string; meeting?: string; baseUrl?: string; dryRun?: boolean; out?: string; json?: boolean },
          command: Command,
        ) => {
          const g = globals(command);
          const { notifyApprovals } = await import('../../commands/notify.js');
          const r = await notifyApprovals({ register: g.register, today: g.today, ...opts }, run.io);
          const out = run.io.stdout;
          if (opts.json) out.write(JSON.stringify(r ? [r] : [], null, 2) + '\n');
          else if (!r) out.write('Nothing new to announce: every approval chosen was announced before.\n');
          else {
            out.write(`${r.subject}\nto: ${r.to.join(', ') || '(mail.lists.approvals)'}\n`);
            for (const i of r.items) out.write(`  - ${i.kind} ${i.id}\n`);
            out.write(
              opts.dryRun
                ? 'Nothing was sent.\n'
                : r.sent
                  ? `${opts.out ? 'Written' : 'Sent'}; recorded in mail/sent.yaml (commit it).\n`
                  : `Not sent: ${r.error ?? 'the server refused it'}\n`,
            );
          }
          if (r && !opts.dryRun && !r.sent) run.exitCode = 1;
        },
      );
    return notify;
  },
};
