/** allowed_signers is read line by line as ssh-keygen reads it; one bad line makes git refuse every signature. */
import type { ParseRule } from './types.js';

export default {
  id: 'signers/invalid',
  severity: 'error',
  description:
    'allowed_signers lists one "principal[,principal…] [options] keytype base64key [comment]" a line, ' +
    'for namespace git (comments and blank lines allowed)',
  scope: 'parse',
} satisfies ParseRule;
