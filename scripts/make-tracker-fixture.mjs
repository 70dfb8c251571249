// Writes test/fixtures/tracker.xlsx and test/fixtures/tracker.csv: a council's policy review tracker as a policy
// officer keeps it before ppp, for the tests of ppp import. Run by hand (node scripts/make-tracker-fixture.mjs) after
// changing the rows below; both files are committed.
//
// Like the trackers councils keep (the Kent and Medway group's Policy Review Tracker among them): a title merged across
// the columns above the header row; the council's own header names, not ppp's; refs in the register's pattern
// (CS-POL-0001) for most rows and two old refs that are not; owners and sponsors by name as members.yaml of the
// dorset-ppp preset gives them, and one by e-mail (two members share the name "Head of Locality"); UK dates typed as
// Excel dates in some rows and as DD/MM/YYYY text in others; versions typed as numbers (2 for 2.0) and as text; two
// blank rows in the middle; free-text notes with a comma, quotes and a line break; links as text and as hyperlinks.
// Procedures, standards and forms name their parent policy, and policies their sponsor and scope, as ppp validate asks
// of approved documents.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// exceljs's own zip library, to give every part of the workbook a fixed date.
const require = createRequire(import.meta.url);
const JSZip = createRequire(require.resolve('exceljs'))('jszip');
const MODIFIED = new Date(Date.UTC(2026, 10, 3));
const TITLE = "Children's Services Policy Review Tracker 2026";
const HEADERS = [
  'Ref',
  'Policy title',
  'Type',
  'Version',
  'Lead officer',
  'Sponsor',
  'Scope',
  'Parent policy',
  'Approved by',
  'Date approved',
  'Review frequency',
  'Next review due',
  'Status',
  'Purpose',
  'EqIA',
  'Implemented under',
  'Committee',
  'Link',
  'Notes',
];
const INTRANET = 'https://intranet.example.org/childrens-services/ppp';

// A date as the officer typed it: cell(…) became an Excel date, text(…) stayed text.
const cell = (d, m, y) => ({ date: [y, m, d] });
const text = (s) => ({ text: s });

