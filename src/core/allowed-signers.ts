/**
 * allowed_signers, the approvers' public keys in ssh-keygen's ALLOWED SIGNERS format: one
 * `principal[,principal…] [options] keytype base64key [comment]` a line, comments and blank lines allowed. A line
 * ssh-keygen cannot read makes it refuse every signature, so each fault is found here, with its line. Pure.
 */
import { createHash } from 'node:crypto';

/** One listed key. */
export interface SignerEntry {
  line: number;
  principals: string[];
  keyType: string;
  /** The key as base64, the way a .pub file writes it. */
  key: string;
  /** The namespaces="…" option, when given: the key verifies only signatures made for these. */
  namespaces?: string[];
  /** The names of the line's options (namespaces, cert-authority, valid-after, valid-before), lower case. */
  options: string[];
}

/** A fault of one line, at its column. */
export interface SignersFault {
  line: number;
  column: number;
  message: string;
}

/** The key types ssh-keygen signs and verifies with. */
export const KEY_TYPES = [
  'ssh-ed25519',
  'ssh-rsa',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
  'ssh-dss',
] as const;

const OPTIONS = ['cert-authority', 'namespaces', 'valid-after', 'valid-before'];
const EXAMPLE = 'you@council.gov.uk namespaces="git" ssh-ed25519 AAAA…';
const TIME_RE = /^\d{8}(\d{4}(\d{2})?)?Z?$/;

/** Returns true when the word is a key type (a certificate's too). */
export function isKeyType(word: string): boolean {
  const plain = word.replace(/-cert-v01@openssh\.com$/, '');
  return (KEY_TYPES as readonly string[]).includes(plain);
}

/** How many length-prefixed fields a key blob of each type holds, its type name included. */
const FIELDS: Record<string, number> = {
  'ssh-ed25519': 2,
  'ssh-rsa': 3,
  'ecdsa-sha2-nistp256': 3,
  'ecdsa-sha2-nistp384': 3,
  'ecdsa-sha2-nistp521': 3,
  'sk-ssh-ed25519@openssh.com': 3,
  'sk-ecdsa-sha2-nistp256@openssh.com': 4,
  'ssh-dss': 5,
};

/**
 * Returns the key type written inside a base64 key blob, or undefined when it is not a whole key blob: a key cut short
 * or run on no longer splits into its fields exactly.
 */
