/** ppp members: the members of the group and their roles, from members.yaml. */
import type { Member } from '../core/members.js';
import type { Problem } from '../core/problem.js';
import type { Io } from '../io/io.js';
import { membersSetupError, readMembers } from '../io/register-files.js';
import { loadSettings } from './steps/load-register.js';

/** Returns the members of members.yaml and its problems. */
export async function listMembers(
  options: { register?: string },
  io: Io,
): Promise<{ members: Member[]; problems: Problem[] }> {
  const { root, settings } = await loadSettings(io, options.register);
  const { members, problems } = readMembers(root, settings);
  const missing = membersSetupError(root, { members, problems }, 'ppp members');
  if (missing) throw missing;
  return { members, problems };
}
