/** The world a command runs in: working directory, environment, streams and the clock. Only cli/main.ts builds the real one. */

export interface Output {
  write(text: string): unknown;
}

export interface Io {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: Output;
  stderr: Output;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** The current instant in milliseconds; only clock.ts turns it into a date. */
  now(): number;
}

/** Returns the real process's world. */
export function processIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    now: () => Date.now(),
  };
}
