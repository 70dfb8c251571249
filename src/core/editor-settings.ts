/**
 * The editor settings `ppp init` writes into a register for VS Code: yaml.schemas mapping ppp's JSON Schemas (copied
 * into .ppp/schema/) to the register's YAML files, the YAML extension recommended, and a task that runs ppp validate
 * with a problem matcher for its text output. An existing file is merged, never replaced: its other keys are kept, and
 * a file that is not plain JSON (VS Code allows comments in it) is refused rather than rewritten without them. Pure.
 */

/** Where the schemas are copied in the register, so that the settings never depend on where ppp is installed. */
export const EDITOR_SCHEMA_FOLDER = '.ppp/schema';

/** Each shipped schema (templates/schema/editor/) and the register files it describes, as yaml.schemas globs. */
export const EDITOR_SCHEMAS = [
  { file: 'ppp.schema.json', globs: ['ppp.yaml'] },
  { file: 'members.schema.json', globs: ['members.yaml'] },
  { file: 'actions.schema.json', globs: ['actions.yaml'] },
  { file: 'attendance.schema.json', globs: ['meetings/*/attendance.yaml'] },
] as const;

export const VSCODE_SETTINGS = '.vscode/settings.json';
export const VSCODE_EXTENSIONS = '.vscode/extensions.json';
export const VSCODE_TASKS = '.vscode/tasks.json';

/** The extension that reads yaml.schemas: Red Hat's YAML (yaml-language-server), which supports draft-07 fully. */
export const YAML_EXTENSION = 'redhat.vscode-yaml';

/** The label of ppp's task in tasks.json; a task of that label already there is the council's and is kept. */
export const VALIDATE_TASK_LABEL = 'ppp: validate';

/**
 * What merging gave: the new text (unchanged when there was nothing to add), or why the file was left alone and, where
 * it is short, what to add to it by hand.
 */
export type JsonMerge =
  { ok: true; text: string; changed: boolean } | { ok: false; reason: string; addByHand?: string };

/** Returns the yaml.schemas entries ppp writes: each schema's path in the register and its globs. */
export function yamlSchemas(): Record<string, string[]> {
  return Object.fromEntries(EDITOR_SCHEMAS.map((s) => [`${EDITOR_SCHEMA_FOLDER}/${s.file}`, [...s.globs]]));
}

/** Returns settings.json with ppp's yaml.schemas entries merged in (the others, and every other key, kept). */
export function mergeSettings(existing: string | undefined): JsonMerge {
  const addByHand = `"yaml.schemas": ${JSON.stringify(yamlSchemas())}`;
  return mergeJson(existing, addByHand, (settings) => {
    const current = settings['yaml.schemas'];
    if (current !== undefined && !isObject(current))
      return 'its "yaml.schemas" is not an object mapping schemas to files';
    settings['yaml.schemas'] = { ...(current ?? {}), ...yamlSchemas() };
    return undefined;
  });
}

/** Returns extensions.json recommending the YAML extension (other recommendations kept). */
export function mergeExtensions(existing: string | undefined): JsonMerge {
  return mergeJson(existing, `"recommendations": ["${YAML_EXTENSION}"]`, (settings) => {
    const current = settings.recommendations;
    if (current !== undefined && !Array.isArray(current)) return 'its "recommendations" is not a list';
    const list = (current ?? []) as unknown[];
    const has = list.some((r) => typeof r === 'string' && r.toLowerCase() === YAML_EXTENSION);
    settings.recommendations = has ? list : [...list, YAML_EXTENSION];
    return undefined;
  });
}

/** Returns tasks.json with ppp's validate task added, unless a task of its label is there already. */
export function mergeTasks(existing: string | undefined): JsonMerge {
  return mergeJson(existing, undefined, (settings) => {
    settings.version ??= '2.0.0';
    const current = settings.tasks;
    if (current !== undefined && !Array.isArray(current)) return 'its "tasks" is not a list';
    const tasks = (current ?? []) as unknown[];
    if (tasks.some((t) => isObject(t) && t.label === VALIDATE_TASK_LABEL)) return undefined;
    // Another default build task would make VS Code ask which one to run: ppp's is then an ordinary build task.
    const hasDefault = tasks.some((t) => isObject(t) && isObject(t.group) && t.group.isDefault === true);
    settings.tasks = [...tasks, validateTask(!hasDefault)];
    return undefined;
  });
}

