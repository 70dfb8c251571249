/** The commands that read approvals from git history need all of it: a shallow clone is a set-up mistake (exit 2). */
import { GitError } from '../../core/errors.js';
import { isShallow } from '../../io/git.js';

/** Throws a GitError when the register is a shallow clone, saying what would be missed and how to fetch the rest. */
export async function refuseShallow(root: string, command: string, missed: string): Promise<void> {
  if (!(await isShallow(root))) return;
  throw new GitError(
    `${root} is a shallow clone, so ${missed}; fetch the whole history (git fetch --unshallow, or ` +
      `fetch-depth: 0 in actions/checkout) and run ${command} again`,
  );
}
