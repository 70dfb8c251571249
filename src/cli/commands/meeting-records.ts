import type { Command } from 'commander';
import type { Run } from '../main.js';
import { globals } from '../common.js';

/** Adds ppp attendance and ppp minutes. */
export function registerMeetingRecords(program: Command, run: Run): Command {
  program
    .command('attendance')
    .description("record who attended a meeting (meetings/DATE/attendance.yaml) and see whether it was quorate")
    .argument('<date>', 'the meeting (a scheduled one)')
    .option('--present <ids>', 'members present, comma-separated')
    .option('--apologies <ids>', 'members who sent apologies, comma-separated; id=Name when a delegate came in their place')
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
    .action(async (date: string, opts: { present?: string; apologies?: string; absent?: string; replace?: boolean }, command: Command) => {
      const { recordAttendance } = await import('../../commands/attendance.js');
      const r = await recordAttendance({ register: globals(command).register, date, ...opts }, run.io);
      run.io.stdout.write(`Wrote ${r.file}: ${r.attendance.present.length} present, ${r.attendance.apologies.length} apologies, ${r.attendance.absent.length} absent. ${r.quorate ? 'Quorate.' : `Not quorate (${r.short.join('; ')}).`}\n`);
    });
  return program
    .command('minutes')
    .description('write meetings/DATE/minutes.md from the meeting\'s agenda, attendance and actions; never overwrites')
    .argument('<date>', 'the meeting (a scheduled one)')
    .addHelpText(
      'after',
      `
Each item gets a decision line to fill in (approved / approved with changes / deferred /
not approved); the attendance block comes from attendance.yaml and the actions raised from
actions.yaml. Refused (exit 1) when the minutes exist.

Example:
  $ ppp minutes 2027-01-12`,
    )
    .action(async (date: string, _opts: unknown, command: Command) => {
      const g = globals(command);
      const { writeMinutes } = await import('../../commands/minutes.js');
      const r = await writeMinutes({ register: g.register, today: g.today, date }, run.io);
      run.io.stdout.write(`Wrote ${r.path}\n`);
    });
}
