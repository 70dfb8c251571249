/** Writing many signed commits at once, for scripts outside the CLI: the benchmark builds its approval history with it. */
export { writeHistory, type NewCommit } from './history-writer.js';
