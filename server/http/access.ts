import { randomBytes, timingSafeEqual } from 'node:crypto';
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
export function accessPolicy(input: PolicyInput): AccessPolicy & { generatedToken: boolean } {
  const hosts = new Set(LOOPBACK_HOSTS);
  hosts.add(bracketed(input.host));
  if (isWildcard(input.host)) {
    for (const addresses of Object.values(os.networkInterfaces()))
      for (const a of addresses ?? []) hosts.add(bracketed(a.address));
  }
  const origins = new Set(input.allowedOrigins.map((o) => o.replace(/\/+$/, '').toLowerCase()));
  if (input.publicUrl) {
    const url = new URL(input.publicUrl);
    hosts.add(bracketed(url.hostname));
    origins.add(url.origin.toLowerCase());
  }
  const needsToken = input.labToken !== null || !isLoopback(input.host);
  const token = input.labToken ?? (needsToken ? randomBytes(24).toString('base64url') : null);
  return {
    allowedHosts: hosts,
    allowedOrigins: origins,
    token,
    readOnly: input.readOnly,
    generatedToken: needsToken && input.labToken === null,
  };
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
    if (eq > 0 && part.slice(0, eq).trim() === name)
      return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token a request carries: `Authorization: Bearer`, the page's cookie, or the socket's auth. */
export function presentedToken(headers: IncomingHttpHeaders, extra?: unknown): string | null {
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1]?.trim();
  if (bearer) return bearer;
  if (typeof extra === 'string' && extra) return extra;
  return cookieValue(headers.cookie, TOKEN_COOKIE);
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

export function checkToken(policy: AccessPolicy, presented: string | null): AccessVerdict {
  if (policy.token === null) return { ok: true };
  if (presented !== null && sameSecret(presented, policy.token)) return { ok: true };
  return {
    ok: false,
    status: 401,
    error:
      presented === null
        ? 'unauthorized: this server needs its token (open the URL it printed, or send Authorization: Bearer <token>)'
        : 'unauthorized: wrong token',
  };
}
