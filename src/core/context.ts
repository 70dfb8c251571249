/** Builds what document rules need from plain data, so the main thread and workers build the same thing. */
import type { Settings } from './config.js';
import { compileSchemas, type SchemaSources } from './schema.js';
import { parseTemplate, type Template } from './templates.js';
import type { RuleContext } from '../rules/types.js';

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

/** Returns the rule context; the schemas are compiled here, once. */
export function makeContext(input: ContextInput): RuleContext {
  const templates = new Map<string, Template>();
  for (const t of input.templates) templates.set(t.type, parseTemplate(t.type, t.text, t.source));
  return { settings: input.settings, schemas: compileSchemas(input.schemas), templates };
}
