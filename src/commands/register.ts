/** ppp register (ppp list): the register of documents as rows, filtered. */
import { DOCUMENT_TYPES, STATUSES } from '../core/document.js';
import { UsageError } from '../core/errors.js';
import { requireMember } from '../core/members.js';
import { registerRows, type RegisterRow, type RowFilter } from '../core/register-rows.js';
import type { Io } from '../io/io.js';
import { loadRegister, ownersOf } from './steps/load-register.js';

export interface RegisterOptions extends RowFilter {
  register?: string;
}

/**
 * Returns the rows of the register (sorted by id, filtered) and how many files were left out because their front matter
 * cannot be read.
 */
export async function listRegister(
  options: RegisterOptions,
  io: Io,
): Promise<{ rows: RegisterRow[]; unreadable: number }> {
  if (options.type !== undefined && !(DOCUMENT_TYPES as readonly string[]).includes(options.type)) {
    throw new UsageError(`--type ${options.type} is not one of: ${DOCUMENT_TYPES.join(', ')}`);
  }
  if (options.status !== undefined && !(STATUSES as readonly string[]).includes(options.status)) {
    throw new UsageError(`--status ${options.status} is not one of: ${STATUSES.join(', ')}`);
  }
  const loaded = await loadRegister(io, { register: options.register });
  if (options.owner !== undefined) requireMember('--owner', options.owner, loaded.members, ownersOf(loaded.records));
  return {
    rows: registerRows(loaded.records, { type: options.type, status: options.status, owner: options.owner }),
    unreadable: loaded.records.filter((r) => !r.data).length,
  };
}
