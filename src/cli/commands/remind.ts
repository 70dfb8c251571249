import type { Command } from 'commander';
import { type CliCommand, globals } from '../common.js';

/** Adds ppp remind. */
export const remindCommand: CliCommand = {
  name: 'remind',
  define(program, run) {
    return program
      .command('remind')
      .description(
        "send today's reminders: one digest per person of the reviews, deadlines and actions that are theirs",
      )
      .option('--dry-run', 'show what would be sent and to whom, and send nothing')
      .option('--out <dir>', 'write each message as an .eml file in this folder instead of sending it')
      .option('--json', 'print the digests as JSON')
      .addHelpText(
        'after',
        `
Run once a day (cron, or a scheduled CI job). Reviews are announced at the notice offsets
of ppp.yaml mail.notice (default 60, 30 and 7 days before they are due) and weekly while
overdue; escalations go to mail.escalate_to naming the owner; the next meeting's
submission deadline goes to the owners of drafts a few working days before it, the
circulation deadline to the chair; actions due within a week and overdue. No mail on a
day that is not a working day: what falls due then goes on the next one. What the server
accepts is added to mail/sent.yaml (commit it), so a second run sends nothing new and a
day the job missed is caught up. Mail settings are in ppp.yaml mail:; the password or
token only ever in the environment variable it names.

Examples:
  $ ppp remind --dry-run
  $ ppp remind --out outbox
  $ PPP_SMTP_PASSWORD=… ppp remind`,
      )
      .action(async (opts: { dryRun?: boolean; out?: string; json?: boolean }, command: Command) => {
        const g = globals(command);
        const { remind } = await import('../../commands/remind.js');
        const r = await remind({ register: g.register, today: g.today, dryRun: opts.dryRun, out: opts.out }, run.io);
        const out = run.io.stdout;
        if (opts.json) out.write(JSON.stringify(r.digests, null, 2) + '\n');
        else {
          for (const d of r.digests) {
            out.write(`${d.to}: ${d.subject}\n`);
            for (const i of d.items) out.write(`  - ${i.kind} ${i.id}\n`);
          }
          for (const u of r.unreachable) out.write(`not sent: ${u.member} ${u.why}\n`);
          for (const f of r.failed) out.write(`not sent to ${f.to}: ${f.error}\n`);
          out.write(
            opts.dryRun
              ? `${r.digests.length} digests would be sent on ${r.today}; nothing was sent.\n`
              : `${r.sent.length} of ${r.digests.length} digests ${opts.out ? 'written' : 'sent'} on ${r.today}` +
                  `${r.sent.length ? '; recorded in mail/sent.yaml (commit it)' : ''}.\n`,
          );
        }
        if (r.failed.length || r.unreachable.length) run.exitCode = 1;
      });
  },
};
