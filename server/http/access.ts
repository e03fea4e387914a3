import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import os from 'node:os';

export const TOKEN_COOKIE = 'offset_lab_token';

export interface AccessPolicy {
  /** Host names (no port) a request may address: loopback names, the bound address, PUBLIC_URL's. */
  allowedHosts: ReadonlySet<string>;
  /** Extra origins allowed besides the page's own (ALLOWED_ORIGINS, PUBLIC_URL). */
  allowedOrigins: ReadonlySet<string>;
  /** null: no token needed (loopback without LAB_TOKEN). */
  token: string | null;
  readOnly: boolean;
  /** PUBLIC_URL is https: the cookie gets `Secure`. */
  secureCookie?: boolean;
}

export type AccessVerdict = { ok: true } | { ok: false; status: 401 | 403; error: string };

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
}

const isWildcard = (host: string) => host === '0.0.0.0' || host === '::' || host === '[::]';

/** Kafka-style host normalisation: lower case, IPv6 in brackets. */
function bracketed(host: string): string {
  const lower = host.toLowerCase();
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

export interface PolicyInput {
  host: string;
  publicUrl: string | null;
  allowedOrigins: string[];
  labToken: string | null;
  readOnly: boolean;
}

/**
 * Who may talk to the server. Binding a wildcard address serves every interface, so each of the
 * machine's own addresses counts as "the bound address"; a DNS-rebinding page still cannot pass,
 * because its Host header carries the attacker's name.
 */
export function accessPolicy(
  input: PolicyInput,
): AccessPolicy & { generatedToken: boolean; tokenReason: string | null } {
  const hosts = new Set(LOOPBACK_HOSTS);
  hosts.add(bracketed(input.host));
  if (isWildcard(input.host)) {
    for (const addresses of Object.values(os.networkInterfaces()))
      for (const a of addresses ?? []) hosts.add(bracketed(a.address));
  }
  const origins = new Set(input.allowedOrigins.map((o) => o.replace(/\/+$/, '').toLowerCase()));
  const publicUrl = input.publicUrl ? new URL(input.publicUrl) : null;
  if (publicUrl) {
    hosts.add(bracketed(publicUrl.hostname));
    origins.add(publicUrl.origin.toLowerCase());
  }
  const tokenReason = whyToken(input, publicUrl);
  const token = input.labToken ?? (tokenReason ? randomBytes(24).toString('base64url') : null);
  return {
    allowedHosts: hosts,
    allowedOrigins: origins,
    token,
    readOnly: input.readOnly,
    secureCookie: publicUrl?.protocol === 'https:',
    generatedToken: tokenReason !== null && input.labToken === null,
    tokenReason,
  };
}

/**
 * Why this server asks for a token, or null on loopback only. A reverse proxy on the same machine
 * reaches a loopback-bound server, so a PUBLIC_URL naming another host means it is exposed too.
 */
function whyToken(input: PolicyInput, publicUrl: URL | null): string | null {
  if (input.labToken !== null) return 'LAB_TOKEN is set';
  if (!isLoopback(input.host)) return `HOST=${input.host} is reachable from other machines`;
  if (publicUrl && !isLoopback(bracketed(publicUrl.hostname)))
    return `PUBLIC_URL=${publicUrl.origin} is reachable from other machines (through a proxy)`;
  return null;
}

/** The host name of a Host header, without the port; null when it is malformed. */
export function hostName(header: string | undefined): string | null {
  if (!header) return null;
  try {
    return bracketed(new URL(`http://${header}`).hostname);
  } catch {
    return null;
  }
}

export function cookieValue(cookieHeader: string | undefined, name: string): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decoded(part.slice(eq + 1).trim());
  }
  return null;
}

/** A malformed escape (`%`, `%zz`) is taken as it is: it can only fail the comparison. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * What the page's cookie holds: an HMAC of the token, so a cookie read from a browser profile or a
 * proxy log is not the master token (which also works as a Bearer token for scripts).
 */
export function cookieSecret(token: string): string {
  return createHmac('sha256', token).update('offset-lab page cookie v1').digest('base64url');
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** What a request carries: a token (`Authorization: Bearer`, the socket's auth) or the page's cookie. */
export type Credential = { token: string } | { cookie: string } | null;

export function presentedToken(headers: IncomingHttpHeaders, extra?: unknown): Credential {
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim();
  if (bearer) return { token: bearer };
  if (typeof extra === 'string' && extra) return { token: extra };
  const cookie = cookieValue(headers.cookie, TOKEN_COOKIE);
  return cookie === null ? null : { cookie };
}

/** Host (DNS rebinding) and Origin (cross-site pages) checks; the same for HTTP and socket.io. */
export function checkOrigin(policy: AccessPolicy, headers: IncomingHttpHeaders): AccessVerdict {
  const host = hostName(headers.host);
  if (host === null || !policy.allowedHosts.has(host)) {
    return {
      ok: false,
      status: 403,
      error: `forbidden: Host "${headers.host ?? ''}" is not this server's address; set PUBLIC_URL to the address you open it at`,
    };
  }
  const origin = headers.origin;
  if (origin === undefined) return { ok: true };
  const own = `http://${headers.host}`.toLowerCase();
  const normalised = origin.replace(/\/+$/, '').toLowerCase();
  if (normalised === own || policy.allowedOrigins.has(normalised)) return { ok: true };
  return {
    ok: false,
    status: 403,
    error: `forbidden: requests from origin ${origin} are not accepted; add it to ALLOWED_ORIGINS to allow it`,
  };
}

export function checkToken(policy: AccessPolicy, presented: Credential | string): AccessVerdict {
  if (policy.token === null) return { ok: true };
  const given = typeof presented === 'string' ? { token: presented } : presented;
  if (given && 'token' in given && sameSecret(given.token, policy.token)) return { ok: true };
  if (given && 'cookie' in given && sameSecret(given.cookie, cookieSecret(policy.token)))
    return { ok: true };
  return {
    ok: false,
    status: 401,
    error:
      presented === null
        ? 'unauthorized: this server needs its token (open the URL it printed, or send Authorization: Bearer <token>)'
        : 'unauthorized: wrong token',
  };
}
