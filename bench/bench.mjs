// npm run bench: times ppp on a generated register of 10,000 documents against the floors
// (node -e 0, reading the files) and against markdownlint-cli2 on the same files.
// Each case runs RUNS times (default 5); min and median are printed with their ratios and targets.
// Usage: node bench/bench.mjs [--runs N] [--docs N] [--keep DIR] [--no-markdownlint] [--no-verify]
//        [--approvals N] [--publish-docs N (0: skip)] [--import-rows N (0: skip)]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeApprovalHistory } from './approvals.mjs';
import { generate } from './generate.mjs';
import { writeTracker } from './tracker.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    docs: { type: 'string', default: '10000' },
    keep: { type: 'string' },
    'no-markdownlint': { type: 'boolean', default: false },
    approvals: { type: 'string', default: '1000' },
    'publish-docs': { type: 'string', default: '10000' },
    'import-rows': { type: 'string', default: '10000' },
    'no-verify': { type: 'boolean', default: false },
  },
});
const runs = Number(values.runs);
const dir = values.keep ?? mkdtempSync(join(tmpdir(), 'ppp-bench-'));
const cache = mkdtempSync(join(tmpdir(), 'ppp-bench-cache-'));
const env = { ...process.env, PPP_CACHE_DIR: cache, NO_COLOR: '1' };
const PPP = join(ROOT, 'bin', 'ppp.js');

console.log(`Generating ${values.docs} documents in ${dir} ...`);
generate(dir, Number(values.docs));

