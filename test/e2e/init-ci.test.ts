/**
 * ppp init --ci github|gitlab, as a user runs it in real temporary git repositories: the workflow parses, has the
 * structure GitHub Actions and GitLab CI need (pull requests, the whole history, the pages permissions), and every ppp
 * command in it is one ppp accepts, run in the register as the job would run it; a council's own workflow is never
 * written over.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git } from '../helpers/git.js';
import { cleanup, tempDir } from '../helpers/register.js';
import { run } from '../helpers/run.js';

afterAll(cleanup);

type Yaml = Record<string, unknown>;
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string;
  if?: string;
  permissions?: Record<string, string>;
  environment?: { name: string; url: string };
  steps: Step[];
  stage?: string;
  script?: string[];
  rules?: Yaml[];
  artifacts?: { paths: string[] };
}

/** Returns a new register made by ppp init with the flags, in a new folder; checks it succeeded. */
async function newRegister(...flags: string[]): Promise<{ dir: string; stdout: string }> {
  const dir = join(tempDir(), 'reg');
  const r = await run(['init', dir, ...flags]);
  expect(r.code, r.stderr).toBe(0);
  return { dir, stdout: r.stdout };
}

/** Returns the words of a command line with its variables given, split as a shell splits plain and quoted words. */
function shellWords(line: string, vars: Record<string, string>): string[] {
  const expanded = line.replace(/\$(\w+)/g, (_, name: string) => vars[name] ?? `$${name}`);
  const words: string[] = [];
  for (const m of expanded.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) words.push(m[1] ?? m[2] ?? m[3]!);
  return words;
}

/** Runs each ppp command of a workflow as the job would, from the repository's top, and returns their arguments. */
async function runPppCommands(lines: string[], top: string): Promise<string[][]> {
  const vars = { RUNNER_TEMP: tempDir(), BASE_URL: 'https://example.github.io/reg', CI_PAGES_URL: 'https://x.io' };
  const commands = lines.filter((l) => l.startsWith('ppp ')).map((l) => shellWords(l, vars).slice(1));
  for (const args of commands) {
    const r = await run(args, { cwd: top });
    expect(r.code, `ppp ${args.join(' ')}: ${r.stderr}`).toBe(0);
  }
  return commands;
}

