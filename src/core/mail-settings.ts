/**
 * The `mail:` group of ppp.yaml: where and how ppp sends reminders and notices. Secrets never
 * come from the file, only from environment variables the file names. Pure: the caller passes
 * the parsed YAML value (and, for secrets, the environment).
 */
import { closest, describe } from './text.js';

export const MAIL_SECURITY = ['starttls', 'tls', 'none'] as const;
export type MailSecurity = (typeof MAIL_SECURITY)[number];

export interface MailAddress {
  address: string;
  name?: string;
}

export type MailAuth =
  | { type: 'password'; user: string; password_env: string }
  | { type: 'oauth2'; user: string; token_env: string }
  | { type: 'none' };

export interface MailSettings {
  host: string;
  port: number;
  security: MailSecurity;
  /** Set when the file allows security: none to a relay that is not on this machine. */
  allow_unencrypted: boolean;
  from: MailAddress;
  reply_to?: MailAddress;
  auth: MailAuth;
  /** Hosts whose certificate is not checked (a relay with a self-signed certificate), by name. */
  tls_insecure_hosts: string[];
  lists: { approvals: string[]; newsletter: string[] };
  /** Days before a review is due on which notice is given, largest first. */
  notice: number[];
  /** The member id escalations go to. */
  escalate_to?: string;
}

export const DEFAULT_PASSWORD_ENV = 'PPP_SMTP_PASSWORD';
export const DEFAULT_TOKEN_ENV = 'PPP_SMTP_TOKEN';
const DEFAULT_NOTICE = [60, 30, 7];
const DEFAULT_PORT: Record<MailSecurity, number> = { starttls: 587, tls: 465, none: 25 };
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

