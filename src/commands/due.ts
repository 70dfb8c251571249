/** ppp due: the review state of every document in force, at today. */
import { parsePeriod } from '../core/duration.js';
import { UsageError } from '../core/errors.js';
import { requireMember } from '../core/members.js';
import { dueRows, REVIEW_STATES, type DueRow, type ReviewState } from '../core/reviews.js';
import { today as todayOf } from '../io/clock.js';
import { membersSetupError } from '../io/register-files.js';
import type { Io } from '../io/io.js';
import { loadRegister, ownersOf } from './steps/load-register.js';

export interface DueOptions {
  register?: string;
  today?: string;
  within?: string;
  owner?: string;
  state?: string;
}

/** Returns today and the documents' review states, filtered and sorted by due date. */
export async function due(options: DueOptions, io: Io): Promise<{ today: string; rows: DueRow[] }> {
  const within = options.within === undefined ? undefined : parsePeriod(options.within);
  if (within && !within.ok) throw new UsageError(`--within: ${within.message}`);
  if (within?.ok && within.value.workingDays)
    throw new UsageError('--within takes days, weeks, months or years, not working days');
  if (options.state !== undefined && !(REVIEW_STATES as readonly string[]).includes(options.state)) {
    throw new UsageError(`--state ${options.state} is not a review state; use one of: ${REVIEW_STATES.join(', ')}`);
  }
  const loaded = await loadRegister(io, { register: options.register });
  if (options.owner !== undefined && !loaded.members.some((m) => m.id === options.owner)) {
    const missing = membersSetupError(
      loaded.root,
      { members: loaded.members, problems: loaded.memberProblems },
      'ppp due',
    );
    if (missing) throw missing;
  }
  if (options.owner !== undefined) requireMember('--owner', options.owner, loaded.members, ownersOf(loaded.records));
  const today = todayOf(io, loaded.settings.timezone, options.today);
  const rows = dueRows(loaded.records, today, loaded.settings, {
    within: within?.ok ? within.value : undefined,
    owner: options.owner,
    state: options.state as ReviewState | undefined,
  });
  return { today, rows };
}