describe('ppp init DIR --ci github', () => {
  it('writes a workflow that checks pull requests with the whole history and publishes main to Pages', async () => {
    const { dir, stdout } = await newRegister('--ci', 'github');
    expect(stdout).toContain('  .github/workflows/ppp.yml\n');
    expect(stdout).toContain('PPP_REPOSITORY');
    const text = readFileSync(join(dir, '.github/workflows/ppp.yml'), 'utf8');
    const wf = parse(text) as { on: Yaml; env: Record<string, string>; jobs: Record<string, Job> };

    expect(wf.on).toHaveProperty('pull_request');
    expect(wf.on.push).toEqual({ branches: ['main'] });
    expect(Object.keys(wf.jobs)).toEqual(['check', 'publish']);
    for (const job of Object.values(wf.jobs)) {
      expect(job).toMatchObject({ 'runs-on': 'ubuntu-latest' });
      const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!;
      // ppp verify refuses a shallow clone: the register is checked out with its whole history.
      expect(checkout.with).toMatchObject({ 'fetch-depth': 0 });
      expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))!.with).toEqual({ 'node-version': 20 });
      for (const step of job.steps) {
        expect(Boolean(step.uses) !== Boolean(step.run), JSON.stringify(step)).toBe(true);
        if (step.uses) expect(step.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
        // Never npx ppp: the npm package named ppp is not this one.
        expect(step.run ?? '').not.toMatch(/npx\s+ppp/);
      }
    }
    const check = wf.jobs.check!;
    const runs = check.steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs).toContain('ppp validate --format github');
    expect(runs).toContain('ppp verify');

    const publish = wf.jobs.publish!;
    expect(publish.needs).toBe('check');
    expect(publish.if).toContain("github.ref == 'refs/heads/main'");
    expect(publish.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(publish.environment).toEqual({ name: 'github-pages', url: '${{ steps.deployment.outputs.page_url }}' });
    const uses = publish.steps.map((s) => s.uses?.replace(/@.*/, '') ?? s.run?.split(' ').slice(0, 2).join(' '));
    expect(uses.slice(-4)).toEqual([
      'actions/configure-pages',
      'ppp publish',
      'actions/upload-pages-artifact',
      'actions/deploy-pages',
    ]);
    const published = publish.steps.find((s) => s.run?.startsWith('ppp publish'))!;
    expect(published.run).toContain('--out "$RUNNER_TEMP/site"');
    expect(publish.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))!.with).toEqual({
      path: '${{ runner.temp }}/site',
    });
    expect(publish.steps.find((s) => s.uses?.startsWith('actions/deploy-pages'))).toMatchObject({ id: 'deployment' });

    // Honest about where ppp comes from, and about merge commits.
    expect(wf.env).toEqual({ PPP_REPOSITORY: 'YOUR-ORG/ppp', PPP_REF: 'main' });
    expect(text).toMatch(/# Where ppp comes from: ppp is not published on the npm registry/);
    expect(text).toMatch(/# MERGE APPROVAL PULL REQUESTS WITH A MERGE COMMIT/);
    expect(text).toMatch(/squash merge or a rebase merge/);

    // Each ppp command of both jobs runs in the register as the jobs run it.
    git(dir, ['add', '-A']);
    git(dir, ['commit', '--quiet', '--no-gpg-sign', '-m', 'Start the register']);
    const ran = await runPppCommands(
      Object.values(wf.jobs).flatMap((j) => j.steps.flatMap((s) => (s.run ? [s.run] : []))),
      dir,
    );
    expect(ran.map((a) => a[0])).toEqual(['validate', 'verify', 'publish']);
  });

  it('in a folder of an existing repository: at the top of the repository, each command with -C', async () => {
    const top = tempDir();
    git(top, ['init', '--quiet', '--initial-branch=main']);
    const r = await run(['init', join(top, 'policies', 'register'), '--ci', 'github']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('  ../../.github/workflows/ppp.yml\n');
    expect(existsSync(join(top, 'policies/register/.github'))).toBe(false);
    const wf = parse(readFileSync(join(top, '.github/workflows/ppp.yml'), 'utf8')) as { jobs: Record<string, Job> };
    const runs = Object.values(wf.jobs).flatMap((j) => j.steps.flatMap((s) => (s.run ? [s.run] : [])));
    expect(runs).toContain('ppp validate --format github -C policies/register');
    git(top, ['add', '-A']);
    git(top, ['commit', '--quiet', '--no-gpg-sign', '-m', 'Start the register']);
    expect((await runPppCommands(runs, top)).length).toBe(3);
  });
});

