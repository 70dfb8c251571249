/** A worker thread that checks a share of the files; the main thread checks the rest. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkFile } from '../core/check.js';
import { makeContext, type ContextInput } from '../core/context.js';

const context = makeContext(workerData as ContextInput);
parentPort!.on('message', (files: { file: string; text: string; hash: string }[]) => {
  parentPort!.postMessage(files.map((f) => checkFile(f.file, f.text, f.hash, context)));
});
