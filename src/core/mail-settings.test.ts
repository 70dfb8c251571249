import { describe, expect, it } from 'vitest';
import { mailSecret, parseMailSettings } from './mail-settings.js';

const base = {
  host: 'smtp.example.org',
  from: { address: 'policy@example.org', name: 'Policy group' },
  auth: { type: 'password', user: 'policy@example.org', password_env: 'PPP_SMTP_PASSWORD' },
};

describe('parseMailSettings', () => {
  it('fills in defaults for a minimal group', () => {
    const { settings, problems } = parseMailSettings(base);
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      host: 'smtp.example.org',
      port: 587,
      security: 'starttls',
      notice: [60, 30, 7],
      tls_insecure_hosts: [],
      lists: { approvals: [], newsletter: [] },
    });
  });

  it('reads every field', () => {
    const { settings, problems } = parseMailSettings({
      ...base,
      security: 'tls',
      reply_to: 'chair@example.org',
      tls_insecure_hosts: ['Relay.example.org'],
      lists: { approvals: ['a@example.org'], newsletter: ['b@example.org'] },
      notice: [7, 60, 30],
      escalate_to: 'hos-north',
    });
    expect(problems).toEqual([]);
    expect(settings).toMatchObject({
      port: 465,
      reply_to: { address: 'chair@example.org' },
      tls_insecure_hosts: ['relay.example.org'],
      notice: [60, 30, 7],
      escalate_to: 'hos-north',
    });
  });

  it.each([
    [
      { ...base, auth: { ...base.auth, password: 'hunter2' } },
      /mail\.auth\.password: secrets are never read.*PPP_SMTP_PASSWORD/,
    ],
    [{ ...base, password: 'hunter2' }, /mail\.password: secrets are never read.*PPP_SMTP_PASSWORD/],
    [
      { ...base, auth: { type: 'oauth2', user: 'u', token_env: 'MY_TOKEN', access_token: 'x' } },
      /mail\.auth\.access_token: secrets are never read.*MY_TOKEN.*token_env/,
    ],
    [{ ...base, security: 'ssl' }, /mail\.security is "ssl"; write starttls.*tls.*none/],
    [{ ...base, security: 'starttl' }, /did you mean starttls\?/],
    [{ ...base, security: 'none' }, /mail\.security is none but mail\.host is smtp\.example\.org.*allow_unencrypted/],
    [{ ...base, auth: { type: 'password', user: 'u' } }, /mail\.auth\.password_env is missing.*PPP_SMTP_PASSWORD/],
    [{ ...base, auth: { type: 'oauth2', user: 'u' } }, /mail\.auth\.token_env is missing.*PPP_SMTP_TOKEN/],
    [
      { ...base, auth: { type: 'password', user: 'u', password_env: 'lower case' } },
      /mail\.auth\.password_env is "lower case"/,
    ],
    [{ ...base, auth: { type: 'kerberos' } }, /mail\.auth\.type is "kerberos"; write password, oauth2 or none/],
    [{ ...base, auth: undefined }, /mail\.auth is missing/],
    [
      { ...base, lists: { approvals: ['chair@example.org', 'not-an-address'] } },
      /mail\.lists\.approvals\[1\] is "not-an-address"/,
    ],
    [
      { ...base, lists: { newsletter: ['Chair <chair@example.org>'] } },
      /mail\.lists\.newsletter\[0\] is "Chair <chair@example\.org>"/,
    ],
    [{ ...base, lists: { approval: [] } }, /mail\.lists\.approval is not a setting; did you mean approvals\?/],
    [{ ...base, from: 'Policy <policy@example.org>' }, /mail\.from is "Policy <policy@example\.org>"/],
    [{ ...base, from: undefined }, /mail\.from is empty/],
    [{ ...base, hostt: 'x' }, /mail\.hostt is not a setting; did you mean host\?/],
    [{ ...base, port: 'smtp' }, /mail\.port is "smtp"; write a port number like 587/],
    [{ ...base, notice: [60, 0] }, /mail\.notice is a list; write the days/],
    [{ ...base, escalate_to: 'Head Of Service' }, /mail\.escalate_to is "Head Of Service"; write a member id/],
    [{ ...base, tls_insecure_hosts: ['*.example.org'] }, /mail\.tls_insecure_hosts\[0\] is "\*\.example\.org"/],
    ['smtp.example.org', /mail is "smtp\.example\.org"; write a group/],
  ])('refuses %j', (raw, message) => {
    const { settings, problems } = parseMailSettings(raw);
    expect(settings).toBeUndefined();
    expect(problems.join('\n')).toMatch(message);
  });

  it('allows security: none to a relay on this machine, or with an explicit allowance', () => {
    const local = parseMailSettings({ ...base, host: 'localhost', security: 'none', auth: { type: 'none' } });
    expect(local.problems).toEqual([]);
    expect(local.settings?.port).toBe(25);
    const allowed = parseMailSettings({ ...base, security: 'none', allow_unencrypted: true });
    expect(allowed.problems).toEqual([]);
  });
});

describe('mailSecret', () => {
  it('reads the secret from the variable the settings name, and names it when unset', () => {
    const auth = { type: 'password', user: 'u', password_env: 'PPP_SMTP_PASSWORD' } as const;
    expect(mailSecret(auth, { PPP_SMTP_PASSWORD: 's3cret' })).toEqual({ secret: 's3cret' });
    expect(mailSecret(auth, {}).problem).toMatch(
      /mail\.auth\.password_env names PPP_SMTP_PASSWORD, which is not set; set PPP_SMTP_PASSWORD/,
    );
    expect(mailSecret({ type: 'oauth2', user: 'u', token_env: 'TOK' }, { TOK: '' }).problem).toMatch(
      /TOK, which is not set/,
    );
    expect(mailSecret({ type: 'none' }, {})).toEqual({});
  });
});
