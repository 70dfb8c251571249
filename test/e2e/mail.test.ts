/**
 * io/mail against a real SMTP server in process (smtp-server on 127.0.0.1, STARTTLS with a throwaway self-signed
 * certificate, AUTH PLAIN/LOGIN and XOAUTH2); every message is read back with mailparser.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MailError } from '../../src/core/errors.js';
import { parseMailSettings, type MailSettings } from '../../src/core/mail-settings.js';
import { emlFileName, sendMessages, type MailMessage } from '../../src/io/mail.js';
import { cleanup, tempDir } from '../helpers/register.js';

const USER = 'policy@example.org';
const PASSWORD = 'correct horse battery staple';
const TOKEN = 'ya29.test-access-token';
const REFUSED = 'refused@example.org';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
if (!hasOpenssl) console.warn('test/e2e/mail.test.ts: openssl is not installed, so the SMTP tests are skipped');

interface Received {
  rcptTo: string[];
  method: string | undefined;
  parsed: ParsedMail;
}

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//ppp//test//EN',
  'BEGIN:VEVENT',
  'UID:meeting-2027-01-05@ppp',
  'DTSTAMP:20270101T000000Z',
  'DTSTART;VALUE=DATE:20270105',
  'SUMMARY:Policy group meeting',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

function message(id: string, to: string[], extra: Partial<MailMessage> = {}): MailMessage {
  return {
    id,
    to,
    subject: `Subject of ${id}`,
    text: `Text of ${id}\n`,
    html: `<!DOCTYPE html><html lang="en"><body><h1>HTML of ${id}</h1></body></html>`,
    ...extra,
  };
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  return (Array.isArray(field) ? field : field ? [field] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
}

describe.skipIf(!hasOpenssl)('sending mail through a real SMTP server', () => {
  let server: SMTPServer;
  let port: number;
  let tlsFiles: { key: Buffer; cert: Buffer };
  let received: Received[] = [];
  const methods = new Map<string, string>();

  function settings(overrides: Record<string, unknown> = {}): MailSettings {
    const { settings: parsed, problems } = parseMailSettings({
      host: 'localhost',
      port,
      security: 'starttls',
      from: { address: USER, name: 'Policy group' },
      reply_to: 'chair@example.org',
      auth: { type: 'password', user: USER, password_env: 'PPP_SMTP_PASSWORD' },
      tls_insecure_hosts: ['localhost'],
      ...overrides,
    });
    expect(problems).toEqual([]);
    return parsed!;
  }

  beforeAll(async () => {
    const dir = tempDir('ppp-mail-');
    const made = spawnSync(
      'openssl',
      ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1'].concat([
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ]),
      { encoding: 'utf8' },
    );
    if (made.status !== 0) throw new Error(`openssl could not make a test certificate: ${made.stderr}`);
    tlsFiles = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
    server = new SMTPServer({
      secure: false,
      ...tlsFiles,
      authMethods: ['PLAIN', 'LOGIN', 'XOAUTH2'],
      logger: false,
      onAuth(auth, session, callback) {
        methods.set(session.id, auth.method);
        if (auth.method === 'XOAUTH2') {
          if (auth.username === USER && auth.accessToken === TOKEN) return callback(null, { user: USER });
          return callback(null, { data: { status: '401', schemes: 'bearer', scope: 'smtp' } });
        }
        if (auth.username === USER && auth.password === PASSWORD) return callback(null, { user: USER });
        return callback(new Error('Invalid username or password'));
      },
      onRcptTo(address, _session, callback) {
        if (address.address === REFUSED) {
          return callback(Object.assign(new Error('No such mailbox here'), { responseCode: 550 }));
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          simpleParser(Buffer.concat(chunks)).then(
            (parsed) => {
              received.push({
                rcptTo: session.envelope.rcptTo.map((a) => a.address),
                method: methods.get(session.id),
                parsed,
              });
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    cleanup();
  });

  beforeEach(() => {
    received = [];
  });

  it('delivers each message once, to its own recipients, as text, HTML and an iCalendar attachment', async () => {
    const result = await sendMessages(
      settings(),
      [
        message('digest-alice', ['alice@example.org'], { ics: { filename: 'meeting.ics', content: ICS } }),
        message('digest-bob', ['bob@example.org', 'carol@example.org']),
      ],
      { PPP_SMTP_PASSWORD: PASSWORD },
    );
    expect(result.failed).toEqual([]);
    expect(result.accepted.map((a) => [a.id, a.to, a.rejected])).toEqual([
      ['digest-alice', ['alice@example.org'], []],
      ['digest-bob', ['bob@example.org', 'carol@example.org'], []],
    ]);
    expect(received.map((r) => r.rcptTo)).toEqual([['alice@example.org'], ['bob@example.org', 'carol@example.org']]);
    expect(received.map((r) => r.method)).toEqual(['PLAIN', 'PLAIN']);

    const alice = received[0]!.parsed;
    expect(addresses(alice.to)).toEqual(['alice@example.org']);
    expect(alice.from?.value).toEqual([{ address: USER, name: 'Policy group' }]);
    expect(addresses(alice.replyTo)).toEqual(['chair@example.org']);
    expect(alice.subject).toBe('Subject of digest-alice');
    expect(alice.text).toBe('Text of digest-alice\n');
    expect(alice.html).toContain('<h1>HTML of digest-alice</h1>');
    expect(alice.messageId).toBe('<digest-alice@example.org>');
    expect(alice.attachments).toHaveLength(1);
    const ics = alice.attachments[0]!;
    expect(ics.filename).toBe('meeting.ics');
    expect(ics.contentType).toBe('text/calendar');
    expect(ics.content.toString('utf8')).toContain('UID:meeting-2027-01-05@ppp');

    const bob = received[1]!.parsed;
    expect(addresses(bob.to)).toEqual(['bob@example.org', 'carol@example.org']);
    expect(bob.subject).toBe('Subject of digest-bob');
    expect(bob.attachments).toEqual([]);
  });

  it('signs in with an OAuth2 access token from the environment', async () => {
    const oauth = settings({ auth: { type: 'oauth2', user: USER, token_env: 'PPP_SMTP_TOKEN' } });
    const result = await sendMessages(oauth, [message('notice', ['alice@example.org'])], { PPP_SMTP_TOKEN: TOKEN });
    expect(result.accepted.map((a) => a.id)).toEqual(['notice']);
    expect(received.map((r) => r.method)).toEqual(['XOAUTH2']);

    const wrong = sendMessages(oauth, [message('notice', ['alice@example.org'])], { PPP_SMTP_TOKEN: 'expired' });
    await expect(wrong).rejects.toThrow(/localhost:\d+ refused the sign-in of policy@example\.org.*PPP_SMTP_TOKEN/);
    expect(received).toHaveLength(1);
  });

  it('refuses a self-signed certificate unless the host is listed in tls_insecure_hosts', async () => {
    const strict = settings({ tls_insecure_hosts: [] });
    const attempt = sendMessages(strict, [message('m', ['alice@example.org'])], { PPP_SMTP_PASSWORD: PASSWORD });
    await expect(attempt).rejects.toThrow(MailError);
    await expect(attempt).rejects.toThrow(/certificate of the mail server localhost:\d+.*mail\.tls_insecure_hosts/);
    // Another host listed is not this one.
    const other = settings({ tls_insecure_hosts: ['relay.example.org'] });
    await expect(
      sendMessages(other, [message('m', ['a@example.org'])], { PPP_SMTP_PASSWORD: PASSWORD }),
    ).rejects.toThrow(/certificate/);
    expect(received).toEqual([]);

    const listed = await sendMessages(settings(), [message('m', ['alice@example.org'])], {
      PPP_SMTP_PASSWORD: PASSWORD,
    });
    expect(listed.accepted.map((a) => a.id)).toEqual(['m']);
    expect(received).toHaveLength(1);
  });

  it('stops with a clear error on a wrong password or an unset variable, having sent nothing', async () => {
    const wrong = sendMessages(settings(), [message('m', ['alice@example.org'])], { PPP_SMTP_PASSWORD: 'guess' });
    await expect(wrong).rejects.toThrow(MailError);
    await expect(wrong).rejects.toThrow(
      /mail server localhost:\d+ refused the sign-in of policy@example\.org .*check mail\.auth\.user and the password in PPP_SMTP_PASSWORD/,
    );
    await expect(sendMessages(settings(), [message('m', ['alice@example.org'])], {})).rejects.toThrow(
      /mail\.auth\.password_env names PPP_SMTP_PASSWORD, which is not set/,
    );
    expect(received).toEqual([]);
  });

  it('fails only the message whose recipient the server refuses, and sends the others', async () => {
    const result = await sendMessages(
      settings(),
      [
        message('to-refused', [REFUSED]),
        message('to-alice', ['alice@example.org']),
        message('to-both', ['bob@example.org', REFUSED]),
        message('to-bad', ['Bob <bob@example.org>\r\nBcc: eve@example.org']),
      ],
      { PPP_SMTP_PASSWORD: PASSWORD },
    );
    expect(result.failed.map((f) => f.message.id)).toEqual(['to-refused', 'to-bad']);
    expect(result.failed[0]!.error).toMatch(/refused refused@example\.org.*No such mailbox/);
    expect(result.failed[1]!.error).toMatch(/is not a plain e-mail address; nothing was sent/);
    expect(result.accepted.map((a) => [a.id, a.rejected])).toEqual([
      ['to-alice', []],
      ['to-both', [REFUSED]],
    ]);
    expect(received.map((r) => r.rcptTo)).toEqual([['alice@example.org'], ['bob@example.org']]);
  });

  it('returns what was accepted before the server went away, and fails the rest without retrying', async () => {
    let delivered = 0;
    const going = new SMTPServer({
      secure: false,
      ...tlsFiles,
      authOptional: true,
      logger: false,
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => {
          delivered += 1;
          // The first message is taken; then the server stops listening, so the next connection is refused.
          going.server.close();
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => going.listen(0, '127.0.0.1', resolve));
    const goingPort = (going.server.address() as AddressInfo).port;
    try {
      const result = await sendMessages(
        settings({ port: goingPort, auth: { type: 'none' } }),
        [
          message('first', ['alice@example.org']),
          message('second', ['bob@example.org']),
          message('third', ['c@example.org']),
        ],
        {},
      );
      expect(delivered).toBe(1);
      expect(result.accepted.map((a) => a.id)).toEqual(['first']);
      expect(result.failed.map((f) => f.message.id)).toEqual(['second', 'third']);
      expect(result.failed[1]!.error).toMatch(
        new RegExp(`could not send through the mail server localhost:${goingPort} `),
      );
    } finally {
      await new Promise<void>((resolve) => going.close(() => resolve()));
    }
  });

  it('names the host and what to check when nothing listens on the port', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const attempt = sendMessages(
      settings({ host: '127.0.0.1', port: closedPort, tls_insecure_hosts: [] }),
      [message('m', ['alice@example.org'])],
      { PPP_SMTP_PASSWORD: PASSWORD },
    );
    await expect(attempt).rejects.toThrow(MailError);
    await expect(attempt).rejects.toThrow(
      new RegExp(
        `could not send through the mail server 127\\.0\\.0\\.1:${closedPort} .*check mail\\.host, mail\\.port`,
      ),
    );
  });

  it('writes .eml files named from the message ids instead of sending, and they parse back', async () => {
    const out = join(tempDir('ppp-mail-out-'), 'outbox');
    const messages = [
      message('digest-alice', ['alice@example.org'], { ics: { filename: 'meeting.ics', content: ICS } }),
      message('notice/CS-POL-001 approved', ['list@example.org']),
    ];
    const result = await sendMessages(settings(), messages, {}, { out });
    expect(result.failed).toEqual([]);
    expect(received).toEqual([]);
    const names = readdirSync(out).sort();
    expect(names).toEqual([emlFileName('digest-alice'), emlFileName('notice/CS-POL-001 approved')].sort());
    expect(emlFileName('digest-alice')).toBe('digest-alice.eml');
    expect(emlFileName('notice/CS-POL-001 approved')).toMatch(/^notice-CS-POL-001-approved-[0-9a-f]{10}\.eml$/);
    expect(result.accepted.map((a) => a.file)).toEqual(messages.map((m) => join(out, emlFileName(m.id))));

    const raw = readFileSync(join(out, 'digest-alice.eml'));
    expect(raw.toString('latin1')).toContain('\r\n');
    const parsed = await simpleParser(raw);
    expect(addresses(parsed.to)).toEqual(['alice@example.org']);
    expect(parsed.subject).toBe('Subject of digest-alice');
    expect(parsed.text).toBe('Text of digest-alice\n');
    expect(parsed.html).toContain('<h1>HTML of digest-alice</h1>');
    expect(parsed.attachments[0]!.content.toString('utf8')).toContain('UID:meeting-2027-01-05@ppp');
  });
});
