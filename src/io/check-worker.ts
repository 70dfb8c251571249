/** A worker thread that checks chunks of files, reading them itself, until the main thread stops sending. */
import { parentPort, workerData } from 'node:worker_threads';
import { makeContext, type ContextInput } from '../core/context.js';
import { compileSchemas } from '../core/schema.js';
import { checkJob, type Job } from './check-job.js';

const context = makeContext(workerData as ContextInput, compileSchemas);
const getContext = () => context;
parentPort!.on('message', (jobs: Job[]) => {
  parentPort!.postMessage(jobs.map((job) => checkJob(job, getContext)));
});
