import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

/** What a request or socket event was, for the log line of an error it caused. */
const current = new AsyncLocalStorage<string>();

/** The request (or socket event) whose handling is running now, if any. */
export function currentRequest(): string | null {
  return current.getStore() ?? null;
}

/** A request line safe to log: no query (it may hold ?token=), control characters escaped, short. */
export function describeRequest(req: IncomingMessage): string {
  const target = (req.url ?? '').split('?')[0] ?? '';
  const printable = JSON.stringify(target.length > 200 ? `${target.slice(0, 200)}…` : target);
  return `${req.method ?? '?'} ${printable} from ${req.socket.remoteAddress ?? '?'}`;
}

function log(message: string): void {
  console.error(`[offset-lab] ${message}`);
}

function answer500(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(500, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(
    JSON.stringify({ ok: false, error: `internal error: ${(error as Error)?.message ?? error}` }),
  );
}

/**
 * Runs one HTTP request's handling so that nothing it throws, synchronously or later, can end the
 * process: the client gets a 500 and the terminal a line naming the request.
 */
export function httpBoundary(
  handle: (req: IncomingMessage, res: ServerResponse) => unknown,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const what = describeRequest(req);
    current.run(what, () => {
      const fail = (error: unknown) => {
        log(`request ${what} failed: ${(error as Error)?.stack ?? error}`);
        answer500(res, error);
      };
      try {
        Promise.resolve(handle(req, res)).catch(fail);
      } catch (error) {
        fail(error);
      }
    });
  };
}

/**
 * The same for a socket.io event handler: an exception becomes an `{ ok: false }` acknowledgement
 * when the client asked for one, and a log line.
 */
export function socketBoundary<A extends unknown[]>(
  event: string,
  remote: string,
  handle: (...args: A) => unknown,
): (...args: A) => void {
  const what = `socket.io "${event}" from ${remote}`;
  return (...args) => {
    current.run(what, () => {
      const fail = (error: unknown) => {
        log(`${what} failed: ${(error as Error)?.stack ?? error}`);
        const ack = args[args.length - 1];
        if (typeof ack === 'function')
          ack({
            ok: false,
            error: `internal error: ${(error as Error)?.message ?? error}`,
            kind: 'internal',
          });
      };
      try {
        Promise.resolve(handle(...args)).catch(fail);
      } catch (error) {
        fail(error);
      }
    });
  };
}

/** Runs `work` with `what` as the current request (for middleware outside httpBoundary). */
export function withinRequest<T>(what: string, work: () => T): T {
  return current.run(what, work);
}

/**
 * What Node's own HTTP parser refuses (a negative Content-Length, a broken header line, headers
 * past 16 KiB) gets a status and a reason like every other refusal, not a bare close.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
  const reason = status === 431 ? 'Request Header Fields Too Large' : 'Bad Request';
  const body = JSON.stringify({
    ok: false,
    error: `bad request: the HTTP parser refused it (${error.code ?? error.message})`,
  });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
  );
}
