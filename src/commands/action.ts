/** ppp action add, ppp action done: change the action tracker in actions.yaml. */
import { addAction, markDone, nextActionId } from '../core/actions-edit.js';
import type { Action } from '../core/actions.js';
import { addMonths, compareDates, isIsoDate } from '../core/calendar.js';
import { RefusalError, UsageError } from '../core/errors.js';
import { requireMember } from '../core/members.js';
import { meetingDates, scheduledMeeting } from '../core/meetings.js';
import { recordingToday } from '../io/clock.js';
import { writeFileAtomic } from '../io/fs.js';
import type { Io } from '../io/io.js';
import { openActionTracker } from './steps/action-tracker.js';
import { loadWorkingCalendar } from './steps/working-calendar.js';

/** Adds an action raised at a meeting (default: the latest meeting on or before today) and returns it. */
export async function raiseAction(
  options: { register?: string; today?: string; text: string; owner: string; due: string; meeting?: string },
  io: Io,
): Promise<Action> {
  if (!options.text.trim())
    throw new UsageError('the action needs its text: ppp action add "what is to be done" --owner ID --due DATE');
  if (!isIsoDate(options.due)) throw new UsageError(`--due ${options.due} is not a real date written YYYY-MM-DD`);
  const ctx = await openActionTracker(io, options.register, 'action add');
  requireMember('--owner', options.owner, ctx.members.values());
  const today = recordingToday(io, ctx.settings.timezone, options.today);
  let raised: string;
  if (options.meeting !== undefined) {
    raised = scheduledMeeting(ctx.settings, await loadWorkingCalendar(ctx.settings), options.meeting).date;
    // An action is raised at a meeting: one that has taken place.
    if (compareDates(raised, today) > 0) {
      throw new RefusalError(
        `the meeting of ${raised} has not taken place yet (today is ${today}); nothing was changed`,
      );
    }
  } else {
    const latest = meetingDates(ctx.settings, addMonths(today, -12), today).pop();
    if (!latest) throw new UsageError('no meeting in the last year to raise the action at; pass --meeting DATE');
    raised = latest;
  }
  if (compareDates(options.due, raised) < 0)
    throw new UsageError(`--due ${options.due} is before the meeting that raised it (${raised})`);
  const action: Action = {
    id: nextActionId(raised, ctx.actions),
    text: options.text.replace(/\s+/g, ' ').trim(),
    owner: options.owner,
    raised,
    due: options.due,
    done_on: null,
  };
  writeFileAtomic(ctx.path, addAction(ctx.text, action));
  return action;
}

/** Marks an action done (default: today) and returns it. */
export async function markActionDone(
  options: { register?: string; today?: string; id: string; on?: string },
  io: Io,
): Promise<Action> {
  if (options.on !== undefined && !isIsoDate(options.on))
    throw new UsageError(`--on ${options.on} is not a real date written YYYY-MM-DD`);
  const ctx = await openActionTracker(io, options.register, 'action done');
  const today = recordingToday(io, ctx.settings.timezone, options.today);
  const action = ctx.actions.find((a) => a.id === options.id);
  if (!action) throw new UsageError(`${options.id} is not an action in actions.yaml; ppp actions lists them`);
  if (action.done_on)
    throw new RefusalError(`${options.id} was already done on ${action.done_on}; nothing was changed`);
  const on = options.on ?? today;
  if (compareDates(on, today) > 0)
    throw new UsageError(`--on ${on} is after today (${today}); record an action done once it is done`);
  if (compareDates(on, action.raised) < 0)
    throw new UsageError(`${on} is before the meeting that raised ${options.id} (${action.raised})`);
  writeFileAtomic(ctx.path, markDone(ctx.text, options.id, on));
  return { ...action, done_on: on };
}
