/** Colour only on a TTY; NO_COLOR turns it off, FORCE_COLOR turns it on. */
import { Chalk, type ChalkInstance } from 'chalk';

/** Returns the colour level for an output: 0 none, 1 basic. */
export function colourLevel(env: Readonly<Record<string, string | undefined>>, isTTY: boolean): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === 'false' || force === '0') return 0;
    const n = Number(force);
    return n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  if (!isTTY || env.TERM === 'dumb') return 0;
  return 1;
}

/** Returns a chalk instance at a colour level. */
export function palette(level: 0 | 1 | 2 | 3): ChalkInstance {
  return new Chalk({ level });
}