// One entry per row; null is a blank row. Dates: [date approved, next review due].
const ROWS = [
  {
    ref: 'CS-POL-0001',
    title: "Children's services values and principles policy",
    type: 'Policy',
    version: 2,
    owner: 'Principal Social Worker (name to add)',
    sponsor: 'Head of QA and Partnerships (name to add)',
    scope: 'Service',
    approvedBy: 'Cabinet',
    dates: [cell(14, 1, 2025), cell(14, 1, 2028)],
    cycle: '3 years',
    status: 'Current',
    purpose:
      "The values and principles every children's services policy, procedure and piece of guidance is written to.",
    link: `${INTRANET}/values-and-principles-policy.pdf`,
  },
  {
    ref: 'CS-POL-0002',
    title: 'Supervision policy',
    type: 'Policy',
    version: 3.1,
    owner: 'Team Manager Workforce Development (name to add)',
    sponsor: 'Principal Social Worker (name to add)',
    scope: 'Service',
    approvedBy: 'Cabinet',
    dates: [text('09/07/2024'), text('09/07/2027')],
    cycle: 'Triennial',
    status: 'Current',
    purpose:
      'How often social workers and their managers are supervised, what supervision covers and how it is recorded.',
    link: `${INTRANET}/supervision-policy.pdf`,
    notes: 'Revised after the ILACS focused visit; supervision agreements to be re-signed by March.',
  },
  {
    ref: 'CS-PRO-0001',
    title: 'Missing children procedure',
    type: 'Procedure',
    version: '2.0',
    owner: 'Service Lead CHAD (name to add)',
    sponsor: 'Head of QA and Partnerships (name to add)',
    scope: 'Service',
    parent: 'CS-POL-0001',
    approvedBy: 'PPP Group',
    dates: [cell(12, 3, 2024), cell(12, 3, 2027)],
    cycle: '3 years',
    status: 'Current',
    purpose:
      'What practitioners do when a child goes missing from home, care or education, and how return home interviews ' +
      'are offered.',
    link: { hyperlink: `${INTRANET}/missing-children-procedure.pdf` },
    notes: 'Return home interviews now provided by "Checkpoint", commissioned to 2027, see the contract register',
  },
  {
    ref: 'CS-PRO-0002',
    eqia: 'Completed 02/09/2024',
    title: 'Supervision procedure',
    type: 'Procedure',
    version: '1.2',
    owner: 'hos1@example.org',
    scope: 'Service',
    parent: 'CS-POL-0002',
    approvedBy: 'PPP Group',
    dates: [text('10/09/2024'), text('10/09/2026')],
    cycle: '2 years',
    status: 'Under review',
    purpose: 'How supervision is arranged, recorded in Mosaic and audited.',
    notes: 'Review started October 2026.\nRevised draft to PPP in January.',
  },
  {
    ref: 'CS-STD-0001',
    eqia: 'Not required: practice standards under the recording policy',
    title: 'Case recording practice standards',
    type: 'Standard',
    version: '1.0',
    owner: 'Mosaic Lead (name to add)',
    scope: 'Service',
    parent: 'CS-POL-0001',
    approvedBy: 'PPP Group',
    dates: [cell(10, 6, 2025), cell(10, 6, 2027)],
    cycle: '2 years',
    status: 'Current',
    purpose: "Minimum standards for case recording: timeliness, the child's voice and management oversight.",
    link: `${INTRANET}/case-recording-standards.pdf`,
  },
  {
    ref: 'CSP/12',
    title: 'Allegations against staff and volunteers (LADO) procedure',
    type: 'Procedure',
    version: 4,
    owner: 'Head of QA and Partnerships (name to add)',
    scope: 'Partnership',
    parent: 'CS-POL-0001',
    approvedBy: 'PPP Group',
    dates: [text('12/9/2023'), text('12/9/2026')],
    cycle: '3 years',
    status: 'Current',
    purpose: 'How a concern that an adult working with children may have harmed a child is referred to the LADO.',
    notes: 'Old ref from the 2019 tracker; needs a new ref when it moves to the register.',
  },
  null,
  null,
  {
    ref: 'CS-FRM-0001',
    title: 'Return home interview record',
    type: 'Form',
    version: '2.0',
    owner: 'Service Lead CHAD (name to add)',
    scope: 'Service',
    parent: 'CS-POL-0001',
    approvedBy: 'PPP Group',
    dates: [cell(14, 4, 2026), cell(14, 4, 2027)],
    cycle: 'Annually',
    status: 'Current',
    purpose: 'Records the conversation offered to a child after each missing episode.',
    link: { hyperlink: `${INTRANET}/forms/return-home-interview-record.docx` },
  },
  {
    ref: 'CS-GDL-0001',
    eqia: 'Completed 05/02/2025',
    title: 'Working with interpreters: practice guidance',
    type: 'Guidance',
    version: '1.1',
    owner: 'Principal Social Worker (name to add)',
    scope: 'Service',
    approvedBy: 'PPP Group',
    dates: [text('13/05/2025'), text('13/05/2028')],
    cycle: '3 years',
    status: 'Current',
    purpose: 'When and how to use an interpreter, and why a family member should not interpret.',
    link: `${INTRANET}/guidance/interpreters.pdf`,
  },
  {
    ref: 'CS-POL-0003',
    title: 'Corporate parenting policy',
    type: 'Policy',
    version: '0.3',
    owner: 'Commissioning Manager (name to add)',
    sponsor: 'Head of QA and Partnerships (name to add)',
    scope: 'Partnership',
    cycle: '3 years',
    status: 'Draft',
    purpose: "The council's and its partners' commitments, as corporate parents, to children in care and care leavers.",
    notes: 'Consultation with the Children in Care Council in December.',
  },
  {
    ref: 'CS-PRT-0001',
    authority: 'Dorset Safeguarding Children Partnership',
    title: 'Resolving professional disagreements (escalation) protocol',
    type: 'Protocol',
    version: '2.0',
    owner: 'Head of QA and Partnerships (name to add)',
    scope: 'Partnership',
    approvedBy: 'Dorset Safeguarding Children Partnership',
    dates: [cell(8, 10, 2024), cell(8, 10, 2027)],
    cycle: '3 years',
    status: 'Current',
    purpose: "How a practitioner in any agency raises and resolves a disagreement about a child's safety.",
    link: `${INTRANET}/protocols/resolving-professional-disagreements.pdf`,
  },
  {
    ref: 'CS-TOR-0001',
    body: 'Practice, Policy and Procedures Group',
    title: 'Practice, Policy and Procedures Group terms of reference',
    type: 'Terms of Reference',
    version: '5.0',
    owner: 'Project and Policy Officer (name to add)',
    scope: 'Service',
    approvedBy: 'PPP Group',
    dates: [text('11/11/2025'), text('11/11/2026')],
    cycle: 'Annually',
    status: 'Current',
    purpose: 'Purpose, membership, quorum and ways of working of the PPP Group.',
  },
  {
    ref: 'SG/PR/07',
    title: 'EHCP annual reviews procedure',
    type: 'Procedure',
    version: 3,
    owner: 'Service Lead SEND (name to add)',
    scope: 'Service',
    parent: 'CS-POL-0001',
    approvedBy: "Director of Children's Services",
    dates: [cell(3, 2, 2025), cell(3, 2, 2028)],
    cycle: '3',
    status: 'Current',
    purpose:
      'How annual reviews of education, health and care plans are held, recorded and finished within the time limits.',
    notes: 'Approved by the Director between meetings; noted at PPP on 11/03/2025.',
  },
  {
    ref: 'CS-FRM-0002',
    eqia: 'Not required: a recording form',
    title: 'Supervision record',
    type: 'Form',
    version: '1.0',
    owner: 'Team Manager Workforce Development (name to add)',
    scope: 'Service',
    parent: 'CS-POL-0002',
    approvedBy: 'PPP Group',
    dates: [cell(10, 9, 2024), cell(10, 9, 2027)],
    cycle: 'Every 3 years',
    status: 'Current',
    purpose:
      'The template for recording individual supervision: wellbeing, reflection, development and case direction.',
  },
];

