import type { Command } from 'commander';
import { count } from '../../report/count.js';
import { type CliCommand, globals } from '../common.js';

/** Adds ppp attendance. */
export const attendanceCommand: CliCommand = {
  name: 'attendance',
  define(program, run) {
    return program
      .command('attendance')
      .description('record who attended a meeting (meetings/DATE/attendance.yaml) and see whether it was quorate')
      .argument('<date>', 'the meeting (a scheduled one)')
      .option('--present <ids>', 'members present, comma-separated')
      .option(
        '--apologies <ids>',
        'members who sent apologies, comma-separated; id=Name when a delegate came in their place',
      )
      .option('--absent <ids>', 'members who neither came nor sent apologies, comma-separated')
      .option('--replace', 'write the file again when it exists')
      .addHelpText(
        'after',
        `
Every member of members.yaml must be named once, once the meeting has taken place; before it, only
apologies sent in advance are recorded. The chair may also edit the file by hand;
ppp validate checks it either way.

Example:
  $ ppp attendance 2026-11-10 --present chair,hqa,hos-north,hos-south,qa1,qa2 \\
      --apologies "svc-lead-send=Jamie Deputy,psw" --absent solicitor`,
      )
      .action(
        async (
          date: string,
          opts: { present?: string; apologies?: string; absent?: string; replace?: boolean },
          command: Command,
        ) => {
          const { recordAttendance } = await import('../../commands/attendance.js');
          const g = globals(command);
          const r = await recordAttendance({ register: g.register, today: g.today, date, ...opts }, run.io);
          const quorum = r.ahead
            ? 'Apologies sent in advance: the meeting has not taken place yet.'
            : r.quorate
              ? 'Quorate.'
              : `Not quorate (${r.short.join('; ')}).`;
          run.io.stdout.write(
            `Wrote ${r.file}: ${r.attendance.present.length} present, ` +
              `${count(r.attendance.apologies.length, 'apology')}, ${r.attendance.absent.length} absent. ${quorum}\n`,
          );
        },
      );
  },
};
