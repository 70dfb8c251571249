/** ppp actions: the action tracker in actions.yaml, with what is overdue. */
import { compareDates } from '../core/calendar.js';
import { requireMember } from '../core/members.js';
import { today as todayOf } from '../io/clock.js';
import type { Io } from '../io/io.js';
import { openActionTracker } from './steps/action-tracker.js';

/** Returns the actions, filtered, each with whether it is overdue at today. */
export async function listActions(
  options: { register?: string; today?: string; open?: boolean; owner?: string },
  io: Io,
) {
  const ctx = await openActionTracker(io, options.register);
  if (options.owner !== undefined)
    requireMember(
      '--owner',
      options.owner,
      ctx.members.values(),
      ctx.actions.map((a) => a.owner),
    );
  const today = todayOf(io, ctx.settings.timezone, options.today);
  return {
    today,
    actions: ctx.actions
      .filter(
        (a) => (!options.open || a.done_on === null) && (options.owner === undefined || a.owner === options.owner),
      )
      .map((a) => ({ ...a, overdue: a.done_on === null && compareDates(a.due, today) < 0 })),
  };
}
