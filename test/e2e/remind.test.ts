/**
 * ppp remind on the live example, through a real SMTP server in process (smtp-server, read back with mailparser):
 * one digest per person, each message once; a second run the same day sends nothing new; what the server refuses is
 * not recorded; --dry-run and --out send nothing; a record dated after today stops the run.
 */
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as runNow, type RunOptions } from '../helpers/run.js';
import { cleanup, makeRegister, tempDir } from '../helpers/register.js';

const now = () => Date.UTC(2026, 10, 25, 12);
const run = (args: string[], options: RunOptions = {}) => runNow(args, { now, ...options });

describe('ppp remind', () => {
  let server: SMTPServer;
  let port = 0;
  const received: { to: string[]; mail: ParsedMail }[] = [];
  let refuse = '';
  let dir = '';

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address === refuse)
          return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          void simpleParser(Buffer.concat(chunks)).then((mail) => {
            received.push({ to: session.envelope.rcptTo.map((a) => a.address), mail });
            callback();
          });
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
    dir = join(makeRegister(), 'example');
    expect((await run(['init', dir, '--example'])).code).toBe(0);
    appendFileSync(
      join(dir, 'ppp.yaml'),
      `\nmail:\n  host: localhost\n  port: ${port}\n  security: none\n` +
        '  from: { address: policies@example.org, name: PPP }\n  auth: { type: none }\n  escalate_to: hqa\n' +
        '  lists: { approvals: [partnership@example.org, newsletter@example.org] }\n',
    );
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    cleanup();
  });

  it('--dry-run says who would get what, and sends and records nothing', async () => {
    const r = await run(['remind', '--dry-run', '--json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const digests = JSON.parse(r.stdout) as { to: string; items: { kind: string; id: string }[] }[];
    expect(digests.length).toBeGreaterThan(2);
    expect(new Set(digests.map((d) => d.to)).size).toBe(digests.length);
    expect(digests.flatMap((d) => d.items.map((i) => i.kind))).toContain('escalation');
    expect(received).toHaveLength(0);
    expect(readdirSync(dir)).not.toContain('mail');
  });

  it('sends one digest per person, once; what the server refuses is not recorded and goes next time', async () => {
    const planned = JSON.parse((await run(['remind', '--dry-run', '--json'], { cwd: dir })).stdout) as {
      to: string;
      items: { kind: string; id: string }[];
    }[];
    refuse = planned[0]!.to;
    const r = await run(['remind'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`not sent to ${refuse}`);
    expect(received.map((m) => m.to[0]).sort()).toEqual(
      planned
        .slice(1)
        .map((d) => d.to)
        .sort(),
    );
    const first = received.find((m) => m.to[0] === planned[1]!.to)!;
    expect(first.mail.subject).toMatch(/^Practice, Policy and Procedures Group: \d+ reminders? for /);
    expect(first.mail.text).toContain(planned[1]!.items[0]!.id);
    expect(first.mail.html).toContain('<html lang="en"');
    const record = readFileSync(join(dir, 'mail', 'sent.yaml'), 'utf8');
    expect(record).not.toContain(refuse);
    // The same day again: only the refused digest goes, now that the server takes it.
    refuse = '';
    received.length = 0;
    const again = await run(['remind', '--json'], { cwd: dir });
    expect(again.code, again.stderr).toBe(0);
    expect(received.map((m) => m.to[0])).toEqual([planned[0]!.to]);
    received.length = 0;
    expect(JSON.parse((await run(['remind', '--json'], { cwd: dir })).stdout)).toEqual([]);
    expect(received).toHaveLength(0);
  });

  it('notify approvals: one notice to the list, each approval once, with links', async () => {
    received.length = 0;
    const dry = await run(['notify', 'approvals', '--since', '2026-09-01', '--dry-run', '--json'], { cwd: dir });
    expect(dry.code, dry.stderr).toBe(0);
    const [notice] = JSON.parse(dry.stdout) as { to: string[]; items: { id: string }[] }[];
    expect(notice!.to).toEqual(['partnership@example.org', 'newsletter@example.org']);
    expect(notice!.items.map((i) => i.id)).toContain('CS-PRO-0013');
    expect(received).toHaveLength(0);
    const r = await run(['notify', 'approvals', '--since', '2026-09-01', '--base-url', 'https://example.org/p'], {
      cwd: dir,
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(received).toHaveLength(1);
    expect(received[0]!.to.sort()).toEqual(['newsletter@example.org', 'partnership@example.org']);
    expect(received[0]!.mail.html).toContain('href="https://example.org/p/documents/CS-PRO-0013.html"');
    const again = await run(['notify', 'approvals', '--since', '2026-09-01'], { cwd: dir });
    expect(again.stdout).toContain('Nothing new to announce');
    expect(received).toHaveLength(1);
    expect((await run(['notify', 'approvals'], { cwd: dir })).code).toBe(2);
  });

  it('agenda --issue --send circulates the issued agenda once, with the meeting as a calendar file', async () => {
    received.length = 0;
    const r = await run(['agenda', '--issue', '--send'], { cwd: dir });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Sent to \d+ members; recorded in mail\/sent.yaml/);
    expect(received).toHaveLength(1);
    const mail = received[0]!.mail;
    expect(mail.subject).toMatch(/^Practice, Policy and Procedures Group: agenda of the meeting of \d{4}-\d{2}-\d{2}$/);
    const members = readFileSync(join(dir, 'members.yaml'), 'utf8').match(/email: \S+/g)!.length;
    expect(received[0]!.to).toHaveLength(members);
    const ics = mail.attachments.find((a) => a.filename?.endsWith('.ics'))!;
    expect(ics.content.toString()).toMatch(/BEGIN:VEVENT[\s\S]*UID:/);
    const again = await run(['agenda', '--issue', '--send'], { cwd: dir });
    expect(again.stdout).toContain('Not sent again: this agenda was circulated on');
    expect(received).toHaveLength(1);
    expect((await run(['agenda', '--send'], { cwd: dir })).code).toBe(2);
  });

  it('--out writes .eml files instead of sending; a record dated after today stops the run', async () => {
    const other = join(makeRegister(), 'example');
    expect((await run(['init', other, '--example'])).code).toBe(0);
    appendFileSync(
      join(other, 'ppp.yaml'),
      '\nmail:\n  host: smtp.example.org\n  from: policies@example.org\n  auth: { type: none }\n',
    );
    const outbox = tempDir();
    const r = await run(['remind', '--out', outbox], { cwd: other });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    expect(files.length).toBeGreaterThan(2);
    expect((await simpleParser(readFileSync(join(outbox, files[0]!)))).subject).toContain('reminder');
    // A day before the last meeting's submission deadline: the owners of drafts are told, with the meeting as a
    // calendar file under the UID of meetings.ics.
    const [last] = JSON.parse(
      (await run(['meetings', '--from', '2026-11-01', '--count', '1', '--json'], { cwd: other })).stdout,
    ) as { submission_deadline: string }[];
    const day = new Date(`${last!.submission_deadline}T12:00:00Z`);
    day.setUTCDate(day.getUTCDate() - (day.getUTCDay() === 1 ? 3 : 1));
    const early = tempDir();
    const r2 = await run(['remind', '--out', early, '--today', day.toISOString().slice(0, 10)], { cwd: other });
    expect(r2.code, r2.stdout + r2.stderr).toBe(0);
    const parsed = await Promise.all(readdirSync(early).map((f) => simpleParser(readFileSync(join(early, f)))));
    const withDeadline = parsed.filter((m) => m.text?.includes('must reach the chair by'));
    expect(withDeadline.length).toBeGreaterThan(0);
    for (const m of withDeadline)
      expect(m.attachments.find((a) => a.filename?.endsWith('.ics'))?.content.toString()).toContain('UID:');
    writeFileSync(join(other, 'mail', 'sent.yaml'), '- { key: k, to: a@b.org, sent_on: 2027-01-01 }\n');
    const future = await run(['remind', '--out', outbox], { cwd: other });
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('mail/sent.yaml:1: it says k was sent to a@b.org on 2027-01-01, after today');
  });
});
