import { describe, expect, it } from 'vitest';
import {
  accessPolicy,
  checkOrigin,
  checkToken,
  cookieSecret,
  cookieValue,
  hostName,
  isLoopback,
  presentedToken,
} from './access';

const loopback = (extra: Partial<Parameters<typeof accessPolicy>[0]> = {}) =>
  accessPolicy({
    host: '127.0.0.1',
    publicUrl: null,
    allowedOrigins: [],
    labToken: null,
    readOnly: false,
    ...extra,
  });

describe('checkOrigin', () => {
  const policy = loopback();

  it('accepts loopback names with any port, and no Origin header (curl, scripts)', () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', 'LOCALHOST'])
      expect(checkOrigin(policy, { host })).toEqual({ ok: true });
  });

  it('refuses a foreign Host (DNS rebinding) with 403 naming the host', () => {
    const verdict = checkOrigin(policy, { host: 'evil.example:3000' });
    expect(verdict).toMatchObject({ ok: false, status: 403 });
    if (!verdict.ok) expect(verdict.error).toContain('evil.example:3000');
    expect(checkOrigin(policy, {}).ok).toBe(false);
  });

  it('accepts the page own origin and refuses any other', () => {
    expect(
      checkOrigin(policy, { host: 'localhost:3000', origin: 'http://localhost:3000' }).ok,
    ).toBe(true);
    const verdict = checkOrigin(policy, { host: 'localhost:3000', origin: 'https://evil.example' });
    expect(verdict).toMatchObject({ ok: false, status: 403 });
    if (!verdict.ok) expect(verdict.error).toContain('ALLOWED_ORIGINS');
    // Same host name, other port: another origin.
    expect(
      checkOrigin(policy, { host: 'localhost:3000', origin: 'http://localhost:8080' }).ok,
    ).toBe(false);
  });

  it('accepts ALLOWED_ORIGINS and PUBLIC_URL', () => {
    const open = loopback({
      allowedOrigins: ['http://grafana.local:3001/'],
      publicUrl: 'https://lab.example.com',
    });
    expect(
      checkOrigin(open, { host: 'localhost:3000', origin: 'http://grafana.local:3001' }).ok,
    ).toBe(true);
    expect(
      checkOrigin(open, { host: 'lab.example.com', origin: 'https://lab.example.com' }).ok,
    ).toBe(true);
  });

  it('on a wildcard bind accepts the machine own addresses but not other names', () => {
    const wild = accessPolicy({
      host: '0.0.0.0',
      publicUrl: null,
      allowedOrigins: [],
      labToken: null,
      readOnly: false,
    });
    expect(checkOrigin(wild, { host: '127.0.0.1:3000' }).ok).toBe(true);
    expect(checkOrigin(wild, { host: 'attacker.example:3000' }).ok).toBe(false);
  });
});

describe('tokens', () => {
  it('needs no token on loopback unless LAB_TOKEN is set', () => {
    expect(loopback().token).toBeNull();
    expect(checkToken(loopback(), null)).toEqual({ ok: true });
    const set = loopback({ labToken: 'a-long-enough-secret' });
    expect(set.token).toBe('a-long-enough-secret');
    expect(set.generatedToken).toBe(false);
    expect(checkToken(set, null)).toMatchObject({ ok: false, status: 401 });
  });

  it('generates a random token when bound beyond loopback', () => {
    const a = loopback({ host: '0.0.0.0' });
    const b = loopback({ host: '0.0.0.0' });
    expect(a.generatedToken).toBe(true);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(a.token).not.toBe(b.token);
  });

  it('accepts the right token only', () => {
    const policy = loopback({ labToken: 'a-long-enough-secret' });
    expect(checkToken(policy, 'a-long-enough-secret').ok).toBe(true);
    expect(checkToken(policy, 'a-long-enough-secreT')).toMatchObject({
      ok: false,
      status: 401,
      error: 'unauthorized: wrong token',
    });
    expect(checkToken(policy, 'short').ok).toBe(false);
  });

  it('reads the token from a bearer header, the socket auth, or the cookie', () => {
    expect(presentedToken({ authorization: 'Bearer abc' })).toEqual({ token: 'abc' });
    expect(presentedToken({}, 'from-auth')).toEqual({ token: 'from-auth' });
    expect(presentedToken({ cookie: 'a=1; offset_lab_token=xyz%3D' })).toEqual({ cookie: 'xyz=' });
    expect(presentedToken({})).toBeNull();
  });

  it('takes an HMAC of the token in the cookie, never the token itself', () => {
    const policy = loopback({ labToken: 'a-long-enough-secret' });
    const cookie = cookieSecret('a-long-enough-secret');
    expect(cookie).not.toContain('a-long-enough-secret');
    expect(checkToken(policy, { cookie }).ok).toBe(true);
    expect(checkToken(policy, { cookie: 'a-long-enough-secret' }).ok).toBe(false);
    expect(checkToken(policy, { token: cookie }).ok).toBe(false);
  });

  it('asks for a token behind a proxy: a PUBLIC_URL that names another host', () => {
    const proxied = loopback({ publicUrl: 'https://lab.example.com' });
    expect(proxied.token).not.toBeNull();
    expect(proxied.tokenReason).toMatch(/PUBLIC_URL=https:\/\/lab.example.com/);
    expect(proxied.secureCookie).toBe(true);
    expect(loopback({ publicUrl: 'http://localhost:3000' }).token).toBeNull();
    expect(loopback({ host: '0.0.0.0' }).tokenReason).toMatch(/HOST=0.0.0.0/);
  });
});

describe('helpers', () => {
  it('parses Host headers and cookies', () => {
    expect(hostName('Example.COM:80')).toBe('example.com');
    expect(hostName('[::1]:3000')).toBe('[::1]');
    expect(hostName('bad host')).toBeNull();
    expect(cookieValue('x=1; y=2', 'y')).toBe('2');
    expect(cookieValue(undefined, 'y')).toBeNull();
    // A malformed escape must not throw: it would stop the server from a request header.
    expect(cookieValue('offset_lab_token=%', 'offset_lab_token')).toBe('%');
    expect(cookieValue('offset_lab_token=%E0%A4%A', 'offset_lab_token')).toBe('%E0%A4%A');
  });

  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1'])
      expect(isLoopback(host)).toBe(true);
    for (const host of ['0.0.0.0', '10.0.0.1', 'example.com']) expect(isLoopback(host)).toBe(false);
  });
});
