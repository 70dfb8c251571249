/**
 * The file system refusing (permission denied, a read-only share, a full disk, a folder where a file should be, a
 * name too long…), in one line saying what failed and what to do, never a stack trace. ppp writes through a temporary
 * file renamed into place, and undoes what it wrote before a later step failed, so a failed write has changed nothing.
 */

interface SystemError {
  code: string;
  syscall?: string;
  path?: string;
  dest?: string;
}

/** What each error code means, and what to do about it. */
const CAUSES: Record<string, { what: string; todo: string }> = {
  EACCES: {
    what: 'permission denied',
    todo: 'check that you may change it and the folder it is in (on a shared drive, ask for write access)',
  },
  EPERM: {
    what: 'the operation is not permitted',
    todo: 'check the permissions of the file and its folder, and that no other program holds it',
  },
  EROFS: {
    what: 'the file system is read-only',
    todo: 'reading commands work on a read-only share; to change the register, work in a writable copy',
  },
  ENOSPC: { what: 'the disk is full', todo: 'free some space and run the command again' },
  EDQUOT: { what: 'the disk quota is used up', todo: 'free some space and run the command again' },
  EISDIR: { what: 'it is a folder, not a file', todo: 'name a file instead' },
  ENOTDIR: { what: 'part of the path is a file, not a folder', todo: 'check the path' },
  ENAMETOOLONG: {
    what: 'the name is too long for the file system',
    todo: 'use a shorter name or a shallower folder',
  },
  ENOENT: { what: 'no such file or folder', todo: 'check the path' },
  EEXIST: { what: 'it already exists', todo: 'choose another name, or remove the existing one first' },
  ENOTEMPTY: { what: 'the folder is not empty', todo: 'choose another folder' },
  EBUSY: { what: 'it is in use by another program', todo: 'close the program that holds it and try again' },
  ETXTBSY: { what: 'it is in use by another program', todo: 'close the program that holds it and try again' },
  EMFILE: { what: 'too many files are open', todo: 'close other programs, or raise the limit (ulimit -n)' },
  ENFILE: { what: 'too many files are open on this system', todo: 'close other programs and try again' },
  ELOOP: { what: 'too many symbolic links in the path', todo: 'check the path for a link that points to itself' },
  EIO: {
    what: 'the disk or network share failed to read or write',
    todo: 'check the drive or the connection, then try again',
  },
  EAGAIN: { what: 'the file is busy', todo: 'try again' },
  EXDEV: { what: 'it cannot be moved across drives', todo: 'keep the register on one drive' },
};

/** For a file that could not be read, where that calls for something else than for a write. */
const READ_TODO: Record<string, string> = {
  EACCES: 'check that you may read it and open the folders above it (on a shared drive, ask for access)',
  EPERM: 'check that you may read it, and that no other program holds it',
};

const READS = new Set(['read', 'open', 'scandir', 'opendir', 'stat', 'lstat', 'readlink', 'access', 'realpath']);

/** Returns the one line for a file-system failure, or undefined when the error is not one. */
export function fileSystemFailure(error: unknown): string | undefined {
  if (!isSystemError(error)) return undefined;
  const cause = CAUSES[error.code];
  if (!cause) return undefined;
  const path = error.path ?? error.dest;
  const verb = READS.has(error.syscall ?? '') ? 'read' : 'write';
  const subject = path ? `cannot ${verb} ${path}` : `a file could not be ${verb === 'write' ? 'written' : 'read'}`;
  const todo = verb === 'read' && READ_TODO[error.code] ? READ_TODO[error.code] : cause.todo;
  return `${subject}: ${cause.what}; ${todo}. Nothing was changed`;
}

function isSystemError(error: unknown): error is SystemError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as SystemError).code === 'string' &&
    /^E[A-Z]+$/.test((error as SystemError).code) &&
    ('syscall' in error || 'path' in error)
  );
}
