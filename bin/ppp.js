#!/usr/bin/env node
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);

// A reader that stops early (ppp register | head) closes the pipe: stop quietly, as git does.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/** ppp --help, as the build rendered it with the same program (dist/help.txt): it answers without loading the CLI. */
function renderedHelp() {
  if (args.length !== 1 || (args[0] !== '--help' && args[0] !== '-h')) return undefined;
  if (process.stdout.isTTY && process.stdout.columns < 80) return undefined; // rendered at 80 columns
  try {
    return readFileSync(new URL('../dist/help.txt', import.meta.url));
  } catch {
    return undefined;
  }
}

const help = renderedHelp();
if (help) process.stdout.write(help);
else {
  const { main } = await import('../dist/main.js');
  process.exitCode = await main(args);
}
