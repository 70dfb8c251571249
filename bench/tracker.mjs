// Writes a tracker of N rows as a council keeps one (UK dates, its own headers and refs), for the import benchmark:
// one policy in twenty, the rest procedures governed by one of them, each approved with its assessment recorded.
import { writeFileSync } from 'node:fs';

/** Writes the CSV tracker to path and returns the number of rows. */
export function writeTracker(path, n = 10_000) {
  const policies = Math.max(1, Math.floor(n / 20));
  const rows = [
    'Ref,Policy title,Type,Lead officer,Sponsor,Scope,Parent policy,Approved by,Date approved,Review frequency,' +
      'Next review due,Status,Purpose,EqIA,Notes',
  ];
  for (let i = 1; i <= n; i++) {
    const policy = i <= policies;
    const month = String(1 + (i % 12)).padStart(2, '0');
    rows.push(
      [
        `OLD/${i}`,
        `${policy ? 'Policy' : 'Procedure'} number ${i}`,
        policy ? 'Policy' : 'Procedure',
        policy ? 'hqa' : 'psw',
        policy ? 'hqa' : '',
        policy ? 'Service' : '',
        policy ? '' : `OLD/${1 + (i % policies)}`,
        policy ? 'Cabinet' : 'PPP Group',
        `10/${month}/2024`,
        '3 years',
        `10/${month}/2027`,
        'Current',
        `What document ${i} is for.`,
        'Completed 01/01/2024',
        `Row ${i} of the tracker`,
      ].join(','),
    );
  }
  writeFileSync(path, rows.join('\r\n') + '\r\n');
  return n;
}
