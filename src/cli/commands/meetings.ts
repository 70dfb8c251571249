import type { Command } from 'commander';
import { count } from '../../report/count.js';
import { type CliCommand, globals, outputWidth, stdoutPalette } from '../common.js';

/** Adds ppp meetings. */
export const meetingsCommand: CliCommand = {
  name: 'meetings',
  define(program, run) {
    return program
      .command('meetings')
      .description('the meeting schedule with its submission and circulation deadlines')
      .option('--from <date>', 'first date to list from (default: today)')
      .option('--to <date>', 'last date to list to (at most 100 years after --from; not with --count)')
      .option('--count <n>', 'how many meetings to list (default 6, when --to is not given)')
      .option('--json', 'print JSON')
      .option('--ics <file>', 'also write the meetings and deadlines as an iCalendar file (Outlook, Google Calendar)')
      .addHelpText(
        'after',
        `
Meetings come from meetings.rule (an iCalendar RRULE) in ppp.yaml, plus meetings.add, less
meetings.cancel. Deadlines in working days skip weekends, bank holidays of holidays.region and
holidays.add. Importing the .ics file again updates the events instead of adding copies.
A one-off meeting in meetings.add on a weekend or closure day, and a folder under meetings/
named by no meeting's date, are warned about (ppp validate lists them too).

Examples:
  $ ppp meetings
  $ ppp meetings --from 2027-01-01 --to 2027-12-31 --json
  $ ppp meetings --count 12 --ics ppp-meetings.ics`,
      )
      .action(
        async (
          opts: { from?: string; to?: string; count?: string; json?: boolean; ics?: string },
          command: Command,
        ) => {
          const { io } = run;
          const g = globals(command);
          const { listMeetings } = await import('../../commands/meetings.js');
          const { today, rows, ics, warnings } = await listMeetings(
            { register: g.register, today: g.today, from: opts.from, to: opts.to, count: opts.count, ics: opts.ics },
            io,
          );
          for (const w of warnings)
            io.stderr.write(`ppp: warning: ${w.file}:${w.line}:${w.column}: ${w.message} (${w.rule})\n`);
          const out = await import('../../report/meetings.js');
          if (ics && !opts.json)
            io.stderr.write(
              `Wrote ${count(rows.length, 'meeting')} and ${rows.length === 1 ? 'its' : 'their'} deadlines to ${ics}\n`,
            );
          io.stdout.write(
            opts.json
              ? out.meetingsJson(rows)
              : out.meetingsTable(rows, await stdoutPalette(io), today, outputWidth(io)),
          );
        },
      );
  },
};
