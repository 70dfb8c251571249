/**
 * SSH signatures made in process: the same bytes as `ssh-keygen -Y sign -n NAMESPACE -f KEY`
 * (ed25519 signatures are deterministic), without starting ssh-keygen, which costs tens of
 * milliseconds a signature. Used where many commits are signed in a row (ppp init --example).
 */
import { fileSystemFailure } from './fs-failure.js';
import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../core/errors.js';

const KEY_MAGIC = 'openssh-key-v1\0';

/**
 * Returns a function that signs a buffer as ssh-keygen -Y sign does, with the unencrypted ed25519 OpenSSH private key
 * at keyPath; throws ConfigError for any other key.
 */
export function sshSigner(keyPath: string, namespace = 'git'): (data: Uint8Array) => string {
  const { key, publicBlob } = readEd25519Key(keyPath);
  return (data) => {
    // The signed data and the signature blob as PROTOCOL.sshsig lays them out; sha512 is ssh-keygen's default.
    const hash = createHash('sha512').update(data).digest();
    const signed = Buffer.concat([
      Buffer.from('SSHSIG'),
      sshString(namespace),
      sshString(''),
      sshString('sha512'),
      sshString(hash),
    ]);
    const signature = sign(null, signed, key);
    const blob = Buffer.concat([
      Buffer.from('SSHSIG'),
      uint32(1),
      sshString(publicBlob),
      sshString(namespace),
      sshString(''),
      sshString('sha512'),
      sshString(Buffer.concat([sshString('ssh-ed25519'), sshString(signature)])),
    ]);
    const lines = blob.toString('base64').match(/.{1,70}/g) ?? [];
    return `-----BEGIN SSH SIGNATURE-----\n${lines.join('\n')}\n-----END SSH SIGNATURE-----\n`;
  };
}

function readEd25519Key(keyPath: string): { key: KeyObject; publicBlob: Buffer } {
  const fail = (why: string) =>
    new ConfigError(`${keyPath}: ${why}; ppp signs here only with an unencrypted ed25519 key made by ssh-keygen`);
  let text: string;
  try {
    text = readFileSync(keyPath, 'utf8');
  } catch (error) {
    throw new ConfigError(
      `the signing key: ${fileSystemFailure(error) ?? `cannot read ${keyPath}: ${(error as Error).message}`}`,
      { cause: error },
    );
  }
  const m = /-----BEGIN OPENSSH PRIVATE KEY-----([\s\S]*?)-----END OPENSSH PRIVATE KEY-----/.exec(text);
  if (!m) throw fail('not an OpenSSH private key');
  const reader = bufferReader(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
  if (reader.bytes(KEY_MAGIC.length).toString('latin1') !== KEY_MAGIC) throw fail('not an OpenSSH private key');
  const cipher = reader.string().toString();
  const kdf = reader.string().toString();
  reader.string();
  if (cipher !== 'none' || kdf !== 'none') throw fail('the key has a passphrase');
  if (reader.uint32() !== 1) throw fail('the file holds more than one key');
  const publicBlob = reader.string();
  const secret = bufferReader(reader.string());
  if (secret.uint32() !== secret.uint32()) throw fail('the key file is damaged');
  if (secret.string().toString() !== 'ssh-ed25519') throw fail('not an ed25519 key');
  const publicKey = secret.string();
  const privateKey = secret.string();
  if (publicKey.length !== 32 || privateKey.length !== 64) throw fail('the key file is damaged');
  // OpenSSH keeps the 32-byte seed followed by the public key.
  const key = createPrivateKey({
    key: {
      kty: 'OKP',
      crv: 'Ed25519',
      d: privateKey.subarray(0, 32).toString('base64url'),
      x: publicKey.toString('base64url'),
    },
    format: 'jwk',
  });
  return { key, publicBlob };
}

function bufferReader(buffer: Buffer) {
  let at = 0;
  const bytes = (n: number) => {
    if (at + n > buffer.length) throw new ConfigError('the signing key file is damaged (it ends early)');
    const out = buffer.subarray(at, at + n);
    at += n;
    return out;
  };
  const uint32 = () => bytes(4).readUInt32BE(0);
  return { bytes, uint32, string: () => bytes(uint32()) };
}

function uint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function sshString(value: string | Uint8Array): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
  return Buffer.concat([uint32(bytes.length), bytes]);
}
