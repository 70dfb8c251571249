/** ppp new: scaffold a document from its template with the next free id; never overwrites. */
import { join } from 'node:path';
import { DOCUMENT_TYPES, GOVERNORS, RETIRED, isDocumentType, text, type DocumentType } from '../core/document.js';
import { RefusalError, UsageError } from '../core/errors.js';
import { documentPath, nextId } from '../core/ids.js';
import { requireMember } from '../core/members.js';
import { renderNewDocument } from '../core/new-document.js';
import { firstControlCharacter } from '../core/text.js';
import { parseTemplate } from '../core/templates.js';
import { pathExists, writeFileAtomic } from '../io/fs.js';
import { retiredIdsInHistory } from '../io/git.js';
import type { Io } from '../io/io.js';
import { membersSetupError, readTemplates } from '../io/register-files.js';
import { loadRegister, type LoadedRegister } from './steps/load-register.js';

export interface NewOptions {
  register?: string;
  type: string;
  title: string;
  owner: string;
  governedBy?: string;
  proposal?: boolean;
  summary?: string;
}

export interface NewResult {
  id: string;
  /** Relative to the register root. */
  file: string;
  path: string;
}

/** Returns the register a new document goes into, read once for the prompts and the scaffold. */
export async function loadForNew(io: Io, register?: string): Promise<LoadedRegister> {
  return loadRegister(io, { register });
}

/** Returns the candidates for a missing value, for prompts: members, and documents that may govern a type. */
export function choices(loaded: LoadedRegister, type?: string) {
  const governors = type ? GOVERNORS[type] : undefined;
  return {
    members: loaded.members.map((m) => ({ id: m.id, label: `${m.name} (${m.role})` })),
    governing: loaded.records
      .filter(
        (r) =>
          r.data &&
          (!governors || (governors as readonly string[]).includes(String(r.data.type))) &&
          !RETIRED.has(String(r.data.status)),
      )
      .map((r) => ({
        id: text(r.data!, 'id') ?? '',
        label: `${text(r.data!, 'id')} ${text(r.data!, 'title')} (${String(r.data!.type)})`,
      }))
      .filter((c) => c.id),
  };
}

/** Writes a new document and returns its id and path. */
export async function newDocument(options: NewOptions, io: Io): Promise<NewResult> {
  // Read (again, after any prompts) under the register lock: the next free id is then one no other run is taking.
  const register = await loadRegister(io, { register: options.register, write: 'new' });
  const type = options.type;
  if (!isDocumentType(type))
    throw new UsageError(`"${type}" is not a document type; use one of: ${DOCUMENT_TYPES.join(', ')}`);
  const title = options.title.replace(/\s+/g, ' ').trim();
  if (!title)
    throw new UsageError('--title is empty; give the document a name, like --title "Missing children procedure"');
  if (title.length > 200)
    throw new UsageError('--title is longer than 200 characters; shorten it and put the detail in the summary');
  // A control character would garble every agenda, table and minutes the document appears in (and fail validate).
  for (const [flag, value] of [
    ['--title', title],
    ['--summary', options.summary ?? ''],
  ] as const) {
    const bad = firstControlCharacter(value);
    if (bad !== undefined)
      throw new UsageError(`${flag} holds a control character (${bad}); write it as plain text on one line`);
  }
  if (!register.members.some((m) => m.id === options.owner)) {
    const missing = membersSetupError(
      register.root,
      { members: register.members, problems: register.memberProblems },
      'ppp new',
    );
    if (missing) throw missing;
  }
  requireMember('--owner', options.owner, register.members);
  const governors = GOVERNORS[type];
  if (options.governedBy !== undefined) {
    const target = register.records.find((r) => r.data?.id === options.governedBy);
    if (!target?.data)
      throw new UsageError(
        `--governed-by ${options.governedBy} is not a document in the register; check the id with ppp register`,
      );
    if (governors && !(governors as readonly string[]).includes(String(target.data.type))) {
      throw new UsageError(
        `--governed-by ${options.governedBy} is a ${String(target.data.type)}; a ${type} ` +
          `is governed by a ${governors.join(' or ')}`,
      );
    }
  } else if (governors && !options.proposal) {
    const some = choices(register, type)
      .governing.slice(0, 3)
      .map((c) => c.id);
    const example = some.length
      ? ` (for example ${some.join(', ')})`
      : ` (there is none yet: create it with ppp new ${governors[0]})`;
    throw new UsageError(
      `a ${type} must be governed by a ${governors.join(' or ')}: ` +
        `pass --governed-by ID${example}, or --proposal for a proposal`,
    );
  }
  const used = [
    ...register.records.map((r) => text(r.data ?? {}, 'id') ?? ''),
    ...register.records.map((r) => /([A-Z][A-Z0-9]{0,9}-[A-Z]{3}-\d{4})/.exec(r.file)?.[1] ?? ''),
    ...(await retiredIdsInHistory(register.root)),
  ];
  let id: string;
  try {
    id = nextId(register.settings.id_prefix, type as DocumentType, used);
  } catch (error) {
    throw new RefusalError(`${(error as Error).message}; no new ${type} can be numbered in this register`, {
      cause: error,
    });
  }
  const source = readTemplates(register.root).find((t) => t.type === type)!;
  const template = parseTemplate(type, source.text, source.source);
  const file = documentPath(type as DocumentType, id, title);
  const path = join(register.root, file);
  if (pathExists(path)) throw new UsageError(`${file} already exists; nothing was written`);
  const content = renderNewDocument(template, {
    id,
    title,
    type,
    status: options.proposal ? 'proposed' : 'drafting',
    owner: options.owner,
    governedBy: options.governedBy,
    summary: options.summary,
  });
  try {
    writeFileAtomic(path, content, { exclusive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new UsageError(`${file} already exists; nothing was written`);
    throw error;
  }
  return { id, file, path };
}
