/**
 * Checks files on every core: parsing YAML is about nine tenths of validation, so with
 * many files to check, worker threads take shares and the main thread takes one too.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkFile } from '../core/check.js';
import { makeContext, type ContextInput } from '../core/context.js';
import type { DocRecord, RuleContext } from '../rules/types.js';

/** Below this many files a worker costs more to start than it saves. */
const WORKER_THRESHOLD = 400;

export interface FileInput {
  file: string;
  text: string;
  hash: string;
}

/** Returns the records of the files, checked in parallel when there are many. */
export async function checkFiles(files: FileInput[], input: ContextInput, getContext: () => RuleContext): Promise<DocRecord[]> {
  const workerUrl = new URL('./check-worker.js', import.meta.url);
  const workers = Math.min(availableParallelism() - 1, Math.floor(files.length / WORKER_THRESHOLD), 7);
  if (workers < 1 || !existsSync(fileURLToPath(workerUrl))) {
    const context = getContext();
    return files.map((f) => checkFile(f.file, f.text, f.hash, context));
  }
  const share = Math.ceil(files.length / (workers + 1));
  const jobs: Promise<DocRecord[]>[] = [];
  for (let i = 0; i < workers; i++) {
    const slice = files.slice((i + 1) * share, (i + 2) * share);
    jobs.push(
      new Promise<DocRecord[]>((resolve, reject) => {
        const worker = new Worker(workerUrl, { workerData: input });
        worker.once('message', (records: DocRecord[]) => {
          resolve(records);
          void worker.terminate();
        });
        worker.once('error', reject);
        worker.postMessage(slice);
      }),
    );
  }
  const context = getContext();
  const mine = files.slice(0, share).map((f) => checkFile(f.file, f.text, f.hash, context));
  const theirs = await Promise.all(jobs);
  return [mine, ...theirs].flat();
}

/** Returns a context maker that builds the context once, on first use. */
export function lazyContext(input: ContextInput): () => RuleContext {
  let context: RuleContext | undefined;
  return () => (context ??= makeContext(input));
}
