/** Reads a whole register through io/, checking each file or taking its record from the cache. */
import type { Settings } from '../core/config.js';
import type { ContextInput } from '../core/context.js';
import { problemAt } from '../core/check.js';
import type { Member } from '../core/members.js';
import type { Problem } from '../core/problem.js';
import type { DocRecord, RuleContext } from '../rules/types.js';
import { cacheDir, contextKey, openCache, type Cache } from '../io/cache.js';
import { listDocuments, MAX_DOCUMENT_BYTES, readDocument } from '../io/fs.js';
import type { Io } from '../io/io.js';
import { locateRegister } from '../io/locate.js';
import { checkFiles, lazyContext, type FileInput } from '../io/pool.js';
import { packageVersion, readMembers, readSchemas, readSettings, readTemplates } from '../io/register-files.js';

export interface LoadedRegister {
  root: string;
  settings: Settings;
  members: Member[];
  /** Problems of members.yaml. */
  memberProblems: Problem[];
  /** One record per document file, in path order. */
  records: DocRecord[];
  context: () => RuleContext;
}

export interface LoadOptions {
  register?: string;
  /** Use and update the validation cache (default true). */
  cache?: boolean;
}

/** Returns the register found from the options, with every document checked on its own. */
export async function loadRegister(io: Io, options: LoadOptions): Promise<LoadedRegister> {
  const root = locateRegister({ register: options.register, env: io.env, cwd: io.cwd });
  const { settings, text: settingsText } = readSettings(root);
  const members = readMembers(root, settings);
  const templates = readTemplates(root);
  const schemas = readSchemas();
  const input: ContextInput = { settings, templates, schemas: schemas.sources };
  const context = lazyContext(input);
  const key = contextKey([packageVersion(), settingsText, ...templates.flatMap((t) => [t.source, t.text]), ...schemas.texts]);
  const cache: Cache | undefined = options.cache === false ? undefined : openCache(cacheDir(io.env), root, key);

  const listed = listDocuments(root);
  const records: (DocRecord | undefined)[] = new Array(listed.length);
  const misses: FileInput[] = [];
  const missIndex: number[] = [];
  listed.forEach((f, i) => {
    const blank = (rule: string, message: string): DocRecord => ({ file: f.rel, hash: '', data: null, positions: {}, problems: [problemAt(f.rel, rule, 1, 1, message)] });
    if (f.outside) {
      records[i] = blank('file/outside-register', 'this is a link to a file outside the register (or to nothing); replace it with the document itself');
      return;
    }
    const read = readDocument(f.abs);
    if (read.kind === 'too-large') {
      records[i] = blank('file/too-large', `the file is ${(read.size / 1048576).toFixed(1)} MiB, over the limit of ${MAX_DOCUMENT_BYTES / 1048576} MiB; keep large attachments outside documents/ and link to them`);
    } else if (read.kind === 'encoding') {
      records[i] = blank('file/encoding', 'the file is not UTF-8 text; save it as UTF-8 (in Word: Save As, plain text, Unicode UTF-8)');
    } else if (read.kind === 'error') {
      records[i] = blank('file/unreadable', `the file cannot be read: ${read.message}`);
    } else {
      const hit = cache?.get(f.rel, read.hash);
      if (hit) records[i] = hit;
      else {
        misses.push({ file: f.rel, text: read.text, hash: read.hash });
        missIndex.push(i);
      }
    }
  });
  if (misses.length > 0) {
    const checked = await checkFiles(misses, input, context);
    checked.forEach((record, j) => {
      records[missIndex[j]!] = record;
      cache?.set(record);
    });
  }
  cache?.save(listed.map((f) => f.rel));
  return { root, settings, members: members.members, memberProblems: members.problems, records: records as DocRecord[], context };
}
