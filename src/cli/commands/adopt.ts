import type { Command } from 'commander';
import { count } from '../../report/count.js';
import { type CliCommand, globals } from '../common.js';

/** Adds ppp adopt. */
export const adoptCommand: CliCommand = {
  name: 'adopt',
  define(program, run) {
    return program
      .command('adopt')
      .description('record documents approved before the register used ppp, as they stand, in one signed commit')
      .argument('[ids...]', 'the documents to adopt, like CS-POL-0001 CS-PRO-0002')
      .option('--all', 'adopt every document that records an approval and qualifies; list the others and why')
      .option('--evidence <text>', 'where the earlier approvals are recorded (minutes, decision notices); required')
      .option('--dry-run', 'list what would be recorded and what is refused; write nothing')
      .option('--json', 'print the result as JSON')
      .addHelpText(
        'after',
        `
For a council's documents approved before it used ppp: their front matter records the approval
(status approved or interim, approval.route, approved_on, approved_by, review) but no approval
commit proves it, so ppp verify reports them no-approval-commit. adopt makes one commit, signed
as ppp approve signs, that changes no file and whose trailers bind each document's id, version
and content hash (PPP-Adopted: ID VERSION SHA256 FILE) and the evidence (PPP-Evidence).
ppp verify then treats each as approved at that commit ("adopted": true in JSON).

A named document is refused (exit 1, nothing changed) when it records no approval, does not
validate, has uncommitted changes or was never committed, or already has an approval or
adoption commit that stands. With --all every document that qualifies is adopted and the rest
are listed with the reason; exit 1 if none qualifies.

Examples:
  $ ppp adopt CS-POL-0001 --evidence "Approved by Cabinet on 2025-01-14, minute 7"
  $ ppp adopt --all --dry-run --evidence "Approvals before 2027: PPP Group minutes on the intranet"
  $ ppp adopt --all --evidence "Approvals before 2027: PPP Group minutes on the intranet" --json`,
      )
      .action(
        async (
          ids: string[],
          opts: { all?: boolean; evidence?: string; dryRun?: boolean; json?: boolean },
          command: Command,
        ) => {
          const { io } = run;
          const g = globals(command);
          const { adopt } = await import('../../commands/adopt.js');
          const r = await adopt(
            { register: g.register, ids, all: opts.all, evidence: opts.evidence, dryRun: opts.dryRun },
            io,
          );
          if (r.isRefusal) run.exitCode = 1;
          if (opts.json) {
            const json = {
              adopted: r.adopted.map((a) => ({ id: a.id, version: a.version, content_sha256: a.content_sha256 })),
              refused: r.refused.map((x) => ({ id: x.id, reason: x.reason })),
              commit: r.commit,
            };
            io.stdout.write(JSON.stringify(json, null, 2) + '\n');
            return;
          }
          const refused = r.refused.map((x) => `  ${x.id} (${x.file}): ${x.reason}`).join('\n');
          if (r.isRefusal) {
            io.stderr.write(
              `${r.refused.length ? 'Cannot adopt' : 'No document qualifies for adoption'}; nothing was changed` +
                `${r.refused.length ? `:\n${refused}` : ' (no document records an approval)'}\n`,
            );
            return;
          }
          const n = r.adopted.length;
          const list = r.adopted
            .map((a) => `  ${a.id} v${a.version}  ${a.file}  content ${a.content_sha256.slice(0, 16)}…`)
            .join('\n');
          const head = r.dryRun
            ? `Would adopt ${count(n, 'document')} (dry run: nothing was written):`
            : `Adopted ${count(n, 'document')} in commit ${r.commit!.slice(0, 12)} ` +
              `${r.signed ? 'signed' : 'NOT signed (approval.signing: optional and no signing key configured)'}:`;
          io.stdout.write(`${head}\n${list}\n${r.refused.length ? `Left out:\n${refused}\n` : ''}`);
        },
      );
  },
};
