import { describe, expect, it } from 'vitest';
import { keyFingerprint, listedSigner, parseAllowedSigners, publicKeyIn } from './allowed-signers.js';

const ED = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMzYSjvYOPnV3mFmTwuKunt6R3BzlpYZCcqXt2LVY02o';
const EC =
  'ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBAAijYWBTz7uX4GK27s+' +
  'rRrciBkQybtBbOUHCzplPGFRN48tJqRNB+2IGmgd0quvBMwgv38vlJofDceUxpLrlJ4=';

describe('parseAllowedSigners', () => {
  it.each([
    ['a bare line', `chair@example.org ${ED}`],
    ['options and a comment', `chair@example.org namespaces="git" ${ED} the chair's laptop`],
    ['several principals and options', `a@x.org,b@x.org cert-authority,namespaces="git,file" ${EC}`],
    ['valid-after and valid-before', `a@x.org valid-after="20260101",valid-before="202801011200Z" ${ED}`],
    ['namespaces of any', `a@x.org namespaces="*" ${ED}`],
    ['comments, blank lines and tabs', `# approvers\n\n   \n\ta@x.org\t${ED}\n  # indented comment\n`],
    ['CRLF line ends and a BOM', `\uFEFFa@x.org ${ED}\r\nb@x.org ${EC}\r\n`],
    ['what ppp init writes', '# One line per approver: principal namespaces="git" keytype key\n'],
  ])('accepts %s', (_name, text) => {
    expect(parseAllowedSigners(text).faults).toEqual([]);
  });

  it.each([
    ['the key without its principal', ED, 1, 1, 'starts with the key itself'],
    ['a principal alone', '\nchair@example.org\n', 2, 1, 'has no key after it'],
    ['an unknown option', `a@x.org namespace="git" ${ED}`, 1, 9, 'neither a key type nor an option'],
    ['a key type misspelt', `a@x.org ssh-ed2551 ${ED.split(' ')[1]}`, 1, 9, 'neither a key type nor an option'],
    ['a key type missing after options', `a@x.org namespaces="git" ${ED.split(' ')[1]}`, 1, 26, 'is not a key type'],
    ['no key after the type', 'a@x.org namespaces="git" ssh-ed25519', 1, 26, 'no key after ssh-ed25519'],
    ['a key cut short', `a@x.org ${ED.slice(0, 60)}`, 1, 21, 'not valid base64'],
    ['a key of another type', `a@x.org ssh-rsa ${ED.split(' ')[1]}`, 1, 17, 'the key says it is ssh-ed25519'],
    ['namespaces without git', `a@x.org namespaces="file" ${ED}`, 1, 9, 'leaves out git'],
    ['an option without its value', `a@x.org namespaces ${ED}`, 1, 9, 'needs a value in quotes'],
    ['a bad valid-before', `a@x.org valid-before="2027-01-01" ${ED}`, 1, 9, 'is not a time'],
    ['an empty principal', `a@x.org,,b@x.org ${ED}`, 1, 1, 'empty name'],
  ])('reports %s at its line and column', (_name, text, line, column, fragment) => {
    const { faults } = parseAllowedSigners(text);
    expect(faults).toHaveLength(1);
    expect(faults[0]).toMatchObject({ line, column });
    expect(faults[0]!.message).toContain(fragment);
  });

  it('reads every good line and reports every bad one', () => {
    const r = parseAllowedSigners(`a@x.org ${ED}\nnonsense\nb@x.org namespaces="git" ${EC}\n${ED}\n`);
    expect(r.entries.map((e) => [e.line, e.principals, e.keyType])).toEqual([
      [1, ['a@x.org'], 'ssh-ed25519'],
      [3, ['b@x.org'], 'ecdsa-sha2-nistp256'],
    ]);
    expect(r.faults.map((f) => f.line)).toEqual([2, 4]);
  });
});

describe('keys', () => {
  it('reads a public key from a .pub line, key:: or nothing else', () => {
    expect(publicKeyIn(`${ED} me@laptop\n`)).toEqual({ keyType: 'ssh-ed25519', key: ED.split(' ')[1] });
    expect(publicKeyIn(`key::${ED}`)?.keyType).toBe('ssh-ed25519');
    expect(publicKeyIn('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ')).toBe(
      undefined,
    );
  });

  it('finds a listed key and gives its fingerprint as ssh-keygen -l does', () => {
    const { entries } = parseAllowedSigners(`a@x.org ${EC}\nb@x.org ${ED}\n`);
    expect(listedSigner(entries, publicKeyIn(ED)!)?.principals).toEqual(['b@x.org']);
    expect(listedSigner(entries.slice(0, 1), publicKeyIn(ED)!)).toBe(undefined);
    expect(keyFingerprint(ED.split(' ')[1]!)).toBe('SHA256:GJwOMJyfuCjDrSSk0HH+r4xHQpkQhc7akfEuNAA/Zic');
  });
});
