/** Hostile input, each case on real files through the real command: reported, never crashed on, never run. */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanup, doc, fullBody, makeRegister, tempDir, validSet } from './helpers/register.js';
import { run } from './helpers/run.js';

afterAll(cleanup);

async function validateJson(root: string, args: string[] = []) {
  const r = await run(['validate', '--format', 'json', '--no-cache', ...args], { cwd: root });
  return {
    code: r.code,
    result: JSON.parse(r.stdout) as {
      ok: boolean;
      documents: number;
      errors: number;
      problems: { file: string; rule: string; line: number; column: number; message: string }[];
    },
    err: r.stderr,
  };
}

const G = 'documents/guidelines/CS-GDL-0001-x.md';
const guideline = (fm = '') =>
  doc(
    `id: CS-GDL-0001\ntitle: Guide\ntype: guideline\nstatus: drafting\nversion: "0.1"\nowner: qa-1\n${fm}`,
    fullBody('guideline'),
  );

describe('hostile front matter', () => {
  it.each(['js', 'javascript', 'coffee'])('---%s is an error and is never executed', async (engine) => {
    const marker = join(tempDir(), 'ran');
    const payload =
      `---${engine}\nrequire('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); ` +
      `module.exports = { id: 'CS-GDL-0001' }\n---\n`;
    const root = makeRegister({ ...validSet(), [G]: payload });
    const { code, result } = await validateJson(root);
    expect(code).toBe(1);
    expect(result.problems.find((p) => p.file === G)).toMatchObject({ rule: 'frontmatter/engine', line: 1 });
    const { existsSync } = await import('node:fs');
    expect(existsSync(marker)).toBe(false);
  });

  it('a YAML syntax error carries its line, and the other files are still checked', async () => {
    const root = makeRegister({
      ...validSet(),
      [G]: guideline('keywords: [a, b\n'),
      'documents/forms/CS-FRM-0002-y.md': '---\nid: CS-FRM-0002\n---\n',
    });
    const { result } = await validateJson(root);
    const syntax = result.problems.find((p) => p.file === G)!;
    expect(syntax.rule).toBe('yaml/syntax');
    expect(syntax.line).toBeGreaterThan(1);
    expect(
      result.problems.some((p) => p.file === 'documents/forms/CS-FRM-0002-y.md' && p.rule === 'schema/required'),
    ).toBe(true);
    expect(result.documents).toBe(5);
  });

  it('an alias bomb is refused quickly at its line', async () => {
    const lines = ['x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 12; i++)
      lines.push(
        `x-${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill('*' + String.fromCharCode(96 + i))
          .join(', ')}]`,
      );
    const root = makeRegister({ ...validSet(), [G]: guideline(lines.join('\n') + '\n') });
    const start = performance.now();
    const { result } = await validateJson(root);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(result.problems.find((p) => p.file === G)).toMatchObject({ rule: 'yaml/alias', line: 9 });
  });

  it('2023-02-30 is an error; dates never become Dates or shift a day', async () => {
    const root = makeRegister({
      ...validSet(),
      [G]: guideline('consultation: [{ with: Police, on: 2023-02-30 }, { with: Health, on: 2023-03-26 }]\n'),
    });
    const { result } = await validateJson(root);
    const p = result.problems.filter((x) => x.file === G);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ rule: 'schema/date', line: 8 });
    expect(p[0]!.message).toContain('February 2023 has 28 days');
    // run() gives TZ to the process too, so the zone really is fourteen hours ahead of UTC.
    const r = await run(['register', '--format', 'json'], { cwd: root, env: { TZ: 'Pacific/Kiritimati' } });
    const rows = JSON.parse(r.stdout) as { id: string; approved_on: string }[];
    expect(rows.find((r) => r.id === 'CS-POL-0001')!.approved_on).toBe('2025-01-14');
  });

  it('a %YAML 1.1 directive does not bring back Dates or yes = true', async () => {
    // Inside the fence a directive cannot take effect: it is a syntax error at its line.
    const inside = guideline().replace('---\n', '---\n%YAML 1.1\n');
    // Before the fence, the file has no front matter at all.
    const before = '%YAML 1.1\n' + guideline();
    const root = makeRegister({ ...validSet(), [G]: inside, 'documents/guidelines/CS-GDL-0002-y.md': before });
    const { result } = await validateJson(root);
    expect(result.problems.find((p) => p.file === G)?.rule).toBe('yaml/syntax');
    expect(result.problems.find((p) => p.file === 'documents/guidelines/CS-GDL-0002-y.md')?.rule).toBe(
      'frontmatter/missing',
    );
    // Plain values that YAML 1.1 would turn into true and a Date stay text.
    const root2 = makeRegister({ ...validSet(), [G]: guideline('keywords: [yes, 2027-01-05, on]\n') });
    expect((await validateJson(root2)).result.problems).toEqual([]);
  });

  it('duplicate keys are reported', async () => {
    const root = makeRegister({ ...validSet(), [G]: guideline('owner: qa-2\n') });
    const { result } = await validateJson(root);
    expect(result.problems.find((p) => p.file === G)).toMatchObject({ rule: 'yaml/duplicate-key', line: 8, column: 1 });
  });

  it('__proto__ and constructor keys do no harm', async () => {
    const root = makeRegister({
      ...validSet(),
      [G]: guideline(
        '__proto__: { polluted: true, status: approved }\nconstructor: { prototype: { polluted: true } }\n',
      ),
    });
    const { result } = await validateJson(root);
    const rules = result.problems.filter((p) => p.file === G).map((p) => p.rule);
    expect(rules).toEqual(['schema/unknown-field', 'schema/unknown-field']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('BOM and CRLF files are valid', async () => {
    const crlf = '\uFEFF' + guideline().replace(/\n/g, '\r\n');
    const root = makeRegister({ ...validSet(), [G]: crlf });
    const { code, result } = await validateJson(root);
    expect(result.problems).toEqual([]);
    expect(code).toBe(0);
  });

  it('a file that is not UTF-8 is reported', async () => {
    const latin1 = Buffer.from(guideline('x-note: "Caf\u00e9"\n'), 'latin1');
    const root = makeRegister({ ...validSet(), [G]: latin1 });
    const { result } = await validateJson(root);
    expect(result.problems.find((p) => p.file === G)).toMatchObject({ rule: 'file/encoding', line: 1 });
  });

  it('a file with no front matter is reported', async () => {
    const root = makeRegister({ ...validSet(), [G]: '# Notes from the meeting\n\nNo fields here.\n' });
    const { result } = await validateJson(root);
    expect(result.problems.find((p) => p.file === G)).toMatchObject({ rule: 'frontmatter/missing' });
  });

  it('a file over 1 MiB is reported without being parsed', async () => {
    const huge = guideline() + 'x'.repeat(1024 * 1024 + 10);
    const root = makeRegister({ ...validSet(), [G]: huge });
    const { result } = await validateJson(root);
    const p = result.problems.find((x) => x.file === G)!;
    expect(p.rule).toBe('file/too-large');
    expect(p.message).toContain('1.0 MiB');
  });

  it('a symlink that leaves the register is reported and not read', async () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.md'), guideline());
    const root = makeRegister(validSet());
    mkdirSync(join(root, 'documents/guidelines'), { recursive: true });
    symlinkSync(join(outside, 'secret.md'), join(root, 'documents/guidelines/CS-GDL-0001-link.md'));
    symlinkSync('/nonexistent/file.md', join(root, 'documents/guidelines/CS-GDL-0002-dangling.md'));
    symlinkSync(outside, join(root, 'documents/outside-dir'));
    const { result } = await validateJson(root);
    const links = result.problems.filter((p) => p.rule === 'file/outside-register').map((p) => p.file);
    expect(links).toEqual(['documents/guidelines/CS-GDL-0001-link.md', 'documents/guidelines/CS-GDL-0002-dangling.md']);
  });

  it('odd file names (spaces, unicode, quotes) are checked like any other', async () => {
    const root = makeRegister({ ...validSet(), "documents/guidelines/CS-GDL-0001-café 'notes' (v2).md": guideline() });
    const { result, code } = await validateJson(root);
    expect(result.problems).toEqual([]);
    expect(code).toBe(0);
  });

  it('wrong types in every common field are reported, not crashed on', async () => {
    const text = doc(
      'id: 12\ntitle: [a]\ntype: { x: 1 }\nstatus: true\nversion: 1\nowner: ' +
        'null\ngoverned_by: CS-POL-0001\nreview: 3 years\n',
      '',
    );
    const root = makeRegister({ ...validSet(), 'documents/x.md': text });
    const { result, code } = await validateJson(root);
    expect(code).toBe(1);
    // One problem per field, each at its value: id, title, type, status, version, owner, governed_by, review.
    expect(result.problems.filter((p) => p.file === 'documents/x.md').map((p) => [p.rule, p.line, p.column])).toEqual([
      ['schema/type', 2, 5],
      ['schema/type', 3, 8],
      ['schema/enum', 4, 7],
      ['schema/enum', 5, 9],
      ['schema/type', 6, 10],
      ['schema/type', 7, 8],
      ['schema/type', 8, 14],
      ['schema/type', 9, 9],
    ]);
  });
});

describe('hostile folders', () => {
  it('folders that link to each other are walked once each, quickly', async () => {
    const root = makeRegister(validSet());
    const docs = join(root, 'documents');
    const n = 7;
    for (let i = 1; i <= n; i++) {
      mkdirSync(join(docs, `d${i}`));
      writeFileSync(
        join(docs, `d${i}`, `CS-GDL-000${i}-x.md`),
        doc(
          `id: CS-GDL-000${i}\ntitle: G\ntype: guideline\nstatus: drafting\nversion: "0.1"\nowner: qa-1\n`,
          fullBody('guideline'),
        ),
      );
    }
    for (let i = 1; i <= n; i++)
      for (let j = 1; j <= n; j++) if (i !== j) symlinkSync(`../d${j}`, join(docs, `d${i}`, `l${j}`));
    symlinkSync('.', join(docs, 'self'));
    const start = performance.now();
    const { result, code } = await validateJson(root);
    expect(performance.now() - start).toBeLessThan(10_000);
    expect(result.documents).toBe(3 + n);
    expect(result.problems).toEqual([]);
    expect(code).toBe(0);
  });

  it('a link to a document already in the register does not list it twice', async () => {
    const root = makeRegister(validSet());
    symlinkSync('CS-FRM-0001-return.md', join(root, 'documents/forms/CS-FRM-0001-alias.md'));
    const { result } = await validateJson(root);
    expect(result).toMatchObject({ documents: 3, errors: 0 });
  });

  it('a folder named like a document is walked, not read', async () => {
    const root = makeRegister(validSet());
    mkdirSync(join(root, 'documents/odd.md'));
    writeFileSync(join(root, 'documents/odd.md/CS-GDL-0001-x.md'), guideline());
    const { result } = await validateJson(root);
    expect(result).toMatchObject({ documents: 4, errors: 0 });
  });
});

describe('hostile values', () => {
  it('escape sequences in values never reach the terminal raw', async () => {
    const root = makeRegister({
      ...validSet(),
      [G]: guideline()
        .replace('title: Guide', 'title: "Guide\\e[2J\\e]0;owned\\a"')
        .replace('id: CS-GDL-0001', 'id: "CS-GDL-0001\\e[2J"'),
    });
    const r = await run(['validate', '--no-cache'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).toContain('\\u001b[2J');
    const table = await run(['register'], { cwd: root });
    expect(table.stdout).not.toContain('\u001b');
  });

  it('thousands of nested brackets give one plain message', async () => {
    const deep = `x-deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const root = makeRegister({ ...validSet(), [G]: guideline(deep) });
    const { result } = await validateJson(root);
    const mine = result.problems.filter((p) => p.file === G);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.message).toContain('nested too deeply');
  });

  it('every hostile file gives the same result through the cache', async () => {
    const files = {
      ...validSet(),
      [G]: guideline('keywords: [a, b\n'),
      'documents/x.md': '---js\n1\n---\n',
      'documents/y.md': Buffer.from('---\nid: caf\xe9\n---\n', 'latin1'),
    };
    const root = makeRegister(files);
    const validate = async () => (await run(['validate', '--format', 'json'], { cwd: root })).stdout;
    const cold = await validate();
    expect(await validate()).toBe(cold);
    expect(JSON.parse(cold).errors).toBeGreaterThanOrEqual(3);
  });
});
