/**
 * Set-up mistakes that leave the register usable, as warnings: a one-off meeting on a day the council is closed, and a
 * folder under meetings/ that no meeting reads. ppp validate lists them; ppp meetings shows them.
 */
import { closedMeetingDays, meetingFolderFault } from '../../core/meetings.js';
import type { Problem } from '../../core/problem.js';
import type { Settings } from '../../core/settings.js';
import { meetingFolderNames, readSettingsText } from '../../io/register-files.js';
import { SETTINGS_FILE } from '../../io/locate.js';
import { rate } from '../../rules/index.js';
import { loadWorkingCalendar } from './working-calendar.js';

/** Returns the warnings about the meeting set-up of a register: meetings.add on closed days, stray meeting folders. */
export async function settingsWarnings(loaded: { root: string; settings: Settings }): Promise<Problem[]> {
  const { root, settings } = loaded;
  const problems: Problem[] = [];
  // The bank holidays are loaded only when there is a one-off meeting to check against them.
  const closed = settings.meetings.add.length ? closedMeetingDays(settings, await loadWorkingCalendar(settings)) : [];
  if (closed.length) {
    // ppp.yaml's reader brings ajv with it: loaded only when there is a warning to place.
    const { settingPosition } = await import('../../core/ppp-yaml.js');
    const text = readSettingsText(root);
    for (const c of closed)
      problems.push(
        rate({
          file: SETTINGS_FILE,
          ...settingPosition(text, ['meetings', 'add', String(c.index)]),
          rule: 'meetings/closed-day',
          message:
            `meetings.add lists ${c.date}, which is ${c.why}, when the council is closed; check the date ` +
            `(a one-off meeting is held on a working day), or take it out`,
        }),
      );
  }
  for (const name of meetingFolderNames(root)) {
    const fault = meetingFolderFault(settings, name);
    if (fault)
      problems.push(
        rate({ file: `meetings/${name}`, line: 1, column: 1, rule: 'meetings/unscheduled-folder', message: fault }),
      );
  }
  return problems;
}