/**
 * Returns the task that runs ppp validate with a problem matcher for its text output: a line naming the file
 * (relative to the register), then one line per problem, "  LINE:COLUMN  error|warning  MESSAGE  RULE".
 */
export function validateTask(isDefault = true): Record<string, unknown> {
  return {
    label: VALIDATE_TASK_LABEL,
    detail:
      "ppp validate on this register: every document's front matter and sections, and members.yaml, " +
      'actions.yaml, meetings/ and ppp.yaml. Needs ppp on the PATH (npm link in the folder of ppp).',
    type: 'shell',
    command: 'ppp',
    args: ['validate'],
    // Colour codes would hide the lines from the matcher, whatever the terminal says.
    options: { env: { FORCE_COLOR: '0', NO_COLOR: '1' } },
    group: isDefault ? { kind: 'build', isDefault: true } : 'build',
    presentation: { reveal: 'silent', clear: true },
    problemMatcher: PROBLEM_MATCHER,
  };
}

/** Matches `ppp validate` text output (src/report/problems.ts formatText), as test/editor-schemas.test.ts proves. */
export const PROBLEM_MATCHER = {
  owner: 'ppp',
  source: 'ppp',
  fileLocation: ['relative', '${workspaceFolder}'],
  pattern: [
    { regexp: '^(\\S.*)$', file: 1 },
    {
      regexp: '^\\s+(\\d+):(\\d+)\\s+(error|warning)\\s+(.*?)\\s{2,}(\\S+)$',
      line: 1,
      column: 2,
      severity: 3,
      message: 4,
      code: 5,
      loop: true,
    },
  ],
};

/**
 * Returns the JSON text with a change applied, laid out as it was (its indent and final newline), or why it cannot
 * be: it is not plain JSON, not an object, or the change refuses it.
 */
function mergeJson(
  existing: string | undefined,
  addByHand: string | undefined,
  change: (o: Record<string, unknown>) => string | undefined,
): JsonMerge {
  let data: unknown = {};
  if (existing !== undefined) {
    const text = existing.replace(/^\uFEFF/, '');
    try {
      // An empty file is an empty object to VS Code too.
      data = text.trim() === '' ? {} : JSON.parse(text);
    } catch (error) {
      return {
        ok: false,
        reason:
          `it is not plain JSON (${jsonFault(text, (error as Error).message)}); VS Code allows comments and ` +
          'trailing commas in it, which ppp would lose by rewriting it',
        addByHand,
      };
    }
    if (!isObject(data)) return { ok: false, reason: 'it is not a JSON object ({ … })', addByHand };
  }
  const before = JSON.stringify(data);
  const copy = structuredClone(data) as Record<string, unknown>;
  const refused = change(copy);
  if (refused) return { ok: false, reason: refused, addByHand };
  if (existing !== undefined && JSON.stringify(copy) === before) return { ok: true, text: existing, changed: false };
  const text = JSON.stringify(copy, null, existing === undefined ? 2 : indentOf(existing));
  const newline = existing === undefined || existing.endsWith('\n') ? '\n' : '';
  return { ok: true, text: text + newline, changed: true };
}

/** Returns JSON.parse's complaint with the line and column of its position (Node 20 gives only the offset). */
function jsonFault(text: string, message: string): string {
  const at = /at position (\d+)/.exec(message);
  const what = message
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/^Unexpected end of JSON input$/, 'it ends early');
  if (!at) return what;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  return `line ${line}, column ${before.length - before.lastIndexOf('\n')}: ${what}`;
}

/** Returns the indent of a JSON text's first indented line: a tab (VS Code's own), or a number of spaces. */
function indentOf(text: string): string | number {
  const m = /\n([ \t]+)\S/.exec(text);
  if (!m) return 2;
  return m[1]!.startsWith('\t') ? '\t' : m[1]!.length;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
