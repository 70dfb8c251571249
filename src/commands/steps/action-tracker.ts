/**
 * The action tracker (actions.yaml) opened for reading or changing: refused while it has problems other than unknown
 * owners.
 */
import type { Action } from '../../core/actions.js';
import { RefusalError } from '../../core/errors.js';
import type { Member } from '../../core/members.js';
import { listProblems } from '../../core/problem.js';
import type { Settings } from '../../core/settings.js';
import type { Io } from '../../io/io.js';
import { membersSetupError, readActions, readMembers } from '../../io/register-files.js';
import { loadSettings } from './load-register.js';

export interface ActionTracker {
  root: string;
  settings: Settings;
  members: ReadonlyMap<string, Member>;
  /** actions.yaml's path and text ('' when there is no file yet). */
  path: string;
  text: string;
  actions: Action[];
}

/** Returns the register's actions with what a change to them needs. */
export async function openActionTracker(io: Io, register?: string, write?: string): Promise<ActionTracker> {
  const { root, settings } = await loadSettings(io, register, write);
  const read = readMembers(root, settings);
  const missing = membersSetupError(root, read, 'ppp action');
  if (missing) throw missing;
  const members = new Map(read.members.map((m) => [m.id, m]));
  const { actions, problems, path, text } = readActions(root, members);
  const blocking = problems.filter((p) => p.rule !== 'actions/unknown-owner');
  if (blocking.length)
    throw new RefusalError(
      `actions.yaml has problems; fix them first (ppp validate actions.yaml):\n${listProblems(blocking)}`,
    );
  return { root, settings, members, path, text, actions };
}
