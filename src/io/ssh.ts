/** SSH keys: ssh-keygen for the demonstration key of the live example register, and the key git signs with. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { publicKeyIn } from '../core/allowed-signers.js';
import { ConfigError } from '../core/errors.js';

/** Makes an ed25519 key pair without a passphrase at path (and path.pub) and returns the public key line. */
export async function makeSshKey(path: string, comment: string): Promise<string> {
  await new Promise<void>((resolvePromise, reject) => {
    execFile('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path], (error, _stdout, stderr) => {
      if (!error) return resolvePromise();
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      reject(
        new ConfigError(
          missing
            ? 'ssh-keygen is not installed; the live example signs its approvals with an SSH ' +
                'key, so install OpenSSH (apt-get install openssh-client)'
            : `ssh-keygen failed: ${stderr.trim() || error.message}`,
          { cause: error },
        ),
      );
    });
  });
  return readFileSync(`${path}.pub`, 'utf8').trim();
}

/**
 * Returns the public key that git signs with, as far as it can be told without ssh-agent: a key written in
 * user.signingkey (key::…), the key file itself when it is a public key, else its .pub beside it.
 */
export function signingPublicKey(
  setting: string,
  root: string,
): { keyType: string; key: string; source: string } | undefined {
  const literal = publicKeyIn(setting);
  if (literal) return { ...literal, source: 'git config user.signingkey' };
  const path = signingKeyPath(setting, root);
  for (const candidate of path.endsWith('.pub') ? [path] : [path, `${path}.pub`]) {
    let text: string;
    try {
      text = readFileSync(candidate, 'utf8');
    } catch {
      continue;
    }
    const key = publicKeyIn(text);
    if (key) return { ...key, source: candidate };
  }
  return undefined;
}

/** Returns the file a user.signingkey path names: ~/ is the home folder, a relative path is from the register. */
export function signingKeyPath(setting: string, root: string): string {
  return setting.startsWith('~/') ? join(homedir(), setting.slice(2)) : resolve(root, setting);
}
