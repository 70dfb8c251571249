/** Reads and checks one document file: the unit of work of the main thread and of every worker. */
import { checkFile, problemAt } from '../rules/runner.js';
import type { CheckContext } from '../core/context.js';
import type { DocRecord } from '../core/document.js';
import { decodeUtf8, MAX_DOCUMENT_BYTES, readDocument } from './fs.js';

export interface Job {
  /** Relative to the register root. */
  rel: string;
  abs: string;
}

/** Returns a record with one problem and no front matter. */
export function blankRecord(rel: string, hash: string, rule: string, message: string): DocRecord {
  return { file: rel, hash, data: null, positions: {}, problems: [problemAt(rel, rule, 1, 1, message)] };
}

/** Returns the record of a file that reads as text, or of why it does not. */
export function recordOfBytes(rel: string, bytes: Uint8Array, hash: string, context: () => CheckContext): DocRecord {
  const text = decodeUtf8(bytes);
  if (text === undefined)
    return blankRecord(
      rel,
      hash,
      'file/encoding',
      'the file is not UTF-8 text; save it as UTF-8 (in Word: Save As, plain text, Unicode UTF-8)',
    );
  return checkFile(rel, text, hash, context());
}

/** Returns the record of a file read from disk. */
export function checkJob(job: Job, context: () => CheckContext): DocRecord {
  const read = readDocument(job.abs);
  if (read.kind === 'too-large') {
    return blankRecord(
      job.rel,
      '',
      'file/too-large',
      `the file is ${(read.size / 1048576).toFixed(1)} MiB, over the limit of ` +
        `${MAX_DOCUMENT_BYTES / 1048576} MiB; keep large attachments outside documents/ ` +
        `and link to them`,
    );
  }
  if (read.kind === 'error')
    return blankRecord(job.rel, '', 'file/unreadable', `the file cannot be read: ${read.message}`);
  return recordOfBytes(job.rel, read.bytes, read.hash, context);
}
