import type { Command } from 'commander';
import { count } from '../../report/count.js';
import { type CliCommand, globals } from '../common.js';

/** Adds ppp submit. */
export const submitCommand: CliCommand = {
  name: 'submit',
  define(program, run) {
    return program
      .command('submit')
      .description("record a submission received today and put the document on a meeting's agenda")
      .argument('<id>', 'the document id, like CS-PRO-0007')
      .option(
        '--kind <kind>',
        'proposal, draft or review (default: from the status: proposed → proposal, ' +
          'drafting → draft, approved → review)',
      )
      .option(
        '--meeting <date>',
        'the meeting to submit to (default: the first whose submission deadline is today or later)',
      )
      .option(
        '--late',
        'with --meeting: submit to it although its submission deadline has passed (the chair decides whether to ' +
          'accept it)',
      )
      .addHelpText(
        'after',
        `
Sets status: submitted and submission: { kind, on, meeting } in the document's front matter,
keeping everything else in the file as it was. A submitted document named with another --meeting
is moved there, keeping the date it was first received. Refused (exit 1, file untouched) when the
named meeting's deadline has passed (unless --late) or the document would not validate.

Examples:
  $ ppp submit CS-PRO-0007
  $ ppp submit CS-POL-0003 --kind review --meeting 2027-03-09
  $ ppp submit CS-PRO-0011 --meeting 2027-01-12 --late`,
      )
      .action(async (id: string, opts: { kind?: string; meeting?: string; late?: boolean }, command: Command) => {
        const { io } = run;
        const g = globals(command);
        const { submit } = await import('../../commands/submit.js');
        const r = await submit(
          { register: g.register, today: g.today, id, kind: opts.kind, meeting: opts.meeting, late: opts.late },
          io,
        );
        const deadline = r.late
          ? `its submission deadline was ${r.meeting.submission_deadline}, so it is late: ` +
            `the chair decides whether to accept it`
          : r.workingDaysLeft === null
            ? `its submission deadline was ${r.meeting.submission_deadline}, and it was received in time`
            : `its submission deadline is ${r.meeting.submission_deadline} (${daysLeft(r.workingDaysLeft)})`;
        const what = `${r.movedFrom ? 'Moved' : 'Submitted'} ${r.id} (${r.kind}, received ${r.on}) `;
        const where = r.movedFrom
          ? `from the meeting of ${r.movedFrom} to the meeting of ${r.meeting.date}`
          : `for the meeting of ${r.meeting.date}`;
        io.stdout.write(`${what}${where}; ${deadline}.\n${r.file}\n`);
      });
  },
};

function daysLeft(n: number): string {
  return n === 0 ? 'today' : `${count(n, 'working day')} from today`;
}
