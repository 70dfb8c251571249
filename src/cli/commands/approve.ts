import { keepSignalsForPrompts } from '../failures.js';
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { type CliCommand, canPrompt, globals, missing } from '../common.js';

/** Adds ppp approve. */
export const approveCommand: CliCommand = {
  name: 'approve',
  define(program, run) {
    return program
      .command('approve')
      .description('record an approval in the document and make it one signed git commit')
      .argument('<id>', 'the document id, like CS-PRO-0007')
      .option('--route <route>', 'ppp (the group at a meeting), director, interim, cabinet, partnership or virtual')
      .option(
        '--meeting <date>',
        'the meeting that approved it (default: the meeting it was submitted to); for ' +
          "partnership, the group's preliminary approval",
      )
      .option(
        '--on <date>',
        "the date of approval (default: the meeting's date; for virtual, the last response; else today)",
      )
      .option(
        '--cycle <duration>',
        'the review cycle agreed, like "2 years" (default: the document\'s, else the type\'s ' +
          'review.cycles, else review.default_cycle); at most review.max_cycle',
      )
      .option(
        '--version <version>',
        'the version approved (default: 0.x becomes 1.0, a revision the next major version)',
      )
      .option(
        '--by <body>',
        'who approved it, for approval.approved_by (default: the group for ppp and ' +
          'virtual, else whoever approved the last version by the same route)',
      )
      .option('--responses <file>', "route virtual: the committed file with every voting member's response")
      .option(
        '--changes <text>',
        "a revised version's summary of changes, in plain words: kept in the document (changes) and the commit",
      )
      .addHelpText(
        'after',
        `
Sets status (approved, or interim for --route interim), version, approval, review.cycle and
review.due (approved_on + cycle), removes submission, and commits that one file with
git commit -S and the PPP-* trailers that ppp verify checks. --changes TEXT records what a
revised version changes (the document's changes field and a PPP-Changes trailer), for the
reports to the leadership team and the newsletter. Documents its supersedes field
names that are still in use are retired (status superseded, a retirement block) in the same
commit, with a PPP-Supersedes: ID trailer each. Refused (exit 1, nothing
changed) when the document does not validate, has uncommitted changes, was not submitted
(routes director and interim excepted), its type may not use the route, the cycle is
longer than review.max_cycle, or the equality impact assessment or consultation that
ppp.yaml requires is missing. A set-up that cannot sign (no key, a key file that does not
exist, an SSH key with gpg.format not ssh, git not knowing who you are) or a missing or
malformed allowed_signers is a set-up error (exit 2, nothing changed); a signing key not
listed in allowed_signers is warned about before it signs. If the commit cannot be signed,
the file is restored and no commit is left (exit 2).

Examples:
  $ ppp approve CS-PRO-0007 --route ppp --meeting 2026-11-10
  $ ppp approve CS-PRO-0001 --route ppp --changes "Return interviews now offered within 72 hours"
  $ ppp approve CS-POL-0004 --route cabinet --on 2026-11-18 --by "Dorset Council Cabinet"
  $ ppp approve CS-PRT-0001 --route partnership --meeting 2026-10-13 --on 2026-11-03
  $ ppp approve KM-PRO-0003 --route virtual --responses meetings/virtual/KM-PRO-0003.yaml`,
      )
      .action(
        async (
          id: string,
          opts: {
            route?: string;
            meeting?: string;
            on?: string;
            cycle?: string;
            version?: string;
            by?: string;
            responses?: string;
            changes?: string;
          },
          command: Command,
        ) => {
          const { io } = run;
          const g = globals(command);
          let route = opts.route;
          if (route === undefined) {
            if (!canPrompt(io)) missing('--route ROUTE', 'the approval route');
            const { routeChoices } = await import('../../commands/approve.js');
            const routes = await routeChoices({ register: g.register, id }, io);
            if (routes.length === 0) throw new UsageError(`ppp.yaml (approval.authorities) allows no route for ${id}`);
            const { select } = await import('@inquirer/prompts');
            keepSignalsForPrompts(io);
            route = await select({
              message: `Route of approval for ${id} (those ppp.yaml allows for its type)`,
              choices: routes.map((r) => ({ value: r })),
            });
          }
          const { approve } = await import('../../commands/approve.js');
          const r = await approve(
            {
              register: g.register,
              today: g.today,
              id,
              route,
              meeting: opts.meeting,
              on: opts.on,
              cycle: opts.cycle,
              version: opts.version,
              by: opts.by,
              responses: opts.responses,
              changes: opts.changes,
            },
            io,
          );
          io.stdout.write(
            `${r.status === 'interim' ? 'Interim approval of' : 'Approved'} ${r.id} ` +
              `v${r.version} (route ${r.route}, ` +
              `${r.approvedOn}${r.meeting ? `, meeting ${r.meeting}` : ''}); review due ${r.reviewDue}.\n` +
              `Commit ${r.commit.slice(0, 12)} ` +
              `${r.signed ? 'signed' : 'NOT signed (approval.signing: optional and no signing key configured)'}; ` +
              `content ${r.contentHash.slice(0, 16)}…\n${r.file}\n` +
              (r.superseded.length ? `Superseded in the same commit: ${r.superseded.join(', ')}\n` : ''),
          );
        },
      );
  },
};
