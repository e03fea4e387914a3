import type { IncomingMessage, ServerResponse } from 'node:http';
import { type AccessPolicy, checkOrigin, checkToken, presentedToken, TOKEN_COOKIE } from './access';

function refuse(res: ServerResponse, status: number, error: string): false {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify({ ok: false, error }));
  return false;
}

/**
 * Lets a request through, or answers it with 401/403 and returns false. The page's `?token=` is
 * traded for an HttpOnly, SameSite=Strict cookie and dropped from the address bar by a redirect.
 */
export function admitHttp(
  policy: AccessPolicy,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  const origin = checkOrigin(policy, req.headers);
  if (!origin.ok) return refuse(res, origin.status, origin.error);
  const url = new URL(req.url ?? '/', 'http://localhost');
  // Health stays open, so monitors and load balancers can probe without the secret.
  if (req.method === 'GET' && url.pathname === '/api/health') return true;
  if (policy.token === null) return true;
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null && req.method === 'GET' && !url.pathname.startsWith('/api/')) {
    const verdict = checkToken(policy, fromUrl);
    if (!verdict.ok) return refuse(res, verdict.status, verdict.error);
    url.searchParams.delete('token');
    res.writeHead(303, {
      location: `${url.pathname}${url.search}`,
      'set-cookie': `${TOKEN_COOKIE}=${encodeURIComponent(fromUrl)}; HttpOnly; SameSite=Strict; Path=/`,
      'cache-control': 'no-store',
    });
    res.end();
    return false;
  }
  const verdict = checkToken(policy, presentedToken(req.headers));
  return verdict.ok ? true : refuse(res, verdict.status, verdict.error);
}
