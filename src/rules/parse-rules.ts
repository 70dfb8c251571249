/** Rules found while reading and parsing a file, before the other rules run. */
import type { ParseRule } from './types.js';

const parse = (id: string, description: string, severity: 'error' | 'warning' = 'error'): ParseRule => ({
  id,
  severity,
  description,
  scope: 'parse',
});

export const parseRules: ParseRule[] = [
  parse('file/unreadable', 'The file can be read'),
  parse('file/too-large', 'The file is at most 1 MiB'),
  parse('file/encoding', 'The file is UTF-8 text'),
  parse('file/outside-register', 'A symbolic link does not lead outside the register'),
  parse('frontmatter/missing', 'The file starts with front matter between --- lines'),
  parse(
    'frontmatter/engine',
    'Front matter is YAML; ---js, ---javascript, ---coffee and others are refused and never run',
  ),
  parse('frontmatter/unclosed', 'The front matter ends with a --- line'),
  parse('yaml/syntax', 'The front matter is valid YAML'),
  parse('yaml/duplicate-key', 'No field is written twice'),
  parse('yaml/alias', 'No YAML aliases (*name): values are written out in full'),
  parse('yaml/tag', 'No YAML tags (!!timestamp, !custom): values are plain'),
  parse('yaml/not-a-mapping', 'The front matter is a set of "name: value" fields'),
  parse('schema/required', 'Required fields are present'),
  parse('schema/type', 'Fields have the right type (text, list, date)'),
  parse('schema/enum', 'Fields such as type, status and route use a known value'),
  parse('schema/date', 'Dates are real calendar dates written YYYY-MM-DD'),
  parse('schema/duration', 'Periods are written like "3 years" or P3Y'),
  parse('schema/pattern', 'Ids, versions and member ids are written in their form'),
  parse('schema/unknown-field', 'No unknown fields (typos); own data goes under x- names'),
  parse('schema/invalid', 'Other schema constraints (empty text, repeated list entries)'),
  parse('members/invalid', 'members.yaml lists members with id, name and role'),
  parse('members/duplicate-id', 'Member ids are unique'),
  parse('members/unknown-role', "A member's role is one of the roles in ppp.yaml"),
  parse('members/email', "A member's e-mail address is one a mail server takes (ppp remind and notify send to it)"),
  parse(
    'members/control-character',
    "A member's name, title, organisation and e-mail are plain text on one line: no control characters",
  ),
  parse('attendance/invalid', "A meeting's attendance.yaml lists present, apologies ({ member, delegate }) and absent"),
  parse('attendance/unknown-member', 'Attendance names members of members.yaml'),
  parse('attendance/duplicate', 'Each member is recorded once per meeting'),
  parse('decisions/invalid', "A meeting's decisions.yaml lists decisions with id, decision, version and recorded_on"),
  parse('actions/invalid', 'actions.yaml lists actions with id (A-YYYY-MM-NN), text, owner, raised, due and done_on'),
  parse('actions/duplicate-id', 'Action ids are unique'),
  parse('actions/unknown-owner', "An action's owner is a member of members.yaml"),
  parse(
    'retirement/uncommitted',
    'An approved document is not deleted or set to a retired status without a retirement commit (ppp retire)',
    'warning',
  ),
];
