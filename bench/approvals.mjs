// Builds a register in a new git repository whose N documents were each approved by a commit
// signed with a throwaway ed25519 key listed in allowed_signers: the history ppp verify reads.
// Every approval is a real git commit -S (git runs ssh-keygen to sign), so this takes a while.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './generate.mjs';

const ROOT = new URL('..', import.meta.url).pathname;

/** Writes the register and its signed history into dir and returns the number of approval commits. */
export async function makeApprovalHistory(dir, n = 1000) {
  const { approvalMessage, contentHash } = await import(join(ROOT, 'dist', 'approval-kit.js'));
  generate(dir, n);
  const env = {
    ...process.env,
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'Bench Chair',
    GIT_AUTHOR_EMAIL: 'chair@example.org',
    GIT_COMMITTER_NAME: 'Bench Chair',
    GIT_COMMITTER_EMAIL: 'chair@example.org',
  };
  const git = (args, input) => execFileSync('git', args, { cwd: dir, env, input, encoding: 'utf8' });
  git(['init', '--quiet', '--initial-branch=main']);
  const key = join(dir, '.git', 'bench-key');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'bench', '-f', key]);
  writeFileSync(
    join(dir, 'allowed_signers'),
    `chair@example.org namespaces="git" ${readFileSync(`${key}.pub`, 'utf8').trim()}\n`,
  );
  git(['config', 'gpg.format', 'ssh']);
  git(['config', 'user.signingkey', key]);
  const files = [];
  for (const folder of readdirSync(join(dir, 'documents')))
    for (const f of readdirSync(join(dir, 'documents', folder))) files.push(`documents/${folder}/${f}`);
  const approved = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  // Each document starts as a draft; its approval commit then changes it to what was approved.
  for (const [f, text] of approved) writeFileSync(join(dir, f), text.replace('status: approved', 'status: drafting'));
  git(['add', '-A']);
  git(['commit', '--quiet', '--no-gpg-sign', '-m', 'Drafts']);
  for (const [f, text] of approved) {
    writeFileSync(join(dir, f), text);
    const field = (name) => new RegExp(`${name}: ([^,}\\n]+)`).exec(text)[1].replace(/"/g, '').trim();
    const message = approvalMessage(
      field('title'),
      {
        'PPP-Document': field('id'),
        'PPP-Version': field('version'),
        'PPP-Route': field('route'),
        'PPP-Approved-On': field('approved_on'),
        'PPP-Content-SHA256': contentHash(text),
      },
      field('approved_by'),
    );
    const r = spawnSync('git', ['commit', '--quiet', '-S', '--file=-', '--', f], {
      cwd: dir,
      env,
      input: message,
      encoding: 'utf8',
    });
    if (r.status !== 0) throw new Error(`signing ${f} failed: ${r.stderr}`);
  }
  return approved.size;
}
