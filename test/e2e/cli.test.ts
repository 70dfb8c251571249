/** Every command as a user runs it, in process from the sources (test/bin.test.ts runs the built binary). */
import { COMMANDS as TABLE } from '../../src/cli/command-table.js';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv } from '../helpers/cli.js';
import { run } from '../helpers/run.js';
import { ROOT, cleanup, doc, fullBody, makeRegister, tempDir, validSet } from '../helpers/register.js';

afterAll(cleanup);

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const COMMANDS = TABLE.map((c) => c.name);

describe('help and version', () => {
  it('--version prints the package version', async () => {
    const r = await run(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('--help lists every command and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toContain(c);
    expect(r.stdout).toContain('Exit codes');
  });

  it.each(COMMANDS)('%s --help and ppp help %s show an example', async (command) => {
    const a = await run([command, '--help']);
    const b = await run(['help', command]);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/Examples?:\n\s+\$ ppp /);
    expect(b.stdout).toBe(a.stdout);
  });

  it('no command at all shows the usage and exits 2', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: ppp');
  });

  it('an unknown flag or command is a usage error (exit 2)', async () => {
    expect((await run(['validate', '--frobnicate'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    expect(await run(['validate', '--format', 'xml'], { cwd: makeRegister() })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('text, json, github'),
    });
  });
});

describe('finding the register', () => {
  it('with no register anywhere, exits 2 and says to run ppp init', async () => {
    const r = await run(['validate'], { cwd: tempDir() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ppp init');
  });

  it('walks up from a subfolder, and honours -C, --register and PPP_REGISTER', async () => {
    const root = makeRegister(validSet());
    expect((await run(['validate'], { cwd: join(root, 'documents', 'policies') })).code).toBe(0);
    expect((await run(['-C', root, 'validate'], { cwd: tempDir() })).code).toBe(0);
    expect((await run(['validate', '--register', root], { cwd: tempDir() })).code).toBe(0);
    expect((await run(['validate'], { cwd: tempDir(), env: { PPP_REGISTER: root } })).code).toBe(0);
    const missing = await run(['validate', '-C', join(root, 'documents')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('has no ppp.yaml');
  });

  it('a bad ppp.yaml is reported with line and column, exit 2', async () => {
    const root = makeRegister(
      {},
      'group: PPP\nid_prefix: CS\nreview:\n  max_cycle: three years\nmeetings:\n  ' +
        'submision_deadline: 10 working days\n',
    );
    const r = await run(['validate'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'ppp.yaml:6:3: meetings: "submision_deadline" is not a setting; did you mean "submission_deadline"?',
    );
    const syntax = await run(['validate'], { cwd: makeRegister({}, 'group: [PPP\nid_prefix: CS\n') });
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).toMatch(/ppp\.yaml:\d+:\d+: not valid YAML/);
    const duration = await run(['validate'], {
      cwd: makeRegister({}, 'group: PPP\nid_prefix: CS\nreview:\n  max_cycle: three years\n'),
    });
    expect(duration.stderr).toContain('ppp.yaml:4:14: review.max_cycle: "three years" is not a duration');
  });
});

describe('ppp init', () => {
  it.each(['dorset-ppp', 'merton-mscp', 'kent-medway'])(
    '--preset %s makes a register that validates, in a new git repository',
    async (preset) => {
      const dir = join(tempDir(), 'reg');
      const r = await run(['init', dir, '--preset', preset]);
      expect(r.code, r.stderr).toBe(0);
      for (const f of ['ppp.yaml', 'members.yaml', 'allowed_signers', 'documents', '.git'])
        expect(existsSync(join(dir, f)), f).toBe(true);
      expect(readFileSync(join(dir, 'allowed_signers'), 'utf8')).toMatch(/^# /m);
      expect(await run(['validate'], { cwd: dir })).toMatchObject({ code: 0 });
    },
  );

  it('refuses to write over an existing register (exit 2) and changes nothing', async () => {
    const dir = join(tempDir(), 'reg');
    expect((await run(['init', dir])).code).toBe(0);
    writeFileSync(join(dir, 'ppp.yaml'), 'group: Mine\nid_prefix: XX\n');
    const r = await run(['init', dir, '--preset', 'kent-medway']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already a register');
    expect(readFileSync(join(dir, 'ppp.yaml'), 'utf8')).toBe('group: Mine\nid_prefix: XX\n');
  });

  it('rejects an unknown preset', async () => {
    const r = await run(['init', join(tempDir(), 'x'), '--preset', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dorset-ppp, kent-medway, merton-mscp');
  });
});

describe('ppp new', () => {
  async function freshRegister() {
    const dir = join(tempDir(), 'reg');
    expect((await run(['init', dir])).code).toBe(0);
    return dir;
  }

  it('allocates ids, writes from the template, and the result validates with no errors', async () => {
    const dir = await freshRegister();
    const pol = await run(['new', 'policy', '--title', 'Values and Principles', '--owner', 'hqa'], { cwd: dir });
    expect(pol.code, pol.stderr).toBe(0);
    expect(pol.stdout.trim()).toBe(join(dir, 'documents/policies/CS-POL-0001-values-and-principles.md'));
    const pro = await run(
      ['new', 'procedure', '--title', 'Missing children', '--owner', 'hos-1', '--governed-by', 'CS-POL-0001'],
      { cwd: dir },
    );
    expect(pro.code, pro.stderr).toBe(0);
    const pro2 = await run(
      ['new', 'procedure', '--title', 'Missing children', '--owner', 'hos-1', '--governed-by', 'CS-POL-0001'],
      { cwd: dir },
    );
    expect(pro2.stdout).toContain('CS-PRO-0002-missing-children.md');
    const prop = await run(['new', 'standard', '--title', 'Recording standard', '--owner', 'qa-1', '--proposal'], {
      cwd: dir,
    });
    expect(prop.code).toBe(0);
    const text = readFileSync(prop.stdout.trim(), 'utf8');
    expect(text).toMatch(/^---\nid: CS-STD-0001\ntitle: Recording standard\n/);
    expect(text).toContain('status: proposed');
    expect(text).toContain('version: "0.1"');
    expect(text).toContain('## How it is measured');
    const v = await run(['validate', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, documents: 4, errors: 0 });
  });

  it('without a terminal, every missing value is an error naming its flag (exit 2), never a prompt', async () => {
    const dir = await freshRegister();
    expect(await run(['new'], { cwd: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining('TYPE') });
    expect(await run(['new', 'policy'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--title'),
    });
    expect(await run(['new', 'policy', '--title', 'X'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--owner'),
    });
    expect(await run(['new', 'procedure', '--title', 'X', '--owner', 'hqa'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--governed-by'),
    });
    expect(await run(['new', 'policy', '--title', 'X', '--owner', 'nobody'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('not a member'),
    });
    expect(await run(['new', 'memo', '--title', 'X', '--owner', 'hqa'], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('not a document type'),
    });
    expect(readdirSync(join(dir, 'documents'))).toEqual(['.gitkeep']);
  });

  it('keeps the slug plain ASCII, at most 60 characters, inside documents/', async () => {
    const dir = await freshRegister();
    const titles = [
      '../../../etc/passwd',
      'Café Ümlaut — “quotes” & <tags> / \\ back',
      'a'.repeat(300).slice(0, 200),
      '日本語',
      '   ',
    ];
    for (const title of titles) {
      const r = await run(['new', 'guideline', '--title', title, '--owner', 'hqa'], { cwd: dir });
      if (title.trim() === '') {
        expect(r.code).toBe(2);
        continue;
      }
      expect(r.code, r.stderr).toBe(0);
      const path = r.stdout.trim();
      expect(path.startsWith(join(dir, 'documents', 'guidelines') + '/')).toBe(true);
      const name = path.split('/').pop()!;
      expect(name).toMatch(/^CS-GDL-\d{4}-[a-z0-9-]{1,60}\.md$/);
    }
    expect(readdirSync(join(dir, 'documents', 'guidelines')).sort()).toEqual([
      'CS-GDL-0001-etc-passwd.md',
      'CS-GDL-0002-cafe-umlaut-quotes-and-tags-back.md',
      `CS-GDL-0003-${'a'.repeat(60)}.md`,
      'CS-GDL-0004-document.md',
    ]);
    expect((await run(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('a register template overrides the built-in one', async () => {
    const dir = await freshRegister();
    mkdirSync(join(dir, 'templates'));
    writeFileSync(
      join(dir, 'templates', 'guideline.md'),
      '---\nid: X\n---\n\n# Title\n\n## Local advice\n\nWrite here.\n',
    );
    const r = await run(['new', 'guideline', '--title', 'Ours', '--owner', 'hqa'], { cwd: dir });
    expect(readFileSync(r.stdout.trim(), 'utf8')).toContain('## Local advice');
    expect((await run(['validate'], { cwd: dir })).code).toBe(0);
    // A document without the register's section fails the register's template.
    writeFileSync(
      join(dir, 'documents/guidelines/CS-GDL-0009-x.md'),
      doc(
        'id: CS-GDL-0009\ntitle: X\ntype: guideline\nstatus: drafting\nversion: "0.1"\nowner: hqa\n',
        fullBody('guideline'),
      ),
    );
    const v = await run(['validate'], { cwd: dir });
    expect(v.code).toBe(1);
    expect(v.stdout).toContain(
      'the section "Local advice" is missing; add a heading "## Local advice" ' +
        '(required by the guideline template in templates/guideline.md)',
    );
  });
});

describe('ppp validate', () => {
  const broken = () => {
    const set = validSet();
    set['documents/procedures/CS-PRO-0001-missing.md'] = set['documents/procedures/CS-PRO-0001-missing.md']!.replace(
      'related_forms: [CS-FRM-0001]',
      'related_forms: [CS-FRM-0099]',
    );
    set['documents/procedures/CS-PRO-0001-missing.md'] = set['documents/procedures/CS-PRO-0001-missing.md']!.replace(
      'due: 2027-03-11',
      'due: 2027-04-11',
    );
    return makeRegister(set);
  };

  it('text output groups problems by file, exit 1 on errors', async () => {
    const r = await run(['validate'], { cwd: broken() });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('documents/procedures/CS-PRO-0001-missing.md\n');
    expect(r.stdout).toMatch(/ {2}10:32\s+warning\s+review\.due 2027-04-11 is not 2027-03-11.*review\/due-mismatch/);
    expect(r.stdout).toMatch(/ {2}12:17\s+error\s+the field "related_forms" names CS-FRM-0099.*link\/unresolved/);
    expect(r.stdout).toContain('✖ 2 problems (1 error, 1 warning) in 1 document; 3 documents checked');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('json output is the SPEC shape', async () => {
    const r = await run(['validate', '--format', 'json'], { cwd: broken() });
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['ok', 'documents', 'errors', 'warnings', 'problems']);
    expect(json).toMatchObject({ ok: false, documents: 3, errors: 1, warnings: 1 });
    expect(json.problems[1]).toEqual({
      file: 'documents/procedures/CS-PRO-0001-missing.md',
      line: 12,
      column: 17,
      severity: 'error',
      rule: 'link/unresolved',
      message: expect.stringContaining('CS-FRM-0099'),
    });
    expect(r.stderr).toBe('');
  });

  it('github output prints workflow annotations with paths from the job folder', async () => {
    const root = broken();
    const r = await run(['validate', '--format', 'github', '-C', root], { cwd: join(root, '..') });
    const name = root.split('/').pop();
    expect(r.stdout).toContain(
      `::error file=${name}/documents/procedures/CS-PRO-0001-missing.md,line=12,col=17,` +
        `title=link/unresolved::the field "related_forms" names CS-FRM-0099`,
    );
    expect(r.stdout).toContain(
      `::warning file=${name}/documents/procedures/CS-PRO-0001-missing.md,line=10,col=32,title=review/due-mismatch::`,
    );
  });

  it('warnings pass unless --strict', async () => {
    const set = validSet();
    set['documents/procedures/CS-PRO-0001-missing.md'] = set['documents/procedures/CS-PRO-0001-missing.md']!.replace(
      'due: 2027-03-11',
      'due: 2027-04-11',
    );
    const root = makeRegister(set);
    expect((await run(['validate'], { cwd: root })).code).toBe(0);
    expect((await run(['validate', '--strict'], { cwd: root })).code).toBe(1);
  });

  it('PATHS limit the report but links are checked against the whole register', async () => {
    const root = broken();
    const pol = JSON.parse((await run(['validate', 'documents/policies', '--format', 'json'], { cwd: root })).stdout);
    expect(pol).toMatchObject({ ok: true, documents: 1, problems: [] });
    const form = JSON.parse(
      (await run(['validate', 'documents/forms/CS-FRM-0001-return.md', '--format', 'json'], { cwd: root })).stdout,
    );
    expect(form).toMatchObject({ ok: true, documents: 1 });
    expect(await run(['validate', 'documents/nope.md'], { cwd: root })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no such file'),
    });
  });

  it('--list-rules lists every rule with its severity', async () => {
    const r = await run(['validate', '--list-rules']);
    expect(r.code).toBe(0);
    for (const id of [
      'yaml/syntax',
      'frontmatter/engine',
      'schema/required',
      'id/duplicate',
      'link/unresolved',
      'governance/cycle',
      'review/beyond-max-cycle',
      'approval/route-not-allowed',
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^${id}\\s+(error|warning)\\s+\\S`, 'm'));
    }
  });

  it('colour only when forced or on a terminal; NO_COLOR wins over nothing', async () => {
    const root = broken();
    expect((await run(['validate'], { cwd: root, env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await run(['validate'], { cwd: root, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('the cache gives the same answer, notices changes, and survives corruption', async () => {
    const root = broken();
    const cache = join(tempDir(), 'cache');
    const env = { PPP_CACHE_DIR: cache };
    const first = (await run(['validate', '--format', 'json'], { cwd: root, env })).stdout;
    expect(readdirSync(cache)).toHaveLength(1);
    expect((await run(['validate', '--format', 'json'], { cwd: root, env })).stdout).toBe(first);
    const file = join(root, 'documents/procedures/CS-PRO-0001-missing.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('CS-FRM-0099', 'CS-FRM-0001'));
    expect(JSON.parse((await run(['validate', '--format', 'json'], { cwd: root, env })).stdout)).toMatchObject({
      errors: 0,
      warnings: 1,
    });
    writeFileSync(join(cache, readdirSync(cache)[0]!), '{"format":4,"key":');
    expect(JSON.parse((await run(['validate', '--format', 'json'], { cwd: root, env })).stdout)).toMatchObject({
      errors: 0,
      warnings: 1,
    });
    // A change to ppp.yaml invalidates every cached record.
    const settings = join(root, 'ppp.yaml');
    writeFileSync(
      settings,
      readFileSync(settings, 'utf8')
        .replace('max_cycle: 3 years', 'max_cycle: 18 months')
        .replace('default_cycle: 3 years', 'default_cycle: 1 year'),
    );
    const after = JSON.parse((await run(['validate', '--format', 'json'], { cwd: root, env })).stdout);
    expect(after.problems.map((p: { rule: string }) => p.rule)).toContain('review/cycle-too-long');
  });
});

describe('ppp register', () => {
  it('prints a table by default and the SPEC json shape with --format json', async () => {
    const root = makeRegister(validSet());
    const t = await run(['register'], { cwd: root });
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('CS-PRO-0001');
    expect(t.stdout).toContain('3 documents');
    const rows = JSON.parse((await run(['register', '--format', 'json'], { cwd: root })).stdout);
    expect(rows[1]).toEqual({
      id: 'CS-POL-0001',
      title: 'Values and principles',
      type: 'policy',
      status: 'approved',
      version: '1.0',
      owner: 'hqa',
      approved_on: '2025-01-14',
      review_due: '2028-01-14',
      file: 'documents/policies/CS-POL-0001-values.md',
    });
    expect(rows.map((r: { id: string }) => r.id)).toEqual(['CS-FRM-0001', 'CS-POL-0001', 'CS-PRO-0001']);
    expect((await run(['list', '--json'], { cwd: root })).stdout).toBe(
      (await run(['register', '--format', 'json'], { cwd: root })).stdout,
    );
  });

  it('filters by type, status and owner; prints csv and markdown', async () => {
    const root = makeRegister(validSet());
    expect(JSON.parse((await run(['register', '--json', '--type', 'procedure'], { cwd: root })).stdout)).toHaveLength(
      1,
    );
    expect(JSON.parse((await run(['register', '--json', '--status', 'approved'], { cwd: root })).stdout)).toHaveLength(
      2,
    );
    expect(JSON.parse((await run(['register', '--json', '--owner', 'qa-1'], { cwd: root })).stdout)).toHaveLength(1);
    expect((await run(['register', '--type', 'memo'], { cwd: root })).code).toBe(2);
    const csv = (await run(['register', '--format', 'csv'], { cwd: root })).stdout.split('\r\n');
    expect(csv[0]).toBe('id,title,type,status,version,owner,approved_on,review_due,file');
    expect(csv[2]).toBe(
      'CS-POL-0001,Values and ' +
        'principles,policy,approved,1.0,hqa,2025-01-14,2028-01-14,documents/policies/CS-POL-0001-values.md',
    );
    const md = (await run(['register', '--format', 'md'], { cwd: root })).stdout.split('\n');
    expect(md[0]).toBe('| Id | Title | Type | Status | Version | Owner | Approved | Review due |');
    expect(md[3]).toBe(
      '| CS-POL-0001 | Values and principles | policy | approved | 1.0 | hqa | 2025-01-14 | 2028-01-14 |',
    );
  });

  it('keeps spreadsheet formulas out of csv', async () => {
    const set = validSet();
    set['documents/forms/CS-FRM-0001-return.md'] = set['documents/forms/CS-FRM-0001-return.md']!.replace(
      'title: Return home interview',
      'title: "=HYPERLINK(\\"x\\")"',
    );
    const csv = (await run(['register', '--format', 'csv'], { cwd: makeRegister(set) })).stdout;
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('every command', () => {
  it('refuses an impossible --today or PPP_TODAY with exit 2', async () => {
    const root = makeRegister(validSet());
    expect(await run(['register', '--today', '2027-02-30'], { cwd: root })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--today: "2027-02-30" does not exist: February 2027 has 28 days'),
    });
    expect(await run(['validate'], { cwd: root, env: { PPP_TODAY: '2027-13-01' } })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('PPP_TODAY'),
    });
    expect((await run(['validate', '--today', '2027-01-05'], { cwd: root })).code).toBe(0);
  });

  it('a broken members.yaml fails validation, naming its line', async () => {
    const root = makeRegister(validSet());
    writeFileSync(
      join(root, 'members.yaml'),
      'members:\n  - { id: hqa, name: A, role: chair }\n  - { id: hqa, name: B, role: chair }\n',
    );
    const r = await run(['validate', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(1);
    const problems = JSON.parse(r.stdout).problems as { file: string; line: number; rule: string }[];
    expect(problems.find((p) => p.file === 'members.yaml')).toMatchObject({ line: 3, rule: 'members/duplicate-id' });
    expect(problems.some((p) => p.rule === 'member/unknown')).toBe(true);
  });
});

describe('review findings', () => {
  it('ppp validate members.yaml reports the problems of members.yaml', async () => {
    const root = makeRegister(validSet());
    writeFileSync(join(root, 'members.yaml'), 'members: {oops\n');
    const r = await run(['validate', 'members.yaml', '--format', 'json'], { cwd: root });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).problems[0]).toMatchObject({ file: 'members.yaml', rule: 'members/invalid' });
    // Paths are found from the register's folder too, as with git -C.
    expect((await run(['validate', '-C', root, 'members.yaml'], { cwd: tempDir() })).code).toBe(1);
  });

  it('with --strict and only warnings, ok is false, as the exit code says', async () => {
    const set = validSet();
    set['documents/procedures/CS-PRO-0001-missing.md'] = set['documents/procedures/CS-PRO-0001-missing.md']!.replace(
      'due: 2027-03-11',
      'due: 2027-04-11',
    );
    const r = await run(['validate', '--strict', '--format', 'json'], { cwd: makeRegister(set) });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, errors: 0, warnings: 1 });
  });
});

describe('review findings: no crash, nothing half-done', () => {
  const fresh = async () => {
    const dir = join(tempDir(), 'reg');
    expect((await run(['init', dir])).code).toBe(0);
    return dir;
  };
  const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync('git', args, { cwd, env: cleanEnv(), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  };

  it('keeps "$&" and "$\'" in a title as written', async () => {
    const dir = await fresh();
    const a = await run(['new', 'guideline', '--title', 'Fees $& charges', '--owner', 'hqa'], { cwd: dir });
    const b = await run(['new', 'guideline', '--title', "Costs $' here", '--owner', 'hqa'], { cwd: dir });
    expect(readFileSync(a.stdout.trim(), 'utf8')).toContain('\n# Fees $& charges\n');
    const text = readFileSync(b.stdout.trim(), 'utf8');
    expect(text).toContain("\n# Costs $' here\n");
    expect(text.match(/## Purpose/g)).toHaveLength(1);
  });

  it.each([
    [
      'members.yaml is a folder',
      (dir: string) => {
        rmSync(join(dir, 'members.yaml'));
        mkdirSync(join(dir, 'members.yaml'));
      },
      'is a folder',
    ],
    [
      'a template is a folder',
      (dir: string) => mkdirSync(join(dir, 'templates/policy.md'), { recursive: true }),
      'is a folder',
    ],
    [
      'a template has broken front matter',
      (dir: string) => {
        mkdirSync(join(dir, 'templates'));
        writeFileSync(join(dir, 'templates/policy.md'), '---\nid: [unclosed\n---\n');
      },
      'templates/policy.md: line',
    ],
    [
      'a template has no front matter',
      (dir: string) => {
        mkdirSync(join(dir, 'templates'));
        writeFileSync(join(dir, 'templates/form.md'), '# Form\n\n## Purpose\n');
      },
      'templates/form.md: it must start with front matter',
    ],
  ])('%s: a clear error naming it, exit 2', async (_name, breakIt, fragment) => {
    const dir = await fresh();
    breakIt(dir);
    for (const args of [['validate'], ['new', 'policy', '--title', 'X', '--owner', 'hqa']]) {
      const r = await run(args, { cwd: dir });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(fragment);
      expect(r.stderr).not.toContain('internal error');
    }
  });

  it('refuses, not crashes, when every id of a type is used', async () => {
    const dir = await fresh();
    writeFileSync(join(dir, 'documents/CS-STR-9999-last.md'), '---\nid: CS-STR-9999\n---\n');
    const r = await run(['new', 'strategy', '--title', 'X', '--owner', 'hqa'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('CS-STR-9999 are used');
  });

  it('ppp init on a file, or over a dangling ppp.yaml link, refuses with exit 2', async () => {
    const base = tempDir();
    writeFileSync(join(base, 'afile'), 'x');
    expect(await run(['init', join(base, 'afile')])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is a file'),
    });
    expect((await run(['init', join(base, 'afile', 'sub')])).code).toBe(2);
    mkdirSync(join(base, 'd'));
    symlinkSync('nowhere', join(base, 'd', 'ppp.yaml'));
    expect(await run(['init', join(base, 'd')])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('already a register'),
    });
  });

  it('ppp init without git leaves nothing behind, so it can be run again', async () => {
    const bin = join(tempDir(), 'bin');
    mkdirSync(bin);
    symlinkSync(process.execPath, join(bin, 'node'));
    const dir = join(tempDir(), 'reg');
    // git is looked up on the PATH that run() gives the process while ppp runs.
    const r = await run(['init', dir], { env: { PATH: bin } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('git init failed');
    expect(r.stderr).not.toContain('    at ');
    expect(existsSync(dir)).toBe(false);
    expect((await run(['init', dir])).code).toBe(0);
  });

  it('never reuses the id of a document renamed or deleted in the history', async () => {
    const dir = await fresh();
    const g = (await run(['new', 'guideline', '--title', 'Old', '--owner', 'hqa'], { cwd: dir })).stdout.trim();
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'a guideline');
    const moved = join(dir, 'documents/guidelines/CS-GDL-0002-renamed.md');
    git(dir, 'mv', g, moved);
    writeFileSync(moved, readFileSync(moved, 'utf8').replace('CS-GDL-0001', 'CS-GDL-0002'));
    git(dir, 'commit', '-qam', 'renumbered');
    const next = await run(['new', 'guideline', '--title', 'New', '--owner', 'hqa'], { cwd: dir });
    expect(next.stdout).toContain('CS-GDL-0003-new.md');
  });
});
