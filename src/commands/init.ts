/** ppp init: a new, empty register from a preset, in a git repository; all of it or nothing. */
import { join, resolve } from 'node:path';
import { GitError, UsageError } from '../core/errors.js';
import { isDirectory, makeDirectory, pathExists, readPackageFile, removePath, writeFileAtomic } from '../io/fs.js';
import { initRepository, isInsideWorkTree } from '../io/git.js';
import type { Io } from '../io/io.js';
import { SETTINGS_FILE } from '../io/locate.js';
import { presetNames } from '../io/register-files.js';

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

/** Writes a new register into dir and returns what it wrote; refuses to write over anything, and leaves nothing behind when a step fails. */
export async function init(options: InitOptions, io: Io): Promise<InitResult> {
  const preset = options.preset ?? 'dorset-ppp';
  const presets = presetNames();
  if (!presets.includes(preset)) throw new UsageError(`--preset ${preset} is not a preset; choose one of: ${presets.join(', ')}`);
  const root = resolve(io.cwd, options.dir);
  if (pathExists(root) && !isDirectory(root)) throw new UsageError(`${root} is a file, not a folder; choose a folder for the register`);
  if (pathExists(join(root, SETTINGS_FILE))) {
    throw new UsageError(`${root} is already a register (it has ${SETTINGS_FILE}); nothing was changed. Choose another folder.`);
  }
  for (const name of ['members.yaml', 'allowed_signers', 'documents']) {
    if (pathExists(join(root, name))) throw new UsageError(`${join(root, name)} already exists; ppp init will not write over it. Choose an empty folder.`);
  }
  const files: [string, string][] = [
    [SETTINGS_FILE, readPackageFile(`presets/${preset}.yaml`)],
    ['members.yaml', readPackageFile(`presets/${preset}.members.yaml`)],
    ['allowed_signers', ALLOWED_SIGNERS],
    ['documents/.gitkeep', ''],
  ];
  const createdRoot = makeDirectory(root);
  const created: string[] = [];
  try {
    const repository = (await isInsideWorkTree(root)) ? 'existing' : 'created';
    // git first: when it fails there is nothing else to undo.
    if (repository === 'created') {
      await initRepository(root);
      created.push(join(root, '.git'));
    }
    for (const [name, content] of files) {
      const path = join(root, name);
      writeFileAtomic(path, content, { exclusive: true });
      created.push(name === 'documents/.gitkeep' ? join(root, 'documents') : path);
    }
    return { root, preset, files: files.map(([n]) => n), repository };
  } catch (error) {
    for (const path of created.reverse()) removePath(path);
    if (createdRoot) removePath(root);
    if (error instanceof GitError) throw error;
    throw new UsageError(`could not create the register in ${root}: ${(error as Error).message}; nothing was left behind`, { cause: error });
  }
}
