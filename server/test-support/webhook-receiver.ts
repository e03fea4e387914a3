import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AlertMessage, alertMessageSchema } from '../../protocol/alerts';

export interface ReceivedAlert {
  body: AlertMessage;
  authorization: string | undefined;
  key: string | undefined;
}

export interface WebhookReceiver {
  url: string;
  /** The messages it took (answered 2xx), validated, in arrival order. */
  received: ReceivedAlert[];
  requests: () => number;
  close: () => Promise<void>;
}

/**
 * A local alert receiver on 127.0.0.1: `answer(n)` gives the status of the n-th request (1-based);
 * null never answers (a hung receiver).
 */
export async function startWebhookReceiver(
  answer: (n: number) => number | null,
): Promise<WebhookReceiver> {
  const received: ReceivedAlert[] = [];
  let requests = 0;
  const hung: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      requests++;
      const status = answer(requests);
      if (status === null) {
        hung.push(() => res.destroy());
        return;
      }
      if (status < 300)
        received.push({
          body: alertMessageSchema.parse(JSON.parse(Buffer.concat(chunks).toString())),
          authorization: req.headers.authorization,
          key: req.headers['idempotency-key'] as string | undefined,
        });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook?k=secret`,
    received,
    requests: () => requests,
    close: async () => {
      for (const end of hung) end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
