// Writes a valid register of N documents with links (policies govern procedures, procedures govern
// standards and forms) into a folder, for the benchmark. Each file is about 1.5 KB.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;

const SECTIONS = {
  policy: [
    'Introduction',
    'Statement',
    'Aims',
    'Objectives',
    'Scope',
    'Roles and responsibilities',
    'Main body',
    'Legislative background',
    'Consultation and engagement',
  ],
  procedure: ['Purpose', 'Scope', 'Procedure', 'Roles and responsibilities', 'Recording'],
  standard: ['Purpose', 'The standard', 'How it is measured', 'Recognition and follow-up'],
  form: ['Purpose', 'When to use it', 'Sections of the form', 'Recording system'],
};
const CODES = { policy: 'POL', procedure: 'PRO', standard: 'STD', form: 'FRM' };
const FOLDERS = { policy: 'policies', procedure: 'procedures', standard: 'standards', form: 'forms' };
const OWNERS = ['hqa', 'psw', 'hos-1', 'hos-2', 'qa-1', 'qa-2', 'lead-chad', 'lead-send'];

/** Writes the register and returns the number of documents. */
export function generate(dir, n = 10_000) {
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(ROOT, 'presets/dorset-ppp.yaml'), join(dir, 'ppp.yaml'));
  copyFileSync(join(ROOT, 'presets/dorset-ppp.members.yaml'), join(dir, 'members.yaml'));
  const policies = Math.max(1, Math.floor(n / 20));
  const procedures = Math.floor(n * 0.4);
  const standards = Math.floor(n * 0.25);
  const counts = {
    policy: policies,
    procedure: procedures,
    standard: standards,
    form: n - policies - procedures - standards,
  };
  const id = (type, i) => `CS-${CODES[type]}-${String(i).padStart(4, '0')}`;
  for (const [type, count] of Object.entries(counts)) {
    mkdirSync(join(dir, 'documents', FOLDERS[type]), { recursive: true });
    for (let i = 1; i <= count; i++) {
      const me = id(type, i);
      // Approved in 2023 to 2025, so never after the day the benchmark runs; reviews fall due 2026 to 2028.
      const year = 2023 + (i % 3);
      const month = String(1 + (i % 12)).padStart(2, '0');
      const approved = `${year}-${month}-10`;
      const due = `${year + 3}-${month}-10`;
      const governor =
        type === 'procedure'
          ? id('policy', 1 + (i % policies))
          : type === 'policy'
            ? null
            : id('procedure', 1 + (i % procedures));
      const lines = [
        `id: ${me}`,
        `title: ${type[0].toUpperCase()}${type.slice(1)} number ${i} for children's services practice`,
        `summary: Sets out what practitioners and managers do, and how well, in area ${i} of practice.`,
        `type: ${type}`,
        'status: approved',
        `version: "${1 + (i % 4)}.0"`,
        `owner: ${OWNERS[i % OWNERS.length]}`,
        type === 'policy' ? 'sponsor: hqa' : null,
        type === 'policy' ? 'scope: service' : null,
        `approval: { route: ${type === 'policy' ? 'cabinet' : 'ppp'}, approved_on: ` +
          `${approved}, approved_by: ${type === 'policy' ? 'Cabinet' : 'PPP Group'} }`,
        `review: { cycle: 3 years, due: ${due} }`,
        governor ? `governed_by: [${governor}]` : null,
        type === 'procedure' ? `read_with: [${id('policy', 1 + ((i + 1) % policies))}]` : null,
        'eqia: { status: completed, on: 2023-12-01 }',
        'consultation:',
        '  - { with: Safeguarding leads, on: 2023-11-01 }',
        'impact:',
        '  training: Briefing for team managers',
        '  communication: QA newsletter',
        'keywords: [practice, children, families]',
      ].filter(Boolean);
      // About 1.5 KB a file, as a real register's short documents are.
      const body = SECTIONS[type]
        .map(
          (s) =>
            `## ${s}\n\nA short paragraph on ${s.toLowerCase()} for this document: who does ` +
            `what, by when, how it is recorded and checked, and where to ask for advice.\n`,
        )
        .join('\n');
      writeFileSync(
        join(dir, 'documents', FOLDERS[type], `${me}-${type}-${i}.md`),
        `---\n${lines.join('\n')}\n---\n\n# Document ${me}\n\n${body}`,
      );
    }
  }
  return n;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const [dir, n] = process.argv.slice(2);
  if (!dir) throw new Error('usage: node bench/generate.mjs DIR [N]');
  console.log(`${generate(dir, Number(n ?? 10_000))} documents in ${dir}`);
}
