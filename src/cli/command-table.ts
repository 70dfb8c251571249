/**
 * Every command, once, in the order ppp --help lists them. Adding a command touches this table,
 * its file in cli/commands/, its file in commands/ and its tests, nothing else.
 */
import type { CliCommand } from './common.js';
import { actionCommand } from './commands/action.js';
import { actionsCommand } from './commands/actions.js';
import { adoptCommand } from './commands/adopt.js';
import { agendaCommand } from './commands/agenda.js';
import { approveCommand } from './commands/approve.js';
import { attendanceCommand } from './commands/attendance.js';
import { decideCommand } from './commands/decide.js';
import { dueCommand } from './commands/due.js';
import { exportCommand } from './commands/export.js';
import { historyCommand } from './commands/history.js';
import { importCommand } from './commands/import.js';
import { initCommand } from './commands/init.js';
import { meetingsCommand } from './commands/meetings.js';
import { membersCommand } from './commands/members.js';
import { minutesCommand } from './commands/minutes.js';
import { newCommand } from './commands/new.js';
import { registerCommand } from './commands/register.js';
import { retireCommand } from './commands/retire.js';
import { submitCommand } from './commands/submit.js';
import { validateCommand } from './commands/validate.js';
import { verifyCommand } from './commands/verify.js';
import { publishCommand } from './commands/publish.js';
import { notifyCommand } from './commands/notify.js';
import { remindCommand } from './commands/remind.js';
import { reportCommand } from './commands/report.js';

export const COMMANDS: readonly CliCommand[] = [
  initCommand,
  newCommand,
  validateCommand,
  registerCommand,
  meetingsCommand,
  dueCommand,
  submitCommand,
  membersCommand,
  agendaCommand,
  actionCommand,
  actionsCommand,
  attendanceCommand,
  minutesCommand,
  decideCommand,
  approveCommand,
  verifyCommand,
  publishCommand,
  reportCommand,
  importCommand,
  remindCommand,
  notifyCommand,
  historyCommand,
  adoptCommand,
  retireCommand,
  exportCommand,
];
