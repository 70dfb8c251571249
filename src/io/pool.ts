/**
 * Checks files on every core: parsing YAML is most of validation, so with many files to
 * check, worker threads and the main thread take chunks from one queue until it is empty.
 * Workers read their own files, and start while the main thread is already checking.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { makeContext, type ContextInput } from '../core/context.js';
import type { CheckContext } from '../core/context.js';
import type { DocRecord } from '../core/document.js';
import { checkJob, type Job } from './check-job.js';

/** Below this many files a worker costs more to start than it saves. */
const WORKER_THRESHOLD = 400;
const CHUNK = 100;
/** Chunks queued at each worker, so that it never waits for the main thread to hand out the next. */
const DEPTH = 2;

/** Returns the records of the files, in the order given, checked in parallel when there are many. */
export async function checkJobs(
  jobs: readonly Job[],
  input: ContextInput,
  threads = availableParallelism(),
): Promise<DocRecord[]> {
  // ajv is loaded only here, when some file has to be checked.
  const { compileSchemas } = await import('../core/schema.js');
  let context: CheckContext | undefined;
  const getContext = () => (context ??= makeContext(input, compileSchemas));
  const workerUrl = new URL('./check-worker.js', import.meta.url);
  const workerCount = Math.min(threads - 1, Math.floor(jobs.length / WORKER_THRESHOLD), 7);
  if (workerCount < 1 || !existsSync(fileURLToPath(workerUrl))) return jobs.map((job) => checkJob(job, getContext));

  const results: DocRecord[] = new Array(jobs.length);
  let next = 0;
  const take = (size = CHUNK): [number, Job[]] | undefined => {
    if (next >= jobs.length) return undefined;
    const start = next;
    next = Math.min(jobs.length, next + size);
    return [start, jobs.slice(start, next)];
  };
  const workers = Array.from({ length: workerCount }, () => new Worker(workerUrl, { workerData: input }));
  const done = workers.map(
    (worker) =>
      new Promise<void>((resolve, reject) => {
        const inFlight: number[] = [];
        const send = () => {
          const chunk = take();
          if (chunk) {
            inFlight.push(chunk[0]);
            worker.postMessage(chunk[1]);
          } else if (inFlight.length === 0) {
            void worker.terminate();
            resolve();
          }
        };
        worker.on('message', (records: DocRecord[]) => {
          const start = inFlight.shift()!;
          records.forEach((r, i) => (results[start + i] = r));
          send();
        });
        worker.once('error', reject);
        for (let i = 0; i < DEPTH; i++) send();
      }),
  );
  const all = Promise.all(done);
  all.catch(() => undefined); // awaited below; a failure must not surface as an unhandled rejection first
  try {
    // The main thread takes chunks too, yielding between them so that workers are kept fed.
    for (let chunk = take(CHUNK / 4); chunk; chunk = take(CHUNK / 4)) {
      const [start, list] = chunk;
      list.forEach((job, i) => (results[start + i] = checkJob(job, getContext)));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await all;
    return results;
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}
