/** ssh-keygen, for the demonstration key of the live example register. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
