import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseApprovalTrailers } from './approval.js';
import { contentHash } from './content-hash.js';
import { EDITED_AFTER_APPROVAL, planExampleHistory, type SampleFile } from './example-history.js';

const base = join(import.meta.dirname, '../../register');
function files(dir: string): SampleFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name))
      : [{ path: relative(base, join(dir, e.name)), text: readFileSync(join(dir, e.name), 'utf8') }],
  );
}

describe('planExampleHistory', () => {
  const sample = files(base).filter((f) => f.path !== 'allowed_signers');
  const plan = planExampleHistory(sample, {
    path: 'allowed_signers',
    text: 'chair@example.org namespaces="git" ssh-ed25519 AAAA\n',
  });

  it('is in date order and starts with the settings, members and keys', () => {
    expect(plan.map((c) => c.date)).toEqual([...plan.map((c) => c.date)].sort());
    expect(plan[0]!.files.map((f) => f.path).sort()).toEqual(['allowed_signers', 'members.yaml', 'ppp.yaml']);
  });

  it(
    'approves each document in a commit of that file alone, committed before, whose ' + 'trailers hash what it writes',
    () => {
      const seen = new Set<string>();
      for (const c of plan) {
        if (c.approval) {
          expect(c.files).toHaveLength(1);
          expect(seen.has(c.files[0]!.path), c.message).toBe(true);
          const t = parseApprovalTrailers(c.message)!;
          // A retired document's retirement commit is signed too, and dated by its PPP-Retired-On.
          if (t['PPP-Retired-On'] !== undefined) expect(t['PPP-Retired-On']).toBe(c.date);
          else {
            expect(t['PPP-Content-SHA256']).toBe(contentHash(c.files[0]!.text));
            expect(t['PPP-Approved-On']).toBe(c.date);
          }
          expect(c.files.some((f) => f.path === 'allowed_signers')).toBe(false);
        }
        for (const f of c.files) seen.add(f.path);
      }
      expect(plan.filter((c) => c.approval).length).toBeGreaterThan(44);
    },
  );

  it('ends with every sample file as it is, except the one document edited after approval', () => {
    const last = new Map<string, string>();
    for (const c of plan) for (const f of c.files) last.set(f.path, f.text);
    for (const f of sample) {
      const edited = f.text.includes(EDITED_AFTER_APPROVAL.from) && f.path.includes(EDITED_AFTER_APPROVAL.id);
      expect(last.get(f.path), f.path).toBe(
        edited ? f.text.replace(EDITED_AFTER_APPROVAL.from, EDITED_AFTER_APPROVAL.to) : f.text,
      );
    }
  });
});
