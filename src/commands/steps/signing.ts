/**
 * How a governed commit is signed: approve, adopt and retire decide the same way whether to sign, refuse the same
 * set-ups that cannot sign (or whose signatures ppp verify could not trust) before anything is written, warn when the
 * key is not one allowed_signers lists, and explain a failed signature in the same words.
 */
import { isKeyType, keyFingerprint, listedSigner } from '../../core/allowed-signers.js';
import { ConfigError, GitError, RefusalError } from '../../core/errors.js';
import { SIGNERS_FILE } from '../../core/verify.js';
import { pathExists } from '../../io/fs.js';
import { CommitError, identityProblem, signingSetup, type SigningSetup } from '../../io/git.js';
import type { Io } from '../../io/io.js';
import { signingKeyPath, signingPublicKey } from '../../io/ssh.js';
import { checkedAllowedSigners } from './allowed-signers.js';
import type { LoadedRegister } from './load-register.js';

/** Whether the commit is signed, and the set-up it signs with. */
export interface SigningPlan {
  sign: boolean;
  setup: SigningSetup;
}

const GIT_FORMATS = ['openpgp', 'ssh', 'x509'];

/**
 * Returns whether to sign (always when approval.signing is required, else when a key is configured); throws a
 * ConfigError, before anything changes, for a set-up that cannot make the commit or sign it, and warns on stderr when
 * the key it signs with is not listed in allowed_signers.
 */
export async function planSigning(loaded: LoadedRegister, io: Io, command: string): Promise<SigningPlan> {
  const { root, settings } = loaded;
  const setup = await signingSetup(root);
  const required = settings.approval.signing === 'required';
  const unchanged = `; nothing was changed${required ? ' (ppp.yaml: approval.signing: required)' : ''}`;
  const who = await identityProblem(root);
  if (who)
    throw new ConfigError(
      `git does not know who you are (${who}), and the commit records its author; set it with ` +
        `git config user.name "Your Name" and git config user.email you@council.gov.uk, then run ${command} again` +
        unchanged,
    );
  if (setup.formatSetting !== undefined && !GIT_FORMATS.includes(setup.formatSetting))
    throw new ConfigError(
      `git config gpg.format is "${setup.formatSetting}", which git does not know, so no commit can be made; ` +
        `set it with git config gpg.format ssh (or openpgp for a GPG key)${unchanged}`,
    );
  const sign = required || hasSigningKey(setup);
  if (!sign) return { sign, setup };
  const problem = signingProblem(setup, root);
  if (problem) throw new ConfigError(`${problem}${unchanged}`);
  // GPG signatures are trusted as gpg's keyring trusts them; SSH ones only as allowed_signers lists them.
  const signers = checkedAllowedSigners(root, command, {
    needed: setup.format === 'ssh',
    why: 'ppp verify trusts an SSH signature only from a key it lists, so this commit would fail as untrusted-signer',
    unchanged,
  });
  if (setup.format === 'ssh' && setup.key !== undefined) {
    const key = signingPublicKey(setup.key, root);
    if (key && !listedSigner(signers.entries, key))
      io.stderr.write(
        `ppp: warning: your signing key ${key.keyType} ${keyFingerprint(key.key)} (${key.source}) is not listed ` +
          `in ${SIGNERS_FILE}, so ppp verify will fail this commit (untrusted-signer). Add this line to ` +
          `${SIGNERS_FILE} in a commit of its own:\n  ${setup.email ?? 'you@council.gov.uk'} namespaces="git" ` +
          `${key.keyType} ${key.key}\n`,
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
  const key = setup.key;
  if (setup.format === 'openpgp' && key !== undefined && looksLikeSshKey(key))
    return (
      `git config user.signingkey names an SSH key (${key}), but git signs with GPG: gpg.format is ` +
      `${setup.formatSetting === undefined ? 'not set' : `"${setup.formatSetting}"`}; set it with ` +
      `git config gpg.format ssh`
    );
  if (setup.format !== 'ssh') return undefined;
  if (!hasSigningKey(setup)) {
    return (
      'no signing key is configured for git; set one with git config user.signingkey ' +
      '~/.ssh/id_ed25519.pub (and git config gpg.format ssh), and add its line to allowed_signers'
    );
  }
  if (key === undefined || key.startsWith('key::') || /^(ssh|ecdsa|sk)-/.test(key)) return undefined;
  if (!pathExists(signingKeyPath(key, root)))
    return (
      `the signing key file ${key} (git config user.signingkey) does not exist; point ` +
      `user.signingkey at your key, for example ~/.ssh/id_ed25519.pub`
    );
  return undefined;
}

/** Returns true when a user.signingkey value is an SSH key or a key file (a GPG key is an id or an e-mail). */
function looksLikeSshKey(key: string): boolean {
  return key.startsWith('key::') || isKeyType(key.split(/\s/)[0]!) || key.includes('/') || key.endsWith('.pub');
}

function signingHint(setup: SigningSetup): string {
  return setup.format === 'ssh'
    ? 'Check that git config user.signingkey names your SSH key and that ssh-agent ' +
        'holds it (ssh-add -l) or the key file is readable.'
    : 'Check that gpg has your secret key (gpg --list-secret-keys) and that git config user.signingkey names it.';
}
