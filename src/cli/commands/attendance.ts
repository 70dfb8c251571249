import type { Command } from 'commander';
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
Every member of members.yaml must be named once. The chair may also edit the file by hand;
ppp validate checks it either way.

Example:
  $ ppp attendance 2027-01-12 --present chair,hqa,hos-north,hos-south,qa1,qa2 \\
      --apologies "svc-lead-send=Jamie Deputy,psw" --absent solicitor`,
      )
      .action(
        async (
          date: string,
          opts: { present?: string; apologies?: string; absent?: string; replace?: boolean },
          command: Command,
        ) => {
          const { recordAttendance } = await import('../../commands/attendance.js');
          const r = await recordAttendance({ register: globals(command).register, date, ...opts }, run.io);
          run.io.stdout.write(
            `Wrote ${r.file}: ${r.attendance.present.length} present, ` +
              `${r.attendance.apologies.length} apologies, ${r.attendance.absent.length} ` +
              `absent. ${r.quorate ? 'Quorate.' : `Not quorate (${r.short.join('; ')}).`}\n`,
          );
        },
      );
  },
};
