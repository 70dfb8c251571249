import type { Command } from 'commander';
import { type CliCommand, globals } from '../common.js';

const DONE: Record<string, string> = {
  agree: 'the proposal was agreed: draft it',
  decline: 'the proposal was declined',
  return: 'returned to its author',
  defer: 'deferred',
  note: 'noted',
};

/** Adds ppp decide. */
export const decideCommand: CliCommand = {
  name: 'decide',
  define(program, run) {
    return program
      .command('decide')
      .description("record a meeting's decision that is not an approval: agree, decline, return, defer or note")
      .argument('<id>', 'the document id, like CS-STD-0004')
      .argument('<decision>', 'agree or decline (a proposal), return (a draft or review), defer, or note')
      .option('--meeting <date>', 'the meeting that decided (a scheduled meeting that has taken place)')
      .option('--reason <text>', 'why: needed to decline a proposal or return an item to its author')
      .option('--governed-by <id>', 'agree: the document that governs the new one, where its type needs one')
      .option('--json', 'print { id, decision, meeting, status } as JSON')
      .addHelpText(
        'after',
        `
agree     a proposal for a new document: status drafting, proposal.agreed_on and .meeting set, and the
          template's sections added to be drafted (with --governed-by where the type needs a governor)
decline   a proposal: status withdrawn, with the reason
return    a submitted draft or review goes back to its author with the reason; the submission is
          cleared, and a document in force stays in force (status under-review while reworked)
defer     to the next meeting; the date it was first received is kept
note      an information item
Each decision is also added to meetings/DATE/decisions.yaml, from which the minutes are written.
Refused (exit 1, nothing changed) for a document in the wrong state or a meeting that has not met.

Examples:
  $ ppp decide CS-STD-0004 agree --meeting 2026-11-10 --governed-by CS-POL-0002
  $ ppp decide CS-PRO-0011 return --meeting 2026-11-10 --reason "Align it with the revised policy first"
  $ ppp decide CS-FRM-0002 defer --meeting 2026-11-10`,
      )
      .action(
        async (
          id: string,
          decision: string,
          opts: { meeting?: string; reason?: string; governedBy?: string; json?: boolean },
          command: Command,
        ) => {
          const { io } = run;
          const g = globals(command);
          const { decide } = await import('../../commands/decide.js');
          const r = await decide({ ...opts, register: g.register, today: g.today, id, decision }, io);
          if (opts.json) {
            io.stdout.write(
              JSON.stringify({ id: r.id, decision: r.decision, meeting: r.meeting, status: r.status }, null, 2) + '\n',
            );
            return;
          }
          const outcome = r.decision === 'defer' ? `deferred to the meeting of ${r.deferredTo}` : DONE[r.decision];
          io.stdout.write(`${r.id} at the meeting of ${r.meeting}: ${outcome} (status ${r.status}).\n${r.file}\n`);
        },
      );
  },
};
