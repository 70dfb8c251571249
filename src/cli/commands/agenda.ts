import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { type CliCommand, globals } from '../common.js';

/** Adds ppp agenda. */
export const agendaCommand: CliCommand = {
  name: 'agenda',
  define(program, run) {
    return program
      .command('agenda')
      .description('the agenda of the next meeting (or of --meeting DATE), in the standard order')
      .option('--meeting <date>', 'the meeting (a scheduled one; default: the next on or after today)')
      .option('--accept-late <id...>', 'accept these late submissions instead of deferring them')
      .option('--out <file>', 'write the markdown to this file instead of printing it (not with --json or --issue)')
      .option(
        '--issue',
        'save it as the issued agenda, meetings/DATE/agenda.md and agenda.json, when circulating the papers',
      )
      .option('--send', 'with --issue: e-mail the issued agenda to every member, with the meeting as a calendar file')
      .option('--json', 'print the same content as JSON')
      .addHelpText(
        'after',
        `
Sections: 1. progress report from the chair (open and overdue actions, reviews to escalate,
overdue reviews, members to escalate for absence, whether the last meeting was quorate);
2. new proposals and drafts, and interim approvals awaiting full approval; 3. reviews;
4. horizon scanning (reviews due before the meeting after next, documents in drafting,
proposals agreed but not drafted); for information (director approvals since the previous
meeting); deferred (received after the submission deadline); and the papers with file and
version. A warning heads the agenda when the circulation deadline has passed.

With --issue (when the chair circulates the papers) the agenda is saved as the issued one,
meetings/DATE/agenda.md and agenda.json; from then on it is what ppp agenda --meeting DATE and
ppp minutes DATE show. A meeting that has taken place and was never issued is shown as the
register stood at its circulation deadline (from git), never with today's state.

Examples:
  $ ppp agenda
  $ ppp agenda --issue --accept-late CS-PRO-0011
  $ ppp agenda --meeting 2027-01-12 --accept-late CS-PRO-0011 --out agenda.md
  $ ppp agenda --json | jq '.reviews[].id'`,
      )
      .action(
        async (
          opts: {
            meeting?: string;
            acceptLate?: string[];
            out?: string;
            json?: boolean;
            issue?: boolean;
            send?: boolean;
          },
          command: Command,
        ) => {
          const { io } = run;
          const g = globals(command);
          if (opts.send && !opts.issue)
            throw new UsageError('--send circulates the issued agenda: use it with --issue');
          const { agenda, circulate } = await import('../../commands/agenda.js');
          const result = await agenda(
            {
              register: g.register,
              today: g.today,
              meeting: opts.meeting,
              acceptLate: opts.acceptLate,
              out: opts.json ? undefined : opts.out,
              issue: opts.issue,
            },
            io,
          );
          if (opts.json) {
            const { agendaJson } = await import('../../report/agenda.js');
            io.stdout.write(agendaJson(result.agenda));
          } else if (result.issued) {
            const late = [...result.agenda.proposals_and_drafts, ...result.agenda.reviews].filter((i) =>
              i.note?.includes('accepted by the chair'),
            );
            io.stdout.write(
              `Issued the agenda of the meeting of ${result.agenda.meeting} on ${result.agenda.issued_on}` +
                `${late.length ? ` (late items accepted: ${late.map((i) => i.id).join(', ')})` : ''}:\n` +
                result.issued.map((f) => `  ${f}\n`).join(''),
            );
            if (opts.send) {
              const c = await circulate(result, { register: g.register }, io);
              if (c.already) io.stdout.write(`Not sent again: this agenda was circulated on ${c.already}.\n`);
              else if (c.sent)
                io.stdout.write(`Sent to ${c.to.length} members; recorded in mail/sent.yaml (commit it).\n`);
              else io.stdout.write(`Not sent: ${c.error ?? 'the server refused it'}\n`);
              for (const n of c.notSent) io.stdout.write(`not sent to ${n.member}: ${n.why}\n`);
              if (!c.sent && !c.already) run.exitCode = 1;
            }
          } else if (result.written)
            io.stdout.write(`Wrote the agenda of the meeting of ${result.agenda.meeting} to ${result.written}\n`);
          else io.stdout.write(result.markdown);
        },
      );
  },
};
