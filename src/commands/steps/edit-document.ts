/**
 * The one way a command changes a document: read it whole, edit its front matter in place,
 * check the result on its own, and either refuse (nothing written) or write it atomically.
 * submit and approve use it, and every lifecycle command after them.
 */
import { join } from 'node:path';
import { makeContext } from '../../core/context.js';
import type { DocRecord, FrontMatter } from '../../core/document.js';
import { RefusalError } from '../../core/errors.js';
import { EditError, editFrontMatter, type FieldChanges } from '../../core/front-matter-edit.js';
import { frontMatterData } from '../../core/front-matter.js';
import { listProblems } from '../../core/problem.js';
import { checkFile } from '../../rules/runner.js';
import { decodeUtf8, readDocument, writeFileAtomic } from '../../io/fs.js';
import type { LoadedRegister } from './load-register.js';

/** A document read whole for an edit. */
export interface OpenDocument {
  /** Relative to the register root. */
  file: string;
  path: string;
  /** The bytes the file held, copied (the reader's buffer is reused by the next read): what a failed step puts back. */
  bytes: Buffer;
  text: string;
  /** The whole front matter, not only the index fields a cached record keeps. */
  data: FrontMatter;
}

/** Returns the document read whole; refuses when it cannot be read as text with front matter. */
export function openDocument(loaded: LoadedRegister, record: DocRecord): OpenDocument {
  const path = join(loaded.root, record.file);
  const read = readDocument(path);
  if (read.kind !== 'bytes')
    throw new RefusalError(
      `${record.file} cannot be read${read.kind === 'error' ? ` (${read.message})` : ''}; run ppp validate`,
    );
  const bytes = Buffer.from(read.bytes);
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new RefusalError(`${record.file} cannot be read as text; run ppp validate`);
  const data = frontMatterData(text);
  if (!data) throw new RefusalError(`${record.file}: its front matter cannot be read; run ppp validate`);
  return { file: record.file, path, bytes, text, data };
}

/**
 * Returns the document's text with the changes made, checked on its own against the register's
 * settings, templates and schemas (after options.body has changed the text, when given); refuses with every error
 * (and nothing written) when the
 * edit cannot be made or the result would not validate. `refusal` opens the message.
 */
export async function editDocument(
  loaded: LoadedRegister,
  doc: OpenDocument,
  changes: FieldChanges,
  options: { block?: readonly string[]; refusal: string; body?: (text: string) => string },
): Promise<string> {
  let after: string;
  try {
    after = editFrontMatter(doc.text, changes, { block: options.block });
  } catch (error) {
    if (error instanceof EditError) throw new RefusalError(`${doc.file}: ${error.message}`, { cause: error });
    throw error;
  }
  if (options.body) after = options.body(after);
  const { compileSchemas } = await import('../../core/schema.js');
  const context = makeContext(loaded.contextInput, compileSchemas);
  const errors = checkFile(doc.file, after, '', context).problems.filter((p) => p.severity === 'error');
  if (errors.length)
    throw new RefusalError(`${options.refusal}; nothing was changed. Fix these first:\n${listProblems(errors)}`);
  return after;
}

/** Writes the edited text over the document, atomically. */
export function writeDocument(doc: OpenDocument, text: string): void {
  writeFileAtomic(doc.path, text);
}

/** Puts back the exact bytes the document held when it was opened. */
export function restoreDocument(doc: OpenDocument): void {
  writeFileAtomic(doc.path, doc.bytes);
}
