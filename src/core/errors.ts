/** Expected failures. main.ts prints their message and maps them to an exit code. */

/** A wrong flag, argument or missing value: exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The register or its settings cannot be used (no ppp.yaml, bad ppp.yaml): exit 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** A git step failed; the message carries git's own words: exit 2. */
export class GitError extends Error {
  override name = 'GitError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The command ran and refused for a stated reason (nothing was changed): exit 1. */
export class RefusalError extends Error {
  override name = 'RefusalError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The mail server cannot be reached or used (refused connection, certificate, sign-in): exit 2. */
export class MailError extends Error {
  override name = 'MailError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}
