import type { Command } from 'commander';
import { type CliCommand, globals } from '../common.js';

/** Adds ppp retire. */
export const retireCommand: CliCommand = {
  name: 'retire',
  define(program, run) {
    return program
      .command('retire')
      .description('record the withdrawal, archiving or supersession of a document as one signed git commit')
      .argument('<id>', 'the document id, like CS-PRO-0007')
      .option('--reason <text>', 'why it is retired; required')
      .option('--superseded-by <id>', 'the document that replaces it (status superseded)')
      .option('--meeting <date>', 'the meeting that decided it (a meeting that has taken place); its date is recorded')
      .option(
        '--status <status>',
        'withdrawn (default: pulled from use) or archived (no longer needed, kept as a record)',
      )
      .option('--json', 'print the result as JSON')
      .addHelpText(
        'after',
        `
Sets status (superseded with --superseded-by, else --status, else withdrawn) and a retirement
block { on, reason, meeting?, superseded_by? }, removes submission, and commits that one file
with git commit -S and the trailers ppp verify checks: PPP-Document, PPP-Retired-On, PPP-Status,
and PPP-Superseded-By and PPP-Meeting when given. The date is the meeting's, else the real date.
Refused (exit 1, nothing changed) when the document is already retired, has uncommitted changes
or was never committed, --superseded-by names a missing or retired document or itself, the
meeting has not taken place or comes before the approval, or the document is a proposal. An
approved document deleted or set to a retired status without this commit fails ppp verify
(removed-without-retirement), and ppp validate warns while the change is uncommitted.

Examples:
  $ ppp retire CS-PRO-0003 --reason "No longer needed after the service restructure" --status archived
  $ ppp retire CS-PRO-0001 --superseded-by CS-PRO-0009 --meeting 2026-11-10 --reason "Replaced by the joint procedure"
  $ ppp retire CS-FRM-0002 --reason "Withdrawn pending legal advice" --json`,
      )
      .action(
        async (
          id: string,
          opts: { reason?: string; supersededBy?: string; meeting?: string; status?: string; json?: boolean },
          command: Command,
        ) => {
          const { io } = run;
          const g = globals(command);
          const { retire } = await import('../../commands/retire.js');
          const r = await retire(
            {
              register: g.register,
              id,
              reason: opts.reason,
              supersededBy: opts.supersededBy,
              meeting: opts.meeting,
              status: opts.status,
            },
            io,
          );
          if (opts.json) {
            const json = {
              id: r.id,
              file: r.file,
              version: r.version,
              status: r.status,
              retired_on: r.retiredOn,
              reason: r.reason,
              meeting: r.meeting ?? null,
              superseded_by: r.supersededBy ?? null,
              commit: r.commit,
              signed: r.signed,
            };
            io.stdout.write(JSON.stringify(json, null, 2) + '\n');
            return;
          }
          io.stdout.write(
            `Retired ${r.id} v${r.version}: ${r.status}${r.supersededBy ? ` by ${r.supersededBy}` : ''} on ` +
              `${r.retiredOn}${r.meeting ? ` (meeting ${r.meeting})` : ''}.\n` +
              `Commit ${r.commit.slice(0, 12)} ` +
              `${r.signed ? 'signed' : 'NOT signed (approval.signing: optional and no signing key configured)'}\n` +
              `${r.file}\n`,
          );
        },
      );
  },
};
