// Bundles the CLI with rolldown: one small entry for start-up (commander and the command
// table), and a chunk per command loaded when it runs. Loading dozens of separate modules
// cost more than validating a cached register of 10,000 documents.
import { rmSync } from 'node:fs';
import { build } from 'rolldown';

const root = new URL('..', import.meta.url).pathname;
rmSync(`${root}dist`, { recursive: true, force: true });
await build({
  cwd: root,
  input: {
    main: 'src/cli/main.ts',
    'check-worker': 'src/io/check-worker.ts',
    'approval-kit': 'src/core/approval-kit.ts',
    'history-kit': 'src/io/history-kit.ts',
  },
  platform: 'node',
  // Pagefind finds its platform's binary from where its own package is installed: it is loaded from node_modules.
  external: ['pagefind'],
  // Dependencies are bundled too: resolving and loading their many files is most of the start-up time.
  output: {
    dir: 'dist',
    format: 'esm',
    entryFileNames: '[name].js',
    // Chunks sit beside the entries, so that new URL('./check-worker.js', import.meta.url) finds the worker from any
    // chunk.
    chunkFileNames: '[name]-[hash].js',
    sourcemap: false,
  },
  logLevel: 'warn',
});

// A fingerprint of this build, for the validation cache's key: results cached by one build
// of ppp are never taken for another's, whatever the version number says.
const { createHash } = await import('node:crypto');
const { readdirSync, readFileSync, writeFileSync } = await import('node:fs');
const fingerprint = createHash('sha1');
for (const name of readdirSync(`${root}dist`).sort())
  fingerprint.update(name).update(readFileSync(`${root}dist/${name}`));
writeFileSync(`${root}dist/build-id.txt`, `${fingerprint.digest('hex')}\n`);

// The top-level help, rendered by the program itself at 80 columns, for bin/ppp.js to print at once.
const { main } = await import(`${root}dist/main.js`);
let help = '';
const io = {
  cwd: root,
  env: {},
  stdout: { write: (s) => (help += s) },
  stderr: { write: () => {} },
  stdinIsTTY: false,
  stdoutIsTTY: false,
  now: () => 0,
};
if ((await main(['--help'], io)) !== 0 || !help.includes('Usage: ppp')) throw new Error('could not render ppp --help');
writeFileSync(`${root}dist/help.txt`, help);
