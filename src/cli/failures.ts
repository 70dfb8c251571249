/** A prompt the user cancelled is not a failure of ppp's: it exits 130, having written nothing. */

/** True for a prompt the user cancelled (Ctrl-C, Ctrl-D, closing the terminal). */
export function isCancelledPrompt(error: unknown): boolean {
  const name = (error as Error | undefined)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError';
}
