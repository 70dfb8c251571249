/** The pure pieces of an approval for scripts outside the CLI (the benchmark builds its signed history with them). */
export { approvalMessage, parseApprovalTrailers } from './approval.js';
export { contentHash } from './content-hash.js';
