// The floor for validation: read every document of a register once, and nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(process.argv[2], 'documents');
let bytes = 0;
for (const dir of readdirSync(root)) {
  for (const name of readdirSync(join(root, dir))) bytes += readFileSync(join(root, dir, name), 'utf8').length;
}
if (bytes === 0) throw new Error('nothing read');
