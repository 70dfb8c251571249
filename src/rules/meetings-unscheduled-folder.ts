/** A folder under meetings/ whose name is no meeting's date holds records no meeting reads. */
import type { ParseRule } from './types.js';

export default {
  id: 'meetings/unscheduled-folder',
  severity: 'warning',
  description:
    'Every folder under meetings/ is named by a scheduled or added meeting date (YYYY-MM-DD), or is meetings/virtual/',
  scope: 'parse',
} satisfies ParseRule;
