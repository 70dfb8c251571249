/** Formatters of validation results: (result) => string. */
import type { ChalkInstance } from 'chalk';
import type { ValidationSummary as ValidateResult } from '../core/problem.js';
import { count } from './count.js';
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
  const docs = count(result.documents, 'document');
  if (result.problems.length === 0) {
    lines.push(c.green(`✔ ${docs} checked, no problems`));
  } else {
    const summary =
      `${count(result.problems.length, 'problem')} (${count(result.errors, 'error')}, ` +
      `${count(result.warnings, 'warning')}) in ${filesWithProblems(result)}; ${docs} checked`;
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
  const where = result.problems.length ? ` in ${filesWithProblems(result)}` : '';
  out.push(
    `${count(result.documents, 'document')} checked: ${count(result.errors, 'error')}, ` +
      `${count(result.warnings, 'warning')}${where}`,
  );
  return out.join('\n') + '\n';
}

/**
 * Returns the files with problems in words: "1 document", "members.yaml", "3 files (2 documents, members.yaml)". The
 * register's own files (members.yaml, actions.yaml, ppp.yaml, meetings/…) are named, never counted as documents.
 */
export function filesWithProblems(result: ValidateResult): string {
  const files = [...new Set(result.problems.map((p) => p.file))];
  const documents = files.filter((f) => f.startsWith('documents/')).length;
  const others = files.filter((f) => !f.startsWith('documents/')).map(printable);
  const named = others.length > 3 ? [...others.slice(0, 2), count(others.length - 2, 'other register file')] : others;
  if (others.length === 0) return count(documents, 'document');
  if (documents === 0 && others.length === 1) return others[0]!;
  const parts = [...(documents ? [count(documents, 'document')] : []), ...named];
  return `${count(files.length, 'file')} (${parts.join(', ')})`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
