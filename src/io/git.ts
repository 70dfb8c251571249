/** The only importer of simple-git. Every call names its folder; nothing depends on the global git config beyond identity and signing. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GitError } from '../core/errors.js';

async function git(dir: string) {
  const { simpleGit } = await import('simple-git');
  return simpleGit({ baseDir: dir, binary: 'git', maxConcurrentProcesses: 4 });
}

/** Returns true when dir is inside a git work tree. */
export async function isInsideWorkTree(dir: string): Promise<boolean> {
  try {
    return (await (await git(dir)).raw(['rev-parse', '--is-inside-work-tree'])).trim() === 'true';
  } catch {
    return false;
  }
}

/** Creates a git repository in dir (branch main). */
export async function initRepository(dir: string): Promise<void> {
  try {
    await (await git(dir)).raw(['init', '--quiet', '--initial-branch=main']);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0]!.replace(/^Error: /, '');
    throw new GitError(`git init failed in ${dir} (${reason}); is git installed and on the PATH? Nothing was left behind.`, { cause: error });
  }
}

/** Returns the ids in every document file name ever committed, so that an id is never reused. */
export async function retiredIdsInHistory(root: string): Promise<string[]> {
  if (!existsSync(join(root, '.git')) && !(await isInsideWorkTree(root))) return [];
  try {
    // Every path ever committed, renames split into delete and add so the old name is seen too.
    const out = await (await git(root)).raw(['log', '--all', '--format=', '--name-only', '--no-renames', '--', 'documents']);
    const ids = new Set<string>();
    for (const line of out.split('\n')) {
      const m = /([A-Z][A-Z0-9]{0,9}-[A-Z]{3}-\d{4})[^/]*\.md$/.exec(line.trim());
      if (m) ids.add(m[1]!);
    }
    return [...ids];
  } catch {
    // A repository with no commits yet has no history to consult.
    return [];
  }
}
