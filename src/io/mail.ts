/**
 * Sending mail: one SMTP transport (nodemailer, loaded only here and only when mail is sent), or, with `out`, each
 * message written as an .eml file instead. Reports which messages the server accepted and which it did not, so the
 * caller records only what was really sent.
 */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { MailError } from '../core/errors.js';
import { isMailAddress, mailSecret, type MailAddress, type MailSettings } from '../core/mail-settings.js';
import { writeFileAtomic } from './fs.js';

/** One message: the same content as plain text and HTML, with an iCalendar file when there is an event. */
export interface MailMessage {
  /** Stable and unique per message (a digest, a notice); names its .eml file and its Message-ID. */
  id: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  ics?: { filename: string; content: string };
}

export interface MessageResult {
  id: string;
  to: string[];
  messageId: string;
  /** Recipients the server refused while taking the message for the others. */
  rejected: string[];
  /** The .eml file written, with `out`. */
  file?: string;
  /** The server's reply to the message. */
  response?: string;
}

export interface SendResult {
  accepted: MessageResult[];
  failed: { message: MailMessage; error: string }[];
}

const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };
const CERTIFICATE_ERROR = /certificate|self[-_ ]signed|CERT_|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ALTNAME/i;

interface SmtpFailure extends Error {
  code?: string;
  command?: string;
  response?: string;
  responseCode?: number;
  rejected?: string[];
  cause?: unknown;
}

/** Returns the file name of a message's .eml: its id where that is a safe name, else the id made safe plus a hash. */
export function emlFileName(id: string): string {
  const safe = id.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[.-]+/, '');
  if (safe === id && safe !== '') return `${safe}.eml`;
  const digest = createHash('sha256').update(id).digest('hex').slice(0, 10);
  return `${safe.slice(0, 80) || 'message'}-${digest}.eml`;
}

/**
 * Sends the messages through the SMTP server of the settings (or writes them into `out` as .eml files) and returns
 * which were accepted and which failed. Throws MailError when the server cannot be used at all (unreachable,
 * certificate refused, sign-in refused, secret not set), before any message is sent.
 */
export async function sendMessages(
  settings: MailSettings,
  messages: readonly MailMessage[],
  env: Readonly<Record<string, string | undefined>>,
  options: { out?: string } = {},
): Promise<SendResult> {
  const { default: nodemailer } = await import('nodemailer');
  if (options.out !== undefined) {
    const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
    const accepted: MessageResult[] = [];
    for (const message of messages) {
      const mail = mailOptions(settings, message);
      const info = (await transport.sendMail(mail)) as { message: Buffer };
      const file = join(options.out, emlFileName(message.id));
      writeFileAtomic(file, info.message);
      accepted.push({ id: message.id, to: [...message.to], messageId: mail.messageId, rejected: [], file });
    }
    return { accepted, failed: [] };
  }

  const secret = mailSecret(settings.auth, env);
  if (secret.problem) throw new MailError(secret.problem);
  const auth =
    settings.auth.type === 'password'
      ? { type: 'login' as const, user: settings.auth.user, pass: secret.secret! }
      : settings.auth.type === 'oauth2'
        ? { type: 'OAuth2' as const, user: settings.auth.user, accessToken: secret.secret! }
        : undefined;
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    pool: false,
    ...(auth ? { auth } : {}),
    tls: {
      rejectUnauthorized: !settings.tls_insecure_hosts.includes(settings.host.toLowerCase()),
      // SNI carries names only (RFC 6066); Node warns when given an address.
      ...(isIP(settings.host) ? {} : { servername: settings.host }),
    },
    ...TIMEOUTS,
  });
  try {
    try {
      await transport.verify();
    } catch (error) {
      throw setUpError(settings, error as SmtpFailure);
    }
    const result: SendResult = { accepted: [], failed: [] };
    let broken: string | undefined;
    for (const message of messages) {
      if (broken) {
        result.failed.push({ message, error: broken });
        continue;
      }
      if (message.to.length === 0) {
        result.failed.push({ message, error: 'the message has no recipients' });
        continue;
      }
      const bad = message.to.filter((address) => !isMailAddress(address));
      if (bad.length > 0) {
        result.failed.push({ message, error: `${bad.join(', ')} is not a plain e-mail address; nothing was sent` });
        continue;
      }
      const mail = mailOptions(settings, message);
      try {
        const info = (await transport.sendMail(mail)) as { rejected?: unknown[]; response?: string };
        result.accepted.push({
          id: message.id,
          to: [...message.to],
          messageId: mail.messageId,
          rejected: (info.rejected ?? []).map(String),
          ...(info.response ? { response: info.response } : {}),
        });
      } catch (error) {
        const failure = error as SmtpFailure;
        if (isMessageFailure(failure)) {
          result.failed.push({ message, error: messageError(failure) });
        } else {
          // The server went away or stopped taking mail: the rest would fail the same way.
          broken = setUpError(settings, failure).message;
          result.failed.push({ message, error: broken });
        }
      }
    }
    return result;
  } finally {
    transport.close();
  }
}

