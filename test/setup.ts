/**
 * Runs before every test file (vitest setupFiles). Commands run in process read io.env, but the
 * git, ssh-keygen and gpg they start inherit process.env: point HOME, the global git config and
 * the cache at private temporary paths, and drop whatever of the machine's user could reach them.
 */
import { afterAll } from 'vitest';
import { cleanEnv, removeHome } from './helpers/env.js';

const LEAKS = /^(GIT_.*|SSH_AUTH_SOCK|SSH_AGENT_PID|GNUPGHOME|GPG_TTY|XDG_.*|PPP_.*|LC_.*|LANGUAGE|TZ|EMAIL)$/;

for (const name of Object.keys(process.env)) if (LEAKS.test(name)) delete process.env[name];
const { HOME, GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM, PPP_CACHE_DIR, LANG } = cleanEnv();
Object.assign(process.env, { HOME, GIT_CONFIG_GLOBAL, GIT_CONFIG_NOSYSTEM, PPP_CACHE_DIR, LANG });
afterAll(removeHome);