function time(label, args, { cwd = dir, expectCode = [0], n = runs, before } = {}) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    before?.();
    const start = process.hrtime.bigint();
    const r = spawnSync(args[0], args.slice(1), { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (!expectCode.includes(r.status)) throw new Error(`${label}: exit ${r.status}\n${r.stderr.slice(0, 2000)}`);
    samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  const result = { label, min: samples[0], median: samples[Math.floor(samples.length / 2)] };
  console.log(`${label.padEnd(42)} min ${fmt(result.min)}  median ${fmt(result.median)}`);
  return result;
}

const fmt = (ms) => `${(ms / 1000).toFixed(3)} s`.padStart(9);

const node0 = time('node -e 0', [process.execPath, '-e', '0']);
const help = time('ppp --help', [process.execPath, PPP, '--help']);
const floor = time('read-only floor (read 10,000 files)', [
  process.execPath,
  join(ROOT, 'bench', 'read-floor.mjs'),
  dir,
]);
const cold = time('ppp validate --no-cache (cold)', [process.execPath, PPP, 'validate', '--no-cache']);
time('ppp validate (prime the cache)', [process.execPath, PPP, 'validate'], { n: 1 });
const warm = time('ppp validate (warm, nothing changed)', [process.execPath, PPP, 'validate']);
let lint;
if (!values['no-markdownlint']) {
  const bin = join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  lint = time('markdownlint-cli2 documents/**/*.md', [process.execPath, bin, 'documents/**/*.md'], {
    expectCode: [0, 1],
  });
}

let verifyCase;
if (!values['no-verify']) {
  // ppp verify on N documents, each approved by a signed commit: against git's own single pass
  // checking the same signatures, cold (no cache), and warm (verdicts cached, nothing new).
  const history = mkdtempSync(join(tmpdir(), 'ppp-bench-approvals-'));
  const made = Date.now();
  const n = await makeApprovalHistory(history, Number(values.approvals));
  console.log(`\n${n} signed approval commits made in ${((Date.now() - made) / 1000).toFixed(1)} s (${history})`);
  const signers = join(history, 'allowed_signers');
  const vruns = Math.min(runs, 3);
  const pass = time(
    `git log --format=%G? (${n} signed commits)`,
    ['git', '-c', `gpg.ssh.allowedSignersFile=${signers}`, 'log', '--format=%H %G?'],
    { cwd: history, n: vruns },
  );
  const vcold = time('ppp verify --no-cache (cold)', [process.execPath, PPP, 'verify', '--no-cache'], {
    cwd: history,
    n: vruns,
  });
  time('ppp verify (prime the cache)', [process.execPath, PPP, 'verify'], { cwd: history, n: 1 });
  const vwarm = time('ppp verify (warm, nothing new)', [process.execPath, PPP, 'verify'], { cwd: history });
  verifyCase = { pass, vcold, vwarm };
  if (!values.keep) rmSync(history, { recursive: true, force: true });
}

let publishCase;
if (Number(values['publish-docs']) > 0) {
  // ppp publish of N documents, each approved by a signed commit (every tenth twice, so the archive has pages too):
  // cold (no verdicts cached, as on a fresh CI runner) and warm. The brief: under a minute on a 2-core machine.
  const history = mkdtempSync(join(tmpdir(), 'ppp-bench-publish-'));
  const made = Date.now();
  const n = await makeApprovalHistory(history, Number(values['publish-docs']));
  console.log(`\n${n} approved documents made in ${((Date.now() - made) / 1000).toFixed(1)} s (${history})`);
  const site = join(mkdtempSync(join(tmpdir(), 'ppp-bench-site-')), 'site');
  const publish = [process.execPath, PPP, 'publish', '--out', site];
  const pcold = time(`ppp publish, ${n} documents (cold)`, [...publish, '--no-cache'], { cwd: history, n: 1 });
  time('ppp publish (prime the cache)', publish, { cwd: history, n: 1 });
  const pwarm = time(`ppp publish, ${n} documents (warm)`, publish, { cwd: history, n: Math.min(runs, 3) });
  publishCase = { pcold, pwarm };
  rmSync(join(site, '..'), { recursive: true, force: true });
  if (!values.keep) rmSync(history, { recursive: true, force: true });
}

let importCase;
if (Number(values['import-rows']) > 0) {
  // ppp import of a tracker of N rows into a new register: every row checked, every document written.
  const work = mkdtempSync(join(tmpdir(), 'ppp-bench-import-'));
  const tracker = join(work, 'tracker.csv');
  const n = writeTracker(tracker, Number(values['import-rows']));
  const register = join(work, 'register');
  const fresh = () => {
    rmSync(register, { recursive: true, force: true });
    const r = spawnSync(process.execPath, [PPP, 'init', register], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`ppp init failed: ${r.stderr}`);
  };
  const imported = time(`ppp import, a tracker of ${n} rows`, [process.execPath, PPP, 'import', tracker], {
    cwd: register,
    n: Math.min(runs, 3),
    before: fresh,
  });
  importCase = { imported };
  rmSync(work, { recursive: true, force: true });
}

const ratio = (a, b) => (a / b).toFixed(2);
console.log('\nRatios (medians)                           value   target');
const rows = [
  ['ppp --help / node -e 0', help.median / node0.median, 1.3],
  ['warm validate / read-only floor', warm.median / floor.median, 2],
  ...(lint ? [['cold validate / markdownlint-cli2', cold.median / lint.median, 0.2]] : []),
  ...(verifyCase
    ? [
        ['cold verify / git log %G? pass', verifyCase.vcold.median / verifyCase.pass.median, 1.2],
        ['warm verify (seconds)', verifyCase.vwarm.median / 1000, 1],
      ]
    : []),
  ...(importCase ? [['import of 10,000 rows (seconds)', importCase.imported.median / 1000, 30]] : []),
  ...(publishCase
    ? [
        ['cold publish (seconds)', publishCase.pcold.median / 1000, 60],
        ['warm publish (seconds)', publishCase.pwarm.median / 1000, 60],
      ]
    : []),
];
let failed = 0;
for (const [name, value, target] of rows) {
  const ok = value <= target;
  if (!ok) failed++;
  console.log(`${name.padEnd(42)} ${value.toFixed(2).padStart(5)}   <= ${target}  ${ok ? 'ok' : 'MISSED'}`);
}
console.log(
  `cold validate: ${fmt(cold.median)} for ${values.docs} documents (brief: under 2 s); warm: ${fmt(warm.median)}`,
);
void ratio;
rmSync(cache, { recursive: true, force: true });
if (!values.keep) rmSync(dir, { recursive: true, force: true });
process.exitCode = failed ? 1 : 0;