/** Returns a row's values in HEADERS order, as exceljs takes them (Date for a date cell, hyperlink objects). */
function xlsxValues(row) {
  const date = (d) =>
    d === undefined ? null : d.date ? new Date(Date.UTC(d.date[0], d.date[1] - 1, d.date[2])) : d.text;
  const link = row.link?.hyperlink ? { text: row.link.hyperlink, hyperlink: row.link.hyperlink } : row.link;
  return [
    row.ref,
    row.title,
    row.type,
    row.version,
    row.owner,
    row.sponsor,
    row.scope,
    row.parent,
    row.approvedBy,
    date(row.dates?.[0]),
    row.cycle,
    date(row.dates?.[1]),
    row.status,
    row.purpose,
    row.eqia,
    row.authority,
    row.body,
    link,
    row.notes,
  ].map((v) => v ?? null);
}

/** Returns a row as Excel's "CSV UTF-8" save writes it: dates DD/MM/YYYY, numbers as shown, links as URLs. */
function csvValues(row) {
  const pad = (n) => String(n).padStart(2, '0');
  const date = (d) => (d === undefined ? '' : d.date ? `${pad(d.date[2])}/${pad(d.date[1])}/${d.date[0]}` : d.text);
  return [
    row.ref,
    row.title,
    row.type,
    String(row.version),
    row.owner,
    row.sponsor,
    row.scope,
    row.parent,
    row.approvedBy,
    date(row.dates?.[0]),
    row.cycle,
    date(row.dates?.[1]),
    row.status,
    row.purpose,
    row.eqia,
    row.authority,
    row.body,
    row.link?.hyperlink ?? row.link,
    row.notes,
  ].map((v) => v ?? '');
}

async function writeXlsx(path) {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Policy Officer';
  workbook.lastModifiedBy = 'Policy Officer';
  workbook.created = new Date(Date.UTC(2026, 0, 6));
  workbook.modified = MODIFIED;
  const sheet = workbook.addWorksheet('Policy Tracker', {
    views: [{ state: 'frozen', ySplit: 2, topLeftCell: 'A3', activeCell: 'A3' }],
  });
  const widths = [13, 48, 18, 9, 40, 40, 12, 13, 36, 14, 17, 15, 13, 60, 30, 30, 30, 50, 50];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));

  sheet.addRow([TITLE]);
  const last = sheet.getColumn(HEADERS.length).letter;
  sheet.mergeCells(`A1:${last}1`);
  const title = sheet.getCell('A1');
  title.font = { bold: true, size: 14, color: { argb: 'FFFFFFFF' } };
  title.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } };
  title.alignment = { vertical: 'middle', horizontal: 'center' };
  sheet.getRow(1).height = 24;

  const header = sheet.addRow(HEADERS);
  header.height = 30;
  header.eachCell((c) => {
    c.font = { bold: true };
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFBDD7EE' } };
    c.alignment = { vertical: 'middle', wrapText: true };
  });

  const thin = { style: 'thin', color: { argb: 'FF808080' } };
  for (const row of ROWS) {
    const added = sheet.addRow(row ? xlsxValues(row) : []);
    // Every cell of the table is bordered, the blank rows too, as in a tracker laid out before it was filled in.
    for (let c = 1; c <= HEADERS.length; c++) {
      const target = added.getCell(c);
      target.border = { top: thin, left: thin, bottom: thin, right: thin };
      target.alignment = { vertical: 'top', wrapText: true };
      if (target.value instanceof Date) target.numFmt = 'dd/mm/yyyy';
      if (target.value && typeof target.value === 'object' && 'hyperlink' in target.value)
        target.font = { color: { argb: 'FF0563C1' }, underline: true };
    }
    if (row?.status === 'Under review')
      added.getCell(13).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };
  }
  sheet.autoFilter = `A2:${last}${ROWS.length + 2}`;
  writeFileSync(path, await withFixedDates(await workbook.xlsx.writeBuffer()));
}

/** Returns the workbook zipped again with every part dated MODIFIED: made again, the file is the same bytes. */
async function withFixedDates(buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const fixed = new JSZip();
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    fixed.file(name, await zip.files[name].async('uint8array'), { date: MODIFIED, createFolders: false });
  }
  return fixed.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

function writeCsv(path) {
  const field = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const line = (values) => values.map(field).join(',');
  const lines = [line([TITLE, ...HEADERS.slice(1).map(() => '')]), line(HEADERS)];
  let blank = false;
  for (const row of ROWS) {
    // One blank line where the workbook has two blank rows.
    if (row === null) {
      if (!blank) lines.push('');
      blank = true;
      continue;
    }
    lines.push(line(csvValues(row)));
  }
  writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`);
}

await writeXlsx(join(root, 'test/fixtures/tracker.xlsx'));
writeCsv(join(root, 'test/fixtures/tracker.csv'));
console.log('wrote test/fixtures/tracker.xlsx and test/fixtures/tracker.csv');
