// Builds a register in a new git repository whose N documents were each approved by a commit
// signed with a throwaway ed25519 key listed in allowed_signers: the history ppp verify and
// ppp publish read. Every tenth document was approved twice (an earlier version, then the
// current one), so the published site has an archive too. The commits are written by ppp's own
// history writer (as ppp init --example writes its history): real commits with real SSH
// signatures, the same bytes git commit -S would make, without starting ssh-keygen per commit.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './generate.mjs';

const ROOT = new URL('..', import.meta.url).pathname;

/** Writes the register and its signed history into dir and returns the number of documents approved. */
export async function makeApprovalHistory(dir, n = 1000) {
  const { approvalMessage, contentHash } = await import(join(ROOT, 'dist', 'approval-kit.js'));
  const { writeHistory } = await import(join(ROOT, 'dist', 'history-kit.js'));
  generate(dir, n);
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  const git = (args) => execFileSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  git(['init', '--quiet', '--initial-branch=main']);
  git(['config', 'user.name', 'Bench Chair']);
  git(['config', 'user.email', 'chair@example.org']);
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
  files.sort();
  const who = (date) => ({ name: 'Bench Chair', email: 'chair@example.org', date });
  // Committed a day before now: every approval in the generated register is dated earlier still.
  const day = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  let second = 0;
  const at = () => {
    const s = second++;
    const two = (n) => String(n).padStart(2, '0');
    return `${day}T${two(Math.floor(s / 3600) % 24)}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}+00:00`;
  };
  const top = ['ppp.yaml', 'members.yaml', 'allowed_signers'].map((path) => ({
    path,
    text: readFileSync(join(dir, path), 'utf8'),
  }));
  const field = (text, name) => new RegExp(`${name}: ([^,}\\n]+)`).exec(text)[1].replace(/"/g, '').trim();
  const approval = (path, text) => ({
    files: [{ path, text }],
    message: approvalMessage(
      field(text, 'title'),
      {
        'PPP-Document': field(text, 'id'),
        'PPP-Version': field(text, 'version'),
        'PPP-Route': field(text, 'route'),
        'PPP-Approved-On': field(text, 'approved_on'),
        'PPP-Content-SHA256': contentHash(text),
      },
      field(text, 'approved_by'),
    ),
    author: who(at()),
    committer: who(at()),
    sign: true,
  });
  const approved = files.map((path) => ({ path, text: readFileSync(join(dir, path), 'utf8') }));
  // Each document starts as a draft; its approval commit then changes it to what was approved.
  const commits = [
    {
      files: [
        ...top,
        ...approved.map((f) => ({ path: f.path, text: f.text.replace('status: approved', 'status: drafting') })),
      ],
      message: 'Drafts',
      author: who(at()),
      committer: who(at()),
      sign: false,
    },
  ];
  approved.forEach((f, i) => {
    if (i % 10 === 0) {
      // An earlier version, approved before the current one, with other wording.
      const earlier = f.text
        .replace(/^version: "(\d+)\.0"$/m, 'version: "0.$1"')
        .replace('A short paragraph on', 'An earlier paragraph on');
      commits.push(approval(f.path, earlier));
    }
    commits.push(approval(f.path, f.text));
  });
  await writeHistory(dir, commits, { branch: 'main', signingKey: key });
  return approved.length;
}
