/** Writing many signed commits at once, for scripts outside the CLI: the benchmark writes its approval history. */
export { writeHistory, type NewCommit } from './history-writer.js';
