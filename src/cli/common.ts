/** What the command files share: the shape of a table entry, global options, colour, missing-value errors. */
import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import type { Io } from '../io/io.js';

export interface GlobalOptions {
  register?: string;
  today?: string;
}

/** Returns the options that apply to every command. */
export function globals(command: Command): GlobalOptions {
  const o = command.optsWithGlobals() as GlobalOptions;
  return { register: o.register, today: o.today };
}

/** Returns a chalk instance for stdout, honouring TTY, NO_COLOR and FORCE_COLOR. */
export async function stdoutPalette(io: Io) {
  const { colourLevel, palette } = await import('../report/colour.js');
  return palette(colourLevel(io.env, io.stdoutIsTTY));
}

/** Returns true when the command may ask questions: stdin is a terminal and --yes was not given. */
export function canPrompt(io: Io, yes?: boolean): boolean {
  return io.stdinIsTTY && !yes && io.env.CI !== 'true';
}

/** Throws the error for a value that was needed but not given in a session that cannot ask. */
export function missing(flag: string, what: string): never {
  throw new UsageError(`${what} is needed: pass ${flag} (there is no terminal to ask on)`);
}

/** Returns a value of a fixed set, or a usage error listing the choices. */
export function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} ${value} is not one of: ${allowed.join(', ')}`);
}

/** What a command's action leaves for main(): the world it ran in and the exit code it asks for. */
export interface Run {
  io: Io;
  /** The exit code the command asks for. */
  exitCode: number;
}

/** One entry of the command table: a name and the commander definition of the command. */
export interface CliCommand {
  name: string;
  /** Adds the command (with its flags, help and action) to the program and returns it. */
  define(program: Command, run: Run): Command;
}

/**
 * Returns the width tables are laid out to: the terminal's, else COLUMNS; a file or a pipe (CI logs, | less -S,
 * > register.txt) has no width to fit, so its tables are laid out whole, never record by record.
 */
export function outputWidth(io: Io): number {
  const fromEnv = Number(io.env.COLUMNS);
  return io.columns ?? (Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : UNLIMITED);
}

/** The width of a file or a pipe: room for any table. */
const UNLIMITED = 1_000;