function formatAddress(address: MailAddress): { name: string; address: string } | string {
  return address.name ? { name: address.name, address: address.address } : address.address;
}

function mailOptions(settings: MailSettings, message: MailMessage) {
  const domain = settings.from.address.split('@')[1] ?? 'ppp.invalid';
  return {
    from: formatAddress(settings.from),
    ...(settings.reply_to ? { replyTo: formatAddress(settings.reply_to) } : {}),
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    // The same id gives the same Message-ID, so a message sent again after a partial failure is seen as one.
    messageId: `<${message.id.replace(/[^A-Za-z0-9._-]/g, '-')}@${domain}>`,
    ...(message.ics
      ? {
          attachments: [
            {
              filename: message.ics.filename,
              content: message.ics.content,
              contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            },
          ],
        }
      : {}),
  };
}

/** True when the failure belongs to this message (a refused recipient or content), not to the connection. */
function isMessageFailure(error: SmtpFailure): boolean {
  if (error.code === 'EENVELOPE' || error.code === 'EMESSAGE') return true;
  return error.command === 'RCPT TO' || error.command === 'DATA';
}

function messageError(error: SmtpFailure): string {
  const rejected = error.rejected?.length ? `refused ${error.rejected.join(', ')}` : 'refused the message';
  return `the server ${rejected}: ${(error.response ?? error.message).trim()}`;
}

/** Returns the MailError for a server that cannot be used, naming the host and what to check. */
function setUpError(settings: MailSettings, error: SmtpFailure): MailError {
  const where = `${settings.host}:${settings.port}`;
  const detail = (error.response ?? error.message).trim();
  const causeCode = (error.cause as { code?: string } | undefined)?.code ?? '';
  if (error.code === 'EAUTH') {
    const secret =
      settings.auth.type === 'password'
        ? `the password in ${settings.auth.password_env}`
        : settings.auth.type === 'oauth2'
          ? `the access token in ${settings.auth.token_env} (it may have expired)`
          : 'mail.auth (the server wants a sign-in)';
    const user = settings.auth.type === 'none' ? '' : ` of ${settings.auth.user}`;
    return new MailError(
      `the mail server ${where} refused the sign-in${user} (${detail}); check mail.auth.user and ${secret}`,
      { cause: error },
    );
  }
  if (CERTIFICATE_ERROR.test(`${error.message} ${causeCode}`)) {
    return new MailError(
      `the certificate of the mail server ${where} could not be verified (${detail}); ask its administrator for a ` +
        `valid certificate, or, only for a relay you trust, list ${settings.host} under mail.tls_insecure_hosts`,
      { cause: error },
    );
  }
  if (/STARTTLS/i.test(error.message)) {
    return new MailError(
      `the mail server ${where} does not offer STARTTLS (${detail}); check mail.port and mail.security ` +
        '(starttls is usually port 587, tls port 465)',
      { cause: error },
    );
  }
  return new MailError(
    `could not send through the mail server ${where} (${detail}); check mail.host, mail.port and mail.security, ` +
      'and that this machine can reach the server',
    { cause: error },
  );
}