describe('ppp init DIR --ci gitlab', () => {
  it('writes .gitlab-ci.yml: validate and verify with the whole history, pages from the default branch', async () => {
    const { dir } = await newRegister('--ci', 'gitlab');
    const text = readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8');
    const ci = parse(text) as Yaml;
    const jobs = Object.fromEntries(
      Object.entries(ci).filter(([k]) => !['variables', 'default', 'workflow'].includes(k)),
    ) as Record<string, Job>;
    expect(Object.keys(jobs)).toEqual(['ppp-check', 'pages']);
    expect(ci.variables).toMatchObject({ GIT_DEPTH: '0', GIT_STRATEGY: 'clone' });
    expect(ci.default).toMatchObject({ image: 'node:20' });
    expect((ci.workflow as { rules: Yaml[] }).rules[0]).toEqual({ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' });
    expect(jobs['ppp-check']).toMatchObject({ stage: 'test', script: ['ppp validate', 'ppp verify'] });
    const pages = jobs.pages!;
    expect(pages).toMatchObject({ stage: 'deploy', artifacts: { paths: ['public'] } });
    expect(pages.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH' }]);
    expect(pages.script).toEqual([
      'ppp publish --out /tmp/ppp-site --base-url "$CI_PAGES_URL/"',
      'mv /tmp/ppp-site public',
    ]);
    const code = text.split('\n').filter((l) => !l.trimStart().startsWith('#'));
    expect(code.join('\n')).not.toMatch(/npx\s+ppp/);
    expect(text).toMatch(/MERGE APPROVAL PULL REQUESTS WITH A MERGE COMMIT/);
    // Every script line is text, as GitLab requires.
    const lines = [
      ...((ci.default as Yaml).before_script as unknown[]),
      ...Object.values(jobs).flatMap((j) => j.script!),
    ];
    expect(lines.every((l) => typeof l === 'string')).toBe(true);
    git(dir, ['add', '-A']);
    git(dir, ['commit', '--quiet', '--no-gpg-sign', '-m', 'Start the register']);
    const ran = await runPppCommands([...jobs['ppp-check']!.script!, pages.script![0]!], dir);
    expect(ran.map((a) => a[0])).toEqual(['validate', 'verify', 'publish']);
  });
});

describe('ppp init DIR --example --ci --editor', () => {
  it('writes them beside the replayed history, not committed', async () => {
    const { dir, stdout } = await newRegister('--example', '--ci', 'github', '--editor');
    expect(stdout).toContain('not committed: .ppp/schema/ppp.schema.json');
    const status = git(dir, ['status', '--porcelain', '--untracked-files=all']).trim().split('\n').sort();
    expect(status).toEqual([
      '?? .github/workflows/ppp.yml',
      '?? .ppp/schema/actions.schema.json',
      '?? .ppp/schema/attendance.schema.json',
      '?? .ppp/schema/members.schema.json',
      '?? .ppp/schema/ppp.schema.json',
      '?? .vscode/extensions.json',
      '?? .vscode/settings.json',
      '?? .vscode/tasks.json',
    ]);
  });
});

describe('ppp init --ci in an existing register', () => {
  it('writes only the workflow, says so, and leaves the same workflow as it is when run again', async () => {
    const { dir } = await newRegister();
    git(dir, ['add', '-A']);
    git(dir, ['commit', '--quiet', '--no-gpg-sign', '-m', 'Start the register']);
    const r = await run(['init', '--ci', 'gitlab'], { cwd: join(dir, 'documents') });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote {2}\.gitlab-ci\.yml\n/);
    expect(git(dir, ['status', '--porcelain', '--untracked-files=all'])).toBe('?? .gitlab-ci.yml\n');
    const again = await run(['init', '--ci', 'gitlab', '-C', dir]);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringMatching(/^unchanged {2}\.gitlab-ci\.yml\n/) });
  });

  it("refuses (exit 2) to write over a council's own workflow, and changes nothing", async () => {
    const { dir } = await newRegister();
    mkdirSync(join(dir, '.github/workflows'), { recursive: true });
    const mine = 'name: ours\non: push\njobs: {}\n';
    writeFileSync(join(dir, '.github/workflows/ppp.yml'), mine);
    const r = await run(['init', '--ci', 'github', '--editor'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.github/workflows/ppp.yml already exists and is not the workflow ppp writes');
    expect(r.stderr).toContain('Nothing was written');
    expect(readFileSync(join(dir, '.github/workflows/ppp.yml'), 'utf8')).toBe(mine);
  });

  it('refuses a register outside git (exit 2): CI runs on a repository', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ppp.yaml'), 'group: PPP\nid_prefix: CS\n');
    const r = await run(['init', '--ci', 'github'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not in a git repository');
    expect(existsSync(join(dir, '.github'))).toBe(false);
  });

  it.each([
    [['init', '--ci', 'bitbucket'], '--ci bitbucket is not one of: github, gitlab'],
    [['init', 'x', '--ci', 'GitHub'], '--ci GitHub is not one of: github, gitlab'],
    [['init'], 'give the folder to create the register in (ppp init DIR)'],
    [['init', '--preset', 'kent-medway'], '--preset makes a new register: give its folder, DIR'],
  ])('%j: exit 2, naming what to do, nothing written', async (args, message) => {
    const { dir } = await newRegister();
    const before = git(dir, ['status', '--porcelain', '--untracked-files=all']);
    const r = await run(args, { cwd: dir });
    expect(r).toMatchObject({ code: 2, stderr: expect.stringContaining(message) });
    expect(git(dir, ['status', '--porcelain', '--untracked-files=all'])).toBe(before);
    expect(existsSync(join(dir, 'x'))).toBe(false);
  });
});
