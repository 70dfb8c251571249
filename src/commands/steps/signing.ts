/**
 * How a governed commit is signed: approve and adopt decide the same way whether to sign, refuse the same set-ups
 * that cannot sign before anything is written, and explain a failed signature in the same words.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { GitError, RefusalError } from '../../core/errors.js';
import { pathExists } from '../../io/fs.js';
import { CommitError, signingSetup, type SigningSetup } from '../../io/git.js';
import type { LoadedRegister } from './load-register.js';

/** Whether the commit is signed, and the set-up it signs with. */
export interface SigningPlan {
  sign: boolean;
  setup: SigningSetup;
}

/**
 * Returns whether to sign (always when approval.signing is required, else when a key is configured); refuses, before
 * anything changes, a set-up that cannot sign.
 */
export async function planSigning(loaded: LoadedRegister): Promise<SigningPlan> {
  const { root, settings } = loaded;
  const setup = await signingSetup(root);
  const sign = settings.approval.signing === 'required' || hasSigningKey(setup);
  if (sign) {
    const problem = signingProblem(setup, root);
    if (problem)
      throw new RefusalError(
        `${problem}; nothing was ` +
          `changed${settings.approval.signing === 'required' ? ' (ppp.yaml: approval.signing: required)' : ''}`,
      );
  }
  return { sign, setup };
}

/** Returns the error for a commit git could not make: git's reason, and what to check when signing failed. */
export function commitFailure(what: string, plan: SigningPlan, error: unknown, leftAsItWas: string): Error {
  // A hook that rewrote the commit was undone already: its refusal says so.
  if (error instanceof RefusalError) return error;
  const reason = (error as Error).message;
  // Only a failure to sign is called one; a hook, a missing identity or a locked index says what it is.
  const kind = error instanceof CommitError ? error.kind : 'other';
  const signing = plan.sign && (kind === 'signing' || kind === 'other');
  return new GitError(
    `${what} could not be made${signing ? ' (signing failed)' : ''}: ` +
      `${reason}. ${signing ? signingHint(plan.setup) + ' ' : ''}${leftAsItWas}`,
    { cause: error },
  );
}

function hasSigningKey(setup: SigningSetup): boolean {
  return setup.key !== undefined || setup.keyCommand !== undefined;
}

/** Returns why the configured signing cannot work, when that can be told before trying. */
function signingProblem(setup: SigningSetup, root: string): string | undefined {
  if (setup.format !== 'ssh') return undefined;
  if (!hasSigningKey(setup)) {
    return (
      'no signing key is configured for git; set one with git config user.signingkey ' +
      '~/.ssh/id_ed25519.pub (and git config gpg.format ssh), and add its line to allowed_signers'
    );
  }
  const key = setup.key;
  if (key === undefined || key.startsWith('key::') || /^(ssh|ecdsa|sk)-/.test(key)) return undefined;
  const path = key.startsWith('~/') ? join(homedir(), key.slice(2)) : resolve(root, key);
  if (!pathExists(path))
    return (
      `the signing key file ${key} (git config user.signingkey) does not exist; point ` +
      `user.signingkey at your key, for example ~/.ssh/id_ed25519.pub`
    );
  return undefined;
}

function signingHint(setup: SigningSetup): string {
  return setup.format === 'ssh'
    ? 'Check that git config user.signingkey names your SSH key and that ssh-agent ' +
        'holds it (ssh-add -l) or the key file is readable.'
    : 'Check that gpg has your secret key (gpg --list-secret-keys) and that git config user.signingkey names it.';
}
