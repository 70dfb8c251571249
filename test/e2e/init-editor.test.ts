/**
 * The editor settings of ppp init and ppp init --editor, as a user runs them in real temporary git repositories: a
 * council's own settings are merged, never written over, and a file ppp cannot merge is refused untouched.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, cleanup, tempDir } from '../helpers/register.js';
import { run } from '../helpers/run.js';

afterAll(cleanup);

type Yaml = Record<string, unknown>;

/** Returns a new register made by ppp init with the flags, in a new folder; checks it succeeded. */
async function newRegister(...flags: string[]): Promise<{ dir: string; stdout: string }> {
  const dir = join(tempDir(), 'reg');
  const r = await run(['init', dir, ...flags]);
  expect(r.code, r.stderr).toBe(0);
  return { dir, stdout: r.stdout };
}

describe('editor settings', () => {
  it('ppp init DIR writes them: schemas copied into .ppp/schema/, mapped in .vscode/settings.json', async () => {
    const { dir, stdout } = await newRegister();
    const settings = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8')) as Yaml;
    const schemas = settings['yaml.schemas'] as Record<string, string[]>;
    expect(Object.values(schemas).flat().sort()).toEqual([
      'actions.yaml',
      'meetings/*/attendance.yaml',
      'members.yaml',
      'ppp.yaml',
    ]);
    for (const path of Object.keys(schemas)) {
      expect(path.startsWith('.ppp/schema/')).toBe(true);
      const shipped = join(ROOT, 'templates/schema/editor', path.slice('.ppp/schema/'.length));
      expect(readFileSync(join(dir, path), 'utf8')).toBe(readFileSync(shipped, 'utf8'));
      expect(stdout).toContain(`  ${path}\n`);
    }
    expect(JSON.parse(readFileSync(join(dir, '.vscode/extensions.json'), 'utf8'))).toEqual({
      recommendations: ['redhat.vscode-yaml'],
    });
    expect(readFileSync(join(dir, '.vscode/tasks.json'), 'utf8')).toContain('"label": "ppp: validate"');
    // A register made this way still validates cleanly.
    expect((await run(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('ppp init --editor merges settings.json, keeping every other key', async () => {
    const { dir } = await newRegister();
    const mine = { 'editor.wordWrap': 'on', 'yaml.schemas': { 'https://example.org/s.json': 'other.yaml' } };
    writeFileSync(join(dir, '.vscode/settings.json'), JSON.stringify(mine, null, 4) + '\n');
    const r = await run(['init', '--editor'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^updated {4}\.vscode\/settings\.json$/m);
    expect(r.stdout).toMatch(/^unchanged {2}\.vscode\/extensions\.json$/m);
    const merged = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8')) as Record<string, Yaml>;
    expect(merged['editor.wordWrap']).toBe('on');
    expect(merged['yaml.schemas']!['https://example.org/s.json']).toBe('other.yaml');
    expect(merged['yaml.schemas']!['.ppp/schema/ppp.schema.json']).toEqual(['ppp.yaml']);
  });

  it('refuses (exit 2) a settings.json that is not plain JSON, leaving it and everything else untouched', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ppp.yaml'), 'group: PPP\nid_prefix: CS\n');
    mkdirSync(join(dir, '.vscode'));
    const mine = '{\n  // our settings\n  "editor.wordWrap": "on",\n}\n';
    writeFileSync(join(dir, '.vscode/settings.json'), mine);
    const r = await run(['init', '--editor'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('settings.json cannot be merged: it is not plain JSON (line 2, column 3');
    expect(r.stderr).toContain('add this to it yourself: "yaml.schemas": {');
    expect(readFileSync(join(dir, '.vscode/settings.json'), 'utf8')).toBe(mine);
    expect(existsSync(join(dir, '.ppp'))).toBe(false);
    expect(existsSync(join(dir, '.vscode/extensions.json'))).toBe(false);
  });

  it('ppp init DIR over a folder with such a settings.json refuses before making anything', async () => {
    const dir = join(tempDir(), 'reg');
    mkdirSync(join(dir, '.vscode'), { recursive: true });
    writeFileSync(join(dir, '.vscode/settings.json'), '{ /* ours */ }');
    const r = await run(['init', dir, '--ci', 'github']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot be merged');
    for (const f of ['ppp.yaml', '.git', '.github', '.ppp']) expect(existsSync(join(dir, f)), f).toBe(false);
  });
});
