import type { Command } from 'commander';
import { type CliCommand, globals } from '../common.js';

/** Adds ppp minutes. */
export const minutesCommand: CliCommand = {
  name: 'minutes',
  define(program, run) {
    return program
      .command('minutes')
      .description("write meetings/DATE/minutes.md from the meeting's agenda, attendance and actions; never overwrites")
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
  },
};
