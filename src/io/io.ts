import { isatty } from 'node:tty';

/**
 * The world a command runs in: working directory, environment, streams and the clock. Only cli/main.ts builds the real
 * one.
 */

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
  /** The terminal's width, when stdout is a terminal. */
  columns?: number;
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
    // isatty, not process.stdin.isTTY: touching process.stdin opens a stream and loads readline, slowing every start.
    stdinIsTTY: isatty(0),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    now: () => Date.now(),
  };
}
