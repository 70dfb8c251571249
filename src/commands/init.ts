/** ppp init: a new, empty register from a preset, in a git repository. */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { writeFileAtomic } from '../io/fs.js';
import { initRepository, isInsideWorkTree } from '../io/git.js';
import type { Io } from '../io/io.js';
import { SETTINGS_FILE } from '../io/locate.js';
import { PACKAGE_ROOT, presetNames } from '../io/register-files.js';

export interface InitOptions {
  dir: string;
  preset?: string;
}

export interface InitResult {
  root: string;
  preset: string;
  files: string[];
  /** 'created', or 'existing' when the folder was already inside a git work tree. */
  repository: 'created' | 'existing';
}

const ALLOWED_SIGNERS = `# Approvers' public keys, in git's allowed-signers format: one line per key,
#   <principal> namespaces="git" <key type> <public key>
# for example
#   chair@example.org namespaces="git" ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA...
# ppp verify trusts an approval only when its signing key is listed here.
# To add yours: git config user.signingkey ~/.ssh/id_ed25519.pub; git config gpg.format ssh;
# then append the line above with your e-mail and the contents of that .pub file.
`;

/** Writes a new register into dir and returns what it wrote; refuses to write over an existing register. */
export async function init(options: InitOptions, io: Io): Promise<InitResult> {
  const preset = options.preset ?? 'dorset-ppp';
  const presets = presetNames();
  if (!presets.includes(preset)) throw new UsageError(`--preset ${preset} is not a preset; choose one of: ${presets.join(', ')}`);
  const root = resolve(io.cwd, options.dir);
  if (existsSync(join(root, SETTINGS_FILE))) {
    throw new UsageError(`${root} is already a register (it has ${SETTINGS_FILE}); nothing was changed. Choose another folder.`);
  }
  for (const name of ['members.yaml', 'allowed_signers', 'documents']) {
    if (existsSync(join(root, name))) throw new UsageError(`${join(root, name)} already exists; ppp init will not write over it. Choose an empty folder.`);
  }
  mkdirSync(root, { recursive: true });
  const repository = (await isInsideWorkTree(root)) ? 'existing' : 'created';
  const files: [string, string][] = [
    [SETTINGS_FILE, readFileSync(join(PACKAGE_ROOT, 'presets', `${preset}.yaml`), 'utf8')],
    ['members.yaml', readFileSync(join(PACKAGE_ROOT, 'presets', `${preset}.members.yaml`), 'utf8')],
    ['allowed_signers', ALLOWED_SIGNERS],
    ['documents/.gitkeep', ''],
  ];
  for (const [name, content] of files) writeFileAtomic(join(root, name), content, { exclusive: true });
  if (repository === 'created') await initRepository(root);
  return { root, preset, files: files.map(([n]) => n), repository };
}

/** Returns true when the folder holds nothing but hidden files. */
export function isEmptyFolder(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).every((n) => n.startsWith('.'));
}