function blobKeyType(base64: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(base64, 'base64');
  const fields: Buffer[] = [];
  for (let at = 0; at < bytes.length;) {
    if (at + 4 > bytes.length) return undefined;
    const length = bytes.readUInt32BE(at);
    if (at + 4 + length > bytes.length) return undefined;
    fields.push(bytes.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  const type = fields[0]?.toString('latin1');
  if (!type || type.length > 64) return undefined;
  const expected = FIELDS[type];
  if (expected !== undefined && fields.length !== expected) return undefined;
  return type;
}

/** Returns the SHA256 fingerprint of a base64 key, as ssh-keygen -l prints it. */
export function keyFingerprint(base64: string): string {
  return `SHA256:${createHash('sha256').update(Buffer.from(base64, 'base64')).digest('base64').replace(/=+$/, '')}`;
}

/** Splits a line into words at spaces and tabs, a double-quoted stretch (namespaces="a b") staying whole. */
function words(line: string): { text: string; column: number }[] {
  const out: { text: string; column: number }[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i++;
    if (i >= line.length) break;
    const start = i;
    let quoted = false;
    while (i < line.length && (quoted || (line[i] !== ' ' && line[i] !== '\t'))) {
      if (line[i] === '"') quoted = !quoted;
      i++;
    }
    out.push({ text: line.slice(start, i), column: start + 1 });
  }
  return out;
}

/** Splits options at commas outside quotes. */
function splitOptions(text: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === ',' && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

/** Returns the listed keys of an allowed_signers text and the fault of every line ssh-keygen would not accept. */
export function parseAllowedSigners(text: string): { entries: SignerEntry[]; faults: SignersFault[] } {
  const entries: SignerEntry[] = [];
  const faults: SignersFault[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      const fault = (column: number, message: string) => faults.push({ line, column, message });
      const w = words(raw);
      if (w.length === 0 || w[0]!.text.startsWith('#')) return;
      const first = w[0]!;
      if (isKeyType(first.text) || first.text.startsWith('AAAA')) {
        fault(
          first.column,
          `the line starts with the key itself; put the approver's e-mail (the principal) first, like ${EXAMPLE}`,
        );
        return;
      }
      if (first.text.split(',').some((p) => p.trim() === '')) {
        fault(first.column, `the principals "${first.text}" have an empty name; separate e-mails with single commas`);
        return;
      }
      let at = 1;
      let namespaces: string[] | undefined;
      let options: string[] = [];
      const second = w[1];
      if (second === undefined) {
        fault(
          first.column,
          `"${first.text}" has no key after it; each line is principal[,principal…] [options] keytype base64key, ` +
            `like ${EXAMPLE}`,
        );
        return;
      }
      if (!isKeyType(second.text)) {
        const result = checkOptions(second.text, second.column, fault);
        if (result === false) return;
        namespaces = result;
        options = splitOptions(second.text).map((o) => o.split('=')[0]!.toLowerCase());
        at = 2;
      }
      const type = w[at];
      const key = w[at + 1];
      if (type === undefined || !isKeyType(type.text)) {
        const where = type ?? w[at - 1]!;
        fault(
          where.column,
          type === undefined
            ? `no key type after "${w[at - 1]!.text}"; write the key as its .pub file does: keytype base64key, ` +
                `like ${EXAMPLE}`
            : `"${type.text}" is not a key type (${KEY_TYPES.slice(0, 3).join(', ')}…); copy the key from its .pub ` +
                `file, like ${EXAMPLE}`,
        );
        return;
      }
      if (key === undefined) {
        fault(type.column, `no key after ${type.text}; paste the whole line of the .pub file after the principal`);
        return;
      }
      const inside = blobKeyType(key.text);
      if (inside === undefined) {
        fault(
          key.column,
          `the ${type.text} key is not valid base64 (cut short, wrapped or mistyped?); paste the whole line of the ` +
            `.pub file again`,
        );
        return;
      }
      if (inside !== type.text) {
        fault(
          key.column,
          `the key says it is ${inside}, not ${type.text}; ` +
            `paste the whole line of the .pub file again, keytype and key`,
        );
        return;
      }
      entries.push({
        line,
        principals: first.text.split(','),
        keyType: type.text,
        key: key.text,
        ...(namespaces ? { namespaces } : {}),
        options,
      });
    });
  return { entries, faults };
}

/** Returns the namespaces option's values (undefined when not given), or false when an option is wrong. */
function checkOptions(
  text: string,
  column: number,
  fault: (column: number, message: string) => void,
): string[] | undefined | false {
  let namespaces: string[] | undefined;
  for (const option of splitOptions(text)) {
    const eq = option.indexOf('=');
    const name = (eq < 0 ? option : option.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? undefined : option.slice(eq + 1).replace(/^"(.*)"$/, '$1');
    if (!OPTIONS.includes(name)) {
      fault(
        column,
        `"${option}" is neither a key type nor an option ssh-keygen knows (${OPTIONS.join(', ')}); ` +
          `each line is principal[,principal…] [options] keytype base64key, like ${EXAMPLE}`,
      );
      return false;
    }
    if (name === 'cert-authority') continue;
    if (value === undefined || value === '') {
      fault(
        column,
        `the option ${name} needs a value in quotes, like ` +
          `${name === 'namespaces' ? 'namespaces="git"' : `${name}="20270101"`}`,
      );
      return false;
    }
    if ((name === 'valid-after' || name === 'valid-before') && !TIME_RE.test(value)) {
      fault(
        column,
        `${name}="${value}" is not a time ssh-keygen reads; ` +
          `write it YYYYMMDD or YYYYMMDDHHMM[SS], like ${name}="20270101"`,
      );
      return false;
    }
    if (name === 'namespaces') {
      namespaces = value.split(',').map((n) => n.trim());
      if (!namespaces.some((n) => n === 'git' || n === '*')) {
        fault(
          column,
          `namespaces="${value}" leaves out git, so this key can never verify a signed commit; write namespaces="git"`,
        );
        return false;
      }
    }
  }
  return namespaces;
}

/** Returns the public key written in a text (a .pub file's line, key::…, or a bare keytype base64), if any. */
export function publicKeyIn(text: string): { keyType: string; key: string } | undefined {
  const w = text
    .trim()
    .replace(/^key::/, '')
    .split(/\s+/);
  if (w.length < 2 || !isKeyType(w[0]!) || blobKeyType(w[1]!) !== w[0]) return undefined;
  return { keyType: w[0]!, key: w[1]! };
}

/** Returns the entry that lists a public key for git signatures, if any. */
export function listedSigner(entries: readonly SignerEntry[], key: { key: string }): SignerEntry | undefined {
  return entries.find((e) => e.key === key.key);
}
