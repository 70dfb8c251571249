/**
 * Virtual approval (route virtual): a file recording each voting member's response. The Kent
 * and Medway group signs off virtually only once every member has responded. Pure.
 *
 *   document: KM-PRO-0003
 *   responses:
 *     - { member: chair, on: 2027-02-03, response: approve }
 *     - { member: rep-police, on: 2027-02-04, response: abstain }
 */
import { isIsoDate, type IsoDate } from './calendar.js';
import type { Member } from './members.js';
import { readStrictYaml } from './strict-yaml.js';

export const RESPONSES = ['approve', 'abstain', 'object'] as const;

export interface ResponsesCheck {
  /** The date of the last response: the day sign-off was complete. */
  lastOn?: IsoDate;
  /** Every reason the responses do not amount to approval, each saying what to do. */
  refusals: string[];
}

/** Returns whether the responses in a file's text approve the document, and when the last one came. */
export function checkResponses(file: string, text: string, id: string, members: readonly Member[]): ResponsesCheck {
  const yaml = readStrictYaml(text);
  if (yaml.faults.length) {
    return {
      refusals: yaml.faults.map((f) =>
        f.kind === 'alias'
          ? `${file} uses YAML aliases (line ${f.line}); write each response out in full`
          : `${file} line ${f.line}: ${f.message}; fix it`,
      ),
    };
  }
  const data = yaml.data;
  const shape =
    'write it as document: ID and responses: a list of { member, on: YYYY-MM-DD, ' +
    'response: approve | abstain | object }';
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { refusals: [`${file} holds no responses; ${shape}`] };
  const record = data as Record<string, unknown>;
  const refusals: string[] = [];
  if (record.document !== id)
    refusals.push(
      `${file} records responses about ` +
        `${typeof record.document === 'string' ? record.document : 'no document'}, not ` +
        `${id}; set document: ${id}`,
    );
  if (!Array.isArray(record.responses))
    return { refusals: [...refusals, `${file} has no list of responses; ${shape}`] };
  const byId = new Map(members.map((m) => [m.id, m]));
  const answered = new Map<string, string>();
  let lastOn: IsoDate | undefined;
  for (const [i, r] of (record.responses as unknown[]).entries()) {
    const entry = (r ?? {}) as Record<string, unknown>;
    const where = `${file} response ${i + 1}`;
    if (typeof entry.member !== 'string' || !byId.has(entry.member)) {
      refusals.push(
        `${where}: ` +
          `${typeof entry.member === 'string' ? `${entry.member} is not in members.yaml` : 'names no member'}; ` +
          `use a member id`,
      );
      continue;
    }
    if (!isIsoDate(entry.on))
      refusals.push(`${where} (${entry.member}): on must be the date of the response, written YYYY-MM-DD`);
    else if (lastOn === undefined || entry.on > lastOn) lastOn = entry.on;
    if (!(RESPONSES as readonly unknown[]).includes(entry.response))
      refusals.push(`${where} (${entry.member}): response must be one of ${RESPONSES.join(', ')}`);
    if (answered.has(entry.member))
      refusals.push(`${where}: ${entry.member} has responded twice; keep their final response only`);
    answered.set(entry.member, String(entry.response));
  }
  const silent = members.filter((m) => m.voting && !answered.has(m.id)).map((m) => m.id);
  if (silent.length)
    refusals.push(`virtual approval needs a response from every voting member; none yet from ${silent.join(', ')}`);
  const objecting = [...answered].filter(([, v]) => v === 'object').map(([k]) => k);
  if (objecting.length)
    refusals.push(
      `${objecting.join(', ')} object${objecting.length === 1 ? 's' : ''}; take ${id} ` +
        `to a meeting instead (--route ppp) or record their withdrawn objection`,
    );
  return { lastOn, refusals };
}
