/** Builds what the document rules need from plain data, so the main thread and workers build the same thing. */
import type { SchemaSet, SchemaSources } from './schema.js';
import type { Settings } from './settings.js';
import { parseTemplate, type Template } from './templates.js';

/** What the document rules check a file against: the settings, the templates and the compiled schemas. */
export interface CheckContext {
  settings: Settings;
  schemas: SchemaSet;
  templates: ReadonlyMap<string, Template>;
}

export interface TemplateSource {
  type: string;
  text: string;
  /** 'built-in' or the register-relative path of an override. */
  source: string;
}

/** Plain, structured-clonable inputs of a rule context. */
export interface ContextInput {
  settings: Settings;
  templates: TemplateSource[];
  schemas: SchemaSources;
}

/**
 * Returns the rule context. The schemas are compiled on first use, once, by the compiler
 * given; without one (register rules only need settings) asking for them is a bug.
 */
export function makeContext(input: ContextInput, compile?: (sources: SchemaSources) => SchemaSet): CheckContext {
  const templates = new Map<string, Template>();
  for (const t of input.templates) templates.set(t.type, parseTemplate(t.type, t.text, t.source));
  let schemas: SchemaSet | undefined;
  return {
    settings: input.settings,
    templates,
    get schemas() {
      if (!compile) throw new Error('schemas were asked for without a schema compiler');
      return (schemas ??= compile(input.schemas));
    },
  };
}
