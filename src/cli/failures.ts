/** A prompt the user cancelled is not a failure of ppp's: it exits 130, having written nothing. */
import type { Io } from '../io/io.js';

/** True for a prompt the user cancelled (Ctrl-C, Ctrl-D, closing the terminal). */
export function isCancelledPrompt(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError';
}

let cancel: (() => void) | undefined;

/**
 * While a prompt waits, closing the terminal (SIGHUP) or SIGTERM cancels it as Ctrl-C does: ppp says nothing was
 * written and exits 130 (a prompt comes before any write, and before the register lock is taken). The prompt library
 * cannot do it itself: it gives way to any listener of the signal. Released by releasePromptSignals when the command
 * ends.
 */
export function keepSignalsForPrompts(io: Io): void {
  if (cancel) return;
  cancel = () => {
    try {
      io.stderr.write('\nppp: cancelled; nothing was written\n');
    } catch {
      // the terminal has gone
    }
    process.exit(130);
  };
  for (const signal of ['SIGHUP', 'SIGTERM'] as const) process.on(signal, cancel);
}

export function releasePromptSignals(): void {
  if (!cancel) return;
  for (const signal of ['SIGHUP', 'SIGTERM'] as const) process.removeListener(signal, cancel);
  cancel = undefined;
}
