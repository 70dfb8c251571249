/** Finds the register: --register, else PPP_REGISTER, else the nearest ppp.yaml walking up (as git finds .git). */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError } from '../core/errors.js';

export const SETTINGS_FILE = 'ppp.yaml';

/** Returns the absolute path of the register's root folder, or throws a ConfigError saying how to make one. */
export function locateRegister(options: {
  register?: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}): string {
  const named = options.register ?? options.env.PPP_REGISTER;
  // An empty value is a mistake (a variable that expanded to nothing), not a request to search from here.
  if (named !== undefined && named.trim() === '') {
    throw new ConfigError(
      options.register !== undefined
        ? '--register is empty; name the register folder (-C DIR), or leave it out to find ppp.yaml from here'
        : 'PPP_REGISTER is set but empty; set it to the register folder, or unset it to find ppp.yaml from here',
    );
  }
  if (named !== undefined) {
    const root = resolve(options.cwd, named);
    const from = options.register ? '--register' : 'PPP_REGISTER';
    if (!existsSync(root) || !statSync(root).isDirectory())
      throw new ConfigError(`${from} names ${root}, which is not a folder; check the path`);
    if (!existsSync(join(root, SETTINGS_FILE))) {
      throw new ConfigError(
        `${from} names ${root}, which has no ${SETTINGS_FILE}; create a register there with: ppp init ${named}`,
      );
    }
    return root;
  }
  let dir = resolve(options.cwd);
  for (;;) {
    if (existsSync(join(dir, SETTINGS_FILE))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new ConfigError(
    `no register found: there is no ${SETTINGS_FILE} in ${resolve(options.cwd)} or any folder above it.\n` +
      `Create one with "ppp init DIR", or point at one with --register DIR (-C DIR) or PPP_REGISTER.`,
  );
}