const MAIL_KEYS = [
  'host',
  'port',
  'security',
  'allow_unencrypted',
  'from',
  'reply_to',
  'auth',
  'tls_insecure_hosts',
  'lists',
  'notice',
  'escalate_to',
];
const AUTH_KEYS = ['type', 'user', 'password_env', 'token_env'];
const LIST_KEYS = ['approvals', 'newsletter'];
/** Keys that would hold a secret in the file; each is refused with the variable to use instead. */
const SECRET_KEYS = new Set(['password', 'pass', 'token', 'access_token', 'secret', 'client_secret']);
const ENV_NAME_RE = /^[A-Z_][A-Z0-9_]*$/;
const MEMBER_ID_RE = /^[a-z0-9][a-z0-9-]*$/;
// Deliberately plain: a local part and a dotted domain, no spaces, quotes or angle brackets (a name goes in `name:`).
const ADDRESS_RE =
  /^[^\s@<>()[\]",;:\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const HOST_RE =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$|^\d{1,3}(?:\.\d{1,3}){3}$|^\[?::1\]?$/;

/** Returns true when text is a plain e-mail address (no name, no angle brackets). */
export function isMailAddress(text: string): boolean {
  return text.length <= 254 && ADDRESS_RE.test(text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns the settings of ppp.yaml's `mail:` group, or the problems that stop it being used (each names its key). */
export function parseMailSettings(raw: unknown): { settings?: MailSettings; problems: string[] } {
  const problems: string[] = [];
  if (!isRecord(raw)) {
    return { problems: [`mail is ${describe(raw)}; write a group of fields with at least host: and from:`] };
  }
  unknownKeys(raw, MAIL_KEYS, 'mail', problems);
  refuseSecrets(raw, 'mail', secretEnvFor(raw['auth']), problems);

  const host = raw['host'];
  if (typeof host !== 'string' || !HOST_RE.test(host)) {
    problems.push(`mail.host is ${describe(host)}; write the SMTP server's name, like smtp.example.org`);
  }
  const security = parseSecurity(raw['security'], problems);
  const port = parsePort(raw['port'], security ?? 'starttls', problems);
  const allowUnencrypted = raw['allow_unencrypted'] ?? false;
  if (typeof allowUnencrypted !== 'boolean') {
    problems.push(`mail.allow_unencrypted is ${describe(allowUnencrypted)}; write true or false`);
  }
  if (security === 'none' && typeof host === 'string' && !LOCAL_HOSTS.has(host) && allowUnencrypted !== true) {
    problems.push(
      `mail.security is none but mail.host is ${host}, not this machine: mail and passwords would cross the ` +
        'network unencrypted; use starttls or tls, or add allow_unencrypted: true if the relay is on a trusted network',
    );
  }
  const from = parseAddress(raw['from'], 'mail.from', problems, true);
  const replyTo = raw['reply_to'] === undefined ? undefined : parseAddress(raw['reply_to'], 'mail.reply_to', problems);
  const auth = parseAuth(raw['auth'], problems);
  const insecure = parseHosts(raw['tls_insecure_hosts'], problems);
  const lists = parseLists(raw['lists'], problems);
  const notice = parseNotice(raw['notice'], problems);
  const escalateTo = raw['escalate_to'];
  if (escalateTo !== undefined && (typeof escalateTo !== 'string' || !MEMBER_ID_RE.test(escalateTo))) {
    problems.push(`mail.escalate_to is ${describe(escalateTo)}; write a member id from members.yaml, like hos-north`);
  }

  if (problems.length > 0 || !security || port === undefined || !from || !auth || !lists || !notice || !insecure) {
    return { problems };
  }
  const settings: MailSettings = {
    host: host as string,
    port,
    security,
    allow_unencrypted: allowUnencrypted === true,
    from,
    auth,
    tls_insecure_hosts: insecure,
    lists,
    notice,
  };
  if (replyTo) settings.reply_to = replyTo;
  if (typeof escalateTo === 'string') settings.escalate_to = escalateTo;
  return { settings, problems };
}

/**
 * Returns the secret the auth settings name, read from env, or a problem naming the variable to set. Pure: the caller
 * passes the environment.
 */
export function mailSecret(
  auth: MailAuth,
  env: Readonly<Record<string, string | undefined>>,
): { secret?: string; problem?: string } {
  if (auth.type === 'none') return {};
  const [name, key, what] =
    auth.type === 'password'
      ? [auth.password_env, 'mail.auth.password_env', 'the SMTP password']
      : [auth.token_env, 'mail.auth.token_env', 'the OAuth2 access token'];
  const secret = env[name];
  if (secret === undefined || secret === '') {
    return { problem: `${key} names ${name}, which is not set; set ${name} in the environment to ${what}` };
  }
  return { secret };
}

function unknownKeys(group: Record<string, unknown>, known: readonly string[], at: string, problems: string[]): void {
  for (const key of Object.keys(group)) {
    if (known.includes(key) || SECRET_KEYS.has(key)) continue;
    const guess = closest(key, known);
    problems.push(
      `${at}.${key} is not a setting; ${guess ? `did you mean ${guess}?` : `use one of ${known.join(', ')}`}`,
    );
  }
}

function secretEnvFor(auth: unknown): string {
  if (isRecord(auth)) {
    if (typeof auth['password_env'] === 'string') return auth['password_env'];
    if (typeof auth['token_env'] === 'string') return auth['token_env'];
    if (auth['type'] === 'oauth2') return DEFAULT_TOKEN_ENV;
  }
  return DEFAULT_PASSWORD_ENV;
}

function refuseSecrets(group: Record<string, unknown>, at: string, envName: string, problems: string[]): void {
  for (const key of Object.keys(group)) {
    if (!SECRET_KEYS.has(key)) continue;
    const which = /token/.test(key) ? 'token_env' : 'password_env';
    problems.push(
      `${at}.${key}: secrets are never read from ppp.yaml (it is in git); delete it, set the environment ` +
        `variable ${envName} instead, and name it with mail.auth.${which}: ${envName}`,
    );
  }
  if (at === 'mail' && isRecord(group['auth'])) refuseSecrets(group['auth'], 'mail.auth', envName, problems);
}

function parseSecurity(value: unknown, problems: string[]): MailSecurity | undefined {
  if (value === undefined) return 'starttls';
  if (typeof value === 'string' && (MAIL_SECURITY as readonly string[]).includes(value)) return value as MailSecurity;
  const guess = typeof value === 'string' ? closest(value, MAIL_SECURITY) : undefined;
  problems.push(
    `mail.security is ${describe(value)}; write starttls (port 587), tls (port 465) or none (a relay on this ` +
      `machine)${guess ? `; did you mean ${guess}?` : ''}`,
  );
  return undefined;
}

function parsePort(value: unknown, security: MailSecurity, problems: string[]): number | undefined {
  if (value === undefined) return DEFAULT_PORT[security];
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535) return value;
  problems.push(`mail.port is ${describe(value)}; write a port number like ${DEFAULT_PORT[security]}`);
  return undefined;
}

function parseAddress(value: unknown, at: string, problems: string[], nameWanted = false): MailAddress | undefined {
  if (typeof value === 'string') {
    if (isMailAddress(value)) return { address: value };
    problems.push(
      `${at} is ${describe(value)}; write an address like policy@example.org` +
        (nameWanted ? ', or address: and name: on their own lines' : ''),
    );
    return undefined;
  }
  if (isRecord(value)) {
    unknownKeys(value, ['address', 'name'], at, problems);
    const address = value['address'];
    const name = value['name'];
    let ok = true;
    if (typeof address !== 'string' || !isMailAddress(address)) {
      problems.push(`${at}.address is ${describe(address)}; write an address like policy@example.org`);
      ok = false;
    }
    if (name !== undefined && (typeof name !== 'string' || name.trim() === '' || /[\r\n<>"]/.test(name))) {
      problems.push(`${at}.name is ${describe(name)}; write a plain name like Policy group, without quotes or <>`);
      ok = false;
    }
    if (!ok) return undefined;
    return typeof name === 'string' ? { address: address as string, name } : { address: address as string };
  }
  problems.push(`${at} is ${describe(value)}; write an address like policy@example.org`);
  return undefined;
}

function parseAuth(value: unknown, problems: string[]): MailAuth | undefined {
  if (value === undefined) {
    problems.push(
      `mail.auth is missing; write type: password with user: and password_env: ${DEFAULT_PASSWORD_ENV}, ` +
        `type: oauth2 with user: and token_env: ${DEFAULT_TOKEN_ENV}, or type: none`,
    );
    return undefined;
  }
  if (!isRecord(value)) {
    problems.push(`mail.auth is ${describe(value)}; write a group with type: password, oauth2 or none`);
    return undefined;
  }
  unknownKeys(value, AUTH_KEYS, 'mail.auth', problems);
  const type = value['type'];
  const user = value['user'];
  const envName = (key: 'password_env' | 'token_env', fallback: string): string | undefined => {
    const name = value[key];
    if (name === undefined) {
      problems.push(
        `mail.auth.${key} is missing; name the environment variable that holds the secret, like ${fallback}`,
      );
      return undefined;
    }
    if (typeof name !== 'string' || !ENV_NAME_RE.test(name)) {
      problems.push(
        `mail.auth.${key} is ${describe(name)}; write the name of an environment variable ` +
          `(capitals, digits and _), like ${fallback}`,
      );
      return undefined;
    }
    return name;
  };
  const checkUser = (): string | undefined => {
    if (typeof user === 'string' && user.trim() !== '') return user;
    problems.push(`mail.auth.user is ${describe(user)}; write the user name the SMTP server knows, often an address`);
    return undefined;
  };
  switch (type) {
    case 'password': {
      const u = checkUser();
      const env = envName('password_env', DEFAULT_PASSWORD_ENV);
      if (value['token_env'] !== undefined) problems.push('mail.auth.token_env is for type: oauth2; delete it');
      return u && env ? { type, user: u, password_env: env } : undefined;
    }
    case 'oauth2': {
      const u = checkUser();
      const env = envName('token_env', DEFAULT_TOKEN_ENV);
      if (value['password_env'] !== undefined) problems.push('mail.auth.password_env is for type: password; delete it');
      return u && env ? { type, user: u, token_env: env } : undefined;
    }
    case 'none':
      for (const key of ['user', 'password_env', 'token_env']) {
        if (value[key] !== undefined) problems.push(`mail.auth.${key} is set but mail.auth.type is none; delete it`);
      }
      return { type };
    default:
      problems.push(`mail.auth.type is ${describe(type)}; write password, oauth2 or none`);
      return undefined;
  }
}

function parseHosts(value: unknown, problems: string[]): string[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(
      `mail.tls_insecure_hosts is ${describe(value)}; write a list of host names, like [relay.example.org]`,
    );
    return undefined;
  }
  const hosts: string[] = [];
  for (const [i, host] of value.entries()) {
    if (typeof host === 'string' && HOST_RE.test(host)) hosts.push(host.toLowerCase());
    else
      problems.push(`mail.tls_insecure_hosts[${i}] is ${describe(host)}; write a host name, not a pattern or address`);
  }
  return hosts;
}

function parseLists(value: unknown, problems: string[]): MailSettings['lists'] | undefined {
  const lists: MailSettings['lists'] = { approvals: [], newsletter: [] };
  if (value === undefined) return lists;
  if (!isRecord(value)) {
    problems.push(`mail.lists is ${describe(value)}; write approvals: and newsletter:, each a list of addresses`);
    return undefined;
  }
  unknownKeys(value, LIST_KEYS, 'mail.lists', problems);
  let ok = true;
  for (const key of LIST_KEYS as (keyof MailSettings['lists'])[]) {
    const list = value[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push(`mail.lists.${key} is ${describe(list)}; write a list of addresses`);
      ok = false;
      continue;
    }
    for (const [i, address] of list.entries()) {
      if (typeof address === 'string' && isMailAddress(address)) {
        if (!lists[key].includes(address)) lists[key].push(address);
      } else {
        problems.push(`mail.lists.${key}[${i}] is ${describe(address)}; write a plain address like chair@example.org`);
        ok = false;
      }
    }
  }
  return ok ? lists : undefined;
}

function parseNotice(value: unknown, problems: string[]): number[] | undefined {
  if (value === undefined) return [...DEFAULT_NOTICE];
  const isDays = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 366;
  if (!Array.isArray(value) || value.length === 0 || !value.every(isDays)) {
    problems.push(
      `mail.notice is ${describe(value)}; write the days before a review is due to give notice, ` +
        'like [60, 30, 7] (whole days, 1 to 366)',
    );
    return undefined;
  }
  return [...new Set(value)].sort((a, b) => b - a);
}
