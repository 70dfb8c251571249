/**
 * Runs ppp in process from the sources: main(argv, io) with captured output, in the same clean world as ppp() from
 * cli.ts.
 */
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/io/io.js';
import type { CliResult } from './cli.js';
import { cleanEnv } from './env.js';
import { ROOT } from './register.js';

export interface RunOptions {
  /** The working directory; the repository's root unless given. */
  cwd?: string;
  /** Variables added to the clean environment (cleanEnv), for the command and for the git it starts. */
  env?: Record<string, string>;
  /** Accepted so that a ppp() call converts unchanged; without a terminal ppp reads nothing from stdin. */
  input?: string;
  /**
   * The clock, in milliseconds. Unless given, a run with --today (or PPP_TODAY) has its clock set to noon UTC of that
   * day, so that a test planning with --today also records on that day, never after its own "real" date; without
   * either, the real clock.
   */
  now?: () => number;
  /** Runs as if stdout were a terminal (colour follows, unless NO_COLOR). */
  stdoutIsTTY?: boolean;
  /** The terminal's width in columns. */
  columns?: number;
}

/** Runs ppp with args and returns its exit code and output, as ppp() from cli.ts does for the built binary. */
export async function run(args: string[], options: RunOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    cwd: options.cwd ?? ROOT,
    env: cleanEnv(options.env),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdinIsTTY: false,
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    columns: options.columns,
    now: options.now ?? clockOf(args, options.env),
  };
  // git, ssh-keygen and gpg inherit process.env (made clean by test/setup.ts): give them the test's variables too, and
  // only while ppp runs.
  const saved = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(options.env ?? {})) {
    saved.set(name, process.env[name]);
    process.env[name] = value;
  }
  try {
    const code = await main(args, io);
    return { code, stdout, stderr };
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Returns the clock of a run: noon UTC of its --today or PPP_TODAY, else the real clock. */
function clockOf(args: readonly string[], env: Record<string, string> | undefined): () => number {
  const i = args.indexOf('--today');
  const today = i >= 0 ? args[i + 1] : env?.PPP_TODAY;
  const at = today && /^\d{4}-\d{2}-\d{2}$/.test(today) ? Date.parse(`${today}T12:00:00Z`) : NaN;
  return Number.isNaN(at) ? () => Date.now() : () => at;
}
