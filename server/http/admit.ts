import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type AccessPolicy,
  checkOrigin,
  checkToken,
  cookieSecret,
  presentedToken,
  TOKEN_COOKIE,
} from './access';

/** Longest request target taken; Node itself stops at 16 KiB of headers. */
export const MAX_TARGET_LENGTH = 8 * 1024;

function refuse(res: ServerResponse, status: number, error: string): false {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify({ ok: false, error }));
  return false;
}

/**
 * The request target as a URL, or why it is not one the lab serves. Only origin-form targets
 * (`/path?query`) are served: absolute forms are for proxies, and `//host` would parse as a host.
 */
export function parseTarget(target: string | undefined): URL | string {
  if (!target?.startsWith('/')) return 'request target: must be a path starting with /';
  if (target.length > MAX_TARGET_LENGTH)
    return `request target: longer than ${MAX_TARGET_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(`http://localhost${target}`);
  } catch {
    return 'request target: not a valid path';
  }
  // Next.js decodes the path itself and drops the connection on a bad escape (`/%`): refused here.
  try {
    decodeURIComponent(url.pathname);
  } catch {
    return 'request target: a "%" must start an escape such as %20';
  }
  return url;
}

/** Where the page goes after trading `?token=` for the cookie: a path on this origin, always. */
export function sameOriginLocation(url: URL): string {
  return `/${url.pathname.replace(/^[/\\]+/, '')}${url.search}`;
}

/** Headers every answer gets: the page must not be framed (clickjacking its buttons). */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('content-security-policy', "frame-ancestors 'none'");
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
}

export type Admission = { admitted: false } | { admitted: true; url: URL; authorised: boolean };

/**
 * Lets a request through, or answers it with 400/401/403 and returns admitted false. The page's
 * `?token=` is traded for an HttpOnly, SameSite=Strict cookie and dropped from the address bar by
 * a redirect. `/api/health` is let through without the token, marked unauthorised, so it can
 * answer load balancers with `{ ok }` only.
 */
export function admitHttp(
  policy: AccessPolicy,
  req: IncomingMessage,
  res: ServerResponse,
): Admission {
  setSecurityHeaders(res);
  const url = parseTarget(req.url);
  if (typeof url === 'string') return { admitted: refuse(res, 400, url) };
  const origin = checkOrigin(policy, req.headers);
  if (!origin.ok) return { admitted: refuse(res, origin.status, origin.error) };
  if (policy.token === null) return { admitted: true, url, authorised: true };
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null && req.method === 'GET' && !url.pathname.startsWith('/api/')) {
    const verdict = checkToken(policy, { token: fromUrl });
    if (!verdict.ok) return { admitted: refuse(res, verdict.status, verdict.error) };
    url.searchParams.delete('token');
    const secure = policy.secureCookie ? '; Secure' : '';
    res.writeHead(303, {
      location: sameOriginLocation(url),
      'set-cookie': `${TOKEN_COOKIE}=${cookieSecret(policy.token)}; HttpOnly; SameSite=Strict; Path=/${secure}`,
      'cache-control': 'no-store',
    });
    res.end();
    return { admitted: false };
  }
  const verdict = checkToken(policy, presentedToken(req.headers));
  if (verdict.ok) return { admitted: true, url, authorised: true };
  // Health stays open, so monitors and load balancers can probe without the secret.
  if (req.method === 'GET' && url.pathname === '/api/health')
    return { admitted: true, url, authorised: false };
  return { admitted: refuse(res, verdict.status, verdict.error) };
}
