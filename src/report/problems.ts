/** Formatters of validation results: (result) => string. */
import type { ChalkInstance } from 'chalk';
import type { ValidationSummary as ValidateResult } from '../core/problem.js';
import { printable } from './printable.js';

/** Returns the result as JSON (SPEC section 11). */
export function formatJson(result: ValidateResult): string {
  const { ok, documents, errors, warnings, problems } = result;
  return JSON.stringify({ ok, documents, errors, warnings, problems }, null, 2) + '\n';
}

/** Returns problems grouped by file, like a linter, with a summary line. */
export function formatText(result: ValidateResult, c: ChalkInstance, options: { strict?: boolean } = {}): string {
  const lines: string[] = [];
  let current = '';
  const widthLoc = Math.max(0, ...result.problems.map((p) => `${p.line}:${p.column}`.length));
  for (const p of result.problems) {
    if (p.file !== current) {
      if (current) lines.push('');
      lines.push(c.underline(printable(p.file)));
      current = p.file;
    }
    const loc = `${p.line}:${p.column}`.padEnd(widthLoc);
    const sev = p.severity === 'error' ? c.red('error  ') : c.yellow('warning');
    lines.push(`  ${c.dim(loc)}  ${sev}  ${printable(p.message)}  ${c.dim(p.rule)}`);
  }
  if (result.problems.length) lines.push('');
  const docs = `${result.documents} document${result.documents === 1 ? '' : 's'}`;
  if (result.problems.length === 0) {
    lines.push(c.green(`✔ ${docs} checked, no problems`));
  } else {
    const n = result.problems.length;
    const summary =
      `${n} problem${n === 1 ? '' : 's'} (${result.errors} ` +
      `error${result.errors === 1 ? '' : 's'}, ${result.warnings} ` +
      `warning${result.warnings === 1 ? '' : 's'}) in ${docs}`;
    const failing = result.errors > 0 || (options.strict && result.warnings > 0);
    lines.push(failing ? c.red.bold(`✖ ${summary}`) : c.yellow(`⚠ ${summary}`));
  }
  return lines.join('\n') + '\n';
}

/** Returns GitHub Actions workflow annotations, one per problem, paths relative to the job's folder. */
export function formatGithub(result: ValidateResult, pathOf: (file: string) => string): string {
  const out = result.problems.map((p) => {
    const where = `file=${escapeProperty(printable(pathOf(p.file)))},line=${p.line},col=${p.column}`;
    return `::${p.severity} ${where},title=${escapeProperty(p.rule)}::${escapeData(printable(p.message))}`;
  });
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  out.push(
    `${count(result.documents, 'document')}: ${count(result.errors, 'error')}, ${count(result.warnings, 'warning')}`,
  );
  return out.join('\n') + '\n';
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
