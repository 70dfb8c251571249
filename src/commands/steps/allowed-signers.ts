/**
 * allowed_signers as approve, adopt, retire, verify and history need it: present, and every line readable. A missing
 * or malformed file is a set-up mistake (exit 2) named once, not a signature failure on every document.
 */
import type { SignerEntry } from '../../core/allowed-signers.js';
import { ConfigError } from '../../core/errors.js';
import { SIGNERS_FILE } from '../../core/verify.js';
import { readAllowedSigners } from '../../io/register-files.js';

const LINE_FORM = 'principal[,principal…] [options] keytype base64key [comment] (see ssh-keygen(1), ALLOWED SIGNERS)';
const EXAMPLE_LINE = 'you@council.gov.uk namespaces="git" ssh-ed25519 AAAA…';

/**
 * Returns the keys allowed_signers lists; throws a ConfigError naming each bad line, or the missing file when it is
 * needed (what tells the reader why the command needs it).
 */
export function checkedAllowedSigners(
  root: string,
  command: string,
  missing: { needed: boolean; why: string; unchanged?: string },
): { entries: SignerEntry[]; present: boolean } {
  const read = readAllowedSigners(root);
  if (read.text === undefined) {
    if (missing.needed)
      throw new ConfigError(
        `${SIGNERS_FILE} is missing from ${root}; ${missing.why}. Create it with a line for each approver, ` +
          `their e-mail then the line of their .pub file: ${EXAMPLE_LINE}, commit it on its own, and run ${command} ` +
          `again${missing.unchanged ?? ''}`,
      );
    return { entries: [], present: false };
  }
  if (read.problems.length > 0) {
    const lines = read.problems.map((p) => `${SIGNERS_FILE}:${p.line}:${p.column}: ${p.message}`);
    throw new ConfigError(
      `${SIGNERS_FILE} is malformed: ${read.problems.length === 1 ? 'a line' : `${read.problems.length} lines`} ` +
        `cannot be read, and git refuses every signature while one cannot, so each approval would fail ` +
        `verification. Fix ${read.problems.length === 1 ? 'it' : 'them'} (each line is ${LINE_FORM}; ` +
        `# starts a comment), commit the file, and run ${command} again${missing.unchanged ?? ''}:\n  ` +
        lines.join('\n  '),
    );
  }
  return { entries: read.entries, present: true };
}
