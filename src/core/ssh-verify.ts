/**
 * A commit's SSH signature checked in process, for the common case only: an ed25519 key listed plainly in
 * allowed_signers. git checks a signature by starting ssh-keygen twice (tens of milliseconds a commit: minutes for ten
 * thousand approvals); this does the same check in microseconds. It only ever accepts: a signature it cannot prove
 * good under a plainly listed key (another key type, a certificate, an option such as valid-before, a principal
 * pattern, a revocation list, anything it does not parse) is left to git, whose verdict then stands. Pure.
 *
 * What is checked, as `ssh-keygen -Y find-principals` then `-Y verify -n git` check it (PROTOCOL.sshsig): the
 * signature is over the commit without its gpgsig header, in namespace git, hashed with sha512 or sha256; its public
 * key is the key of the first allowed_signers line that lists it, and that line allows namespace git; the signer
 * shown is that line's first principal, as git shows it.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { keyFingerprint, type SignerEntry } from './allowed-signers.js';

const ARMOR_START = '-----BEGIN SSH SIGNATURE-----';
const ARMOR_END = '-----END SSH SIGNATURE-----';

/** The signer and key git would show (%GS, %GK) for a good signature by a trusted key, or undefined: ask git. */
export function verifiedSshSigner(
  rawCommit: Buffer,
  entries: readonly SignerEntry[],
): { signer: string; key: string } | undefined {
  const split = signedPayload(rawCommit);
  if (!split) return undefined;
  const sig = parseSshSig(split.signature);
  if (!sig || sig.namespace !== 'git' || sig.publicKey.type !== 'ssh-ed25519') return undefined;
  const keyBase64 = sig.publicKeyBlob.toString('base64');
  const entry = entries.find((e) => e.key === keyBase64);
  if (!entry || entry.keyType !== 'ssh-ed25519' || entry.options.some((o) => o !== 'namespaces')) return undefined;
  if (entry.namespaces && !entry.namespaces.includes('git')) return undefined;
  const principal = entry.principals[0];
  if (!principal || /[*?!]/.test(principal)) return undefined;
  const hash = createHash(sig.hashAlgorithm).update(split.payload).digest();
  const signed = Buffer.concat([
    Buffer.from('SSHSIG'),
    sshString(sig.namespace),
    sshString(sig.reserved),
    sshString(sig.hashAlgorithm),
    sshString(hash),
  ]);
  const key = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: sig.publicKey.data.toString('base64url') },
    format: 'jwk',
  });
  let good = false;
  try {
    good = verify(null, signed, key, sig.signature);
  } catch {
    return undefined;
  }
  return good ? { signer: principal, key: keyFingerprint(keyBase64) } : undefined;
}

/**
 * Splits a raw commit into what was signed (the commit without its gpgsig and gpgsig-sha256 headers, as git verifies
 * it) and the armored signature, or undefined when it has no SSH signature.
 */
export function signedPayload(raw: Buffer): { payload: Buffer; signature: string } | undefined {
  const end = raw.indexOf('\n\n');
  if (end < 0) return undefined;
  const kept: Buffer[] = [];
  let signature: string[] | undefined;
  let inSignature = false;
  let at = 0;
  while (at <= end) {
    const nl = raw.indexOf(10, at);
    const line = raw.subarray(at, nl + 1);
    at = nl + 1;
    if (line[0] === 0x20 && inSignature) {
      signature?.push(line.subarray(1, line.length - 1).toString('latin1'));
      continue;
    }
    inSignature = false;
    const text = line.toString('latin1');
    if (text.startsWith('gpgsig ') || text.startsWith('gpgsig-sha256 ')) {
      inSignature = true;
      // Two signatures (gpgsig twice): leave it to git.
      if (text.startsWith('gpgsig ')) {
        if (signature) return undefined;
        signature = [text.slice('gpgsig '.length, -1)];
      }
      continue;
    }
    kept.push(line);
  }
  if (!signature) return undefined;
  kept.push(raw.subarray(at));
  return { payload: Buffer.concat(kept), signature: signature.join('\n') };
}

interface SshSig {
  publicKeyBlob: Buffer;
  publicKey: { type: string; data: Buffer };
  namespace: string;
  reserved: Buffer;
  hashAlgorithm: 'sha256' | 'sha512';
  signature: Buffer;
}

/** Returns the fields of an armored SSH signature (PROTOCOL.sshsig), or undefined when it is not one ed25519 reads. */
export function parseSshSig(armored: string): SshSig | undefined {
  const lines = armored.trim().split('\n');
  if (lines[0] !== ARMOR_START || lines.at(-1) !== ARMOR_END) return undefined;
  const base64 = lines.slice(1, -1).join('');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) return undefined;
  const blob = Buffer.from(base64, 'base64');
  if (blob.subarray(0, 6).toString('latin1') !== 'SSHSIG') return undefined;
  const reader = fields(blob.subarray(6));
  const version = reader.uint32();
  const publicKeyBlob = reader.string();
  const namespace = reader.string();
  const reserved = reader.string();
  const hashAlgorithm = reader.string();
  const signatureBlob = reader.string();
  if (version !== 1 || !reader.done() || !publicKeyBlob || !namespace || !reserved || !hashAlgorithm || !signatureBlob)
    return undefined;
  const hash = hashAlgorithm.toString('latin1');
  if (hash !== 'sha256' && hash !== 'sha512') return undefined;
  const key = fields(publicKeyBlob);
  const keyType = key.string()?.toString('latin1');
  const keyData = key.string();
  const sig = fields(signatureBlob);
  const sigType = sig.string()?.toString('latin1');
  const sigData = sig.string();
  if (!keyType || !keyData || !key.done() || !sigType || !sigData || !sig.done()) return undefined;
  if (keyType !== 'ssh-ed25519' || sigType !== 'ssh-ed25519' || keyData.length !== 32 || sigData.length !== 64)
    return undefined;
  return {
    publicKeyBlob,
    publicKey: { type: keyType, data: keyData },
    namespace: namespace.toString('utf8'),
    reserved,
    hashAlgorithm: hash,
    signature: sigData,
  };
}

/** Reads SSH wire fields: uint32 and length-prefixed strings; undefined once the bytes run short. */
function fields(bytes: Buffer) {
  let at = 0;
  let short = false;
  return {
    uint32(): number | undefined {
      if (at + 4 > bytes.length) return void (short = true);
      at += 4;
      return bytes.readUInt32BE(at - 4);
    },
    string(): Buffer | undefined {
      if (at + 4 > bytes.length) return void (short = true);
      const length = bytes.readUInt32BE(at);
      if (at + 4 + length > bytes.length) return void (short = true);
      at += 4 + length;
      return bytes.subarray(at - length, at);
    },
    done: () => !short && at === bytes.length,
  };
}

function sshString(value: string | Buffer): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}
