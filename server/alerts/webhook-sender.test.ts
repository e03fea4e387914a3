import { afterEach, describe, expect, it } from 'vitest';
import type { AlertMessage } from '../../protocol/alerts';
import { freePort } from '../test-support/free-port';
import { waitFor } from '../test-support/wait-for';
import { startWebhookReceiver, type WebhookReceiver } from '../test-support/webhook-receiver';
import { WebhookSender } from './webhook-sender';

function message(n: number): AlertMessage {
  return {
    id: `run-${n}`,
    source: 'offset-lab',
    groupId: `g${n}`,
    verdict: 'STOP',
    previous: 'WARN',
    storm: false,
    previousStorm: false,
    retention: 'ok',
    previousRetention: 'ok',
    reason: 'stopped',
    figures: {
      totalLag: 5,
      lagSeconds: 3,
      members: 1,
      partitions: 2,
      rebalances: null,
      lost: 0,
      retentionSecondsLeft: null,
    },
    at: n,
  };
}

let current: WebhookReceiver | null = null;
let sender: WebhookSender | null = null;
afterEach(async () => {
  sender?.stop();
  await current?.close();
  current = null;
});

async function receiver(answer: (n: number) => number | null): Promise<WebhookReceiver> {
  current = await startWebhookReceiver(answer);
  return current;
}

describe('the alert webhook sender', () => {
  it('retries a failing receiver with backoff, then delivers each message once, in order', async () => {
    const hook = await receiver((n) => (n <= 2 ? 500 : 204));
    const logs: string[] = [];
    sender = new WebhookSender(
      { url: hook.url, token: 'tok-abcdefgh' },
      { baseDelayMs: 20, log: (m) => logs.push(m) },
    );
    sender.send([message(1), message(2)]);
    await waitFor('both delivered', async () => hook.received.length === 2);
    expect(hook.received.map((r) => r.body.id)).toEqual(['run-1', 'run-2']);
    expect(hook.received.map((r) => r.key)).toEqual(['run-1', 'run-2']);
    expect(hook.received[0]?.authorization).toBe('Bearer tok-abcdefgh');
    expect(hook.requests()).toBe(4);
    expect(logs.filter((l) => l.includes('not delivered (HTTP 500)'))).toHaveLength(2);
    // Logs name the receiver by origin: no token, path or query.
    for (const l of logs) {
      expect(l).not.toContain('tok-abcdefgh');
      expect(l).not.toContain('secret');
    }
  });

  it('a receiver that never answers times out, and the caller is never held up', async () => {
    const hook = await receiver((n) => (n === 1 ? null : 200));
    const logs: string[] = [];
    sender = new WebhookSender(
      { url: hook.url, token: null },
      { timeoutMs: 200, baseDelayMs: 10, log: (m) => logs.push(m) },
    );
    sender.send([message(1)]);
    // send only queues: it is back before the receiver has even been asked.
    expect(sender.pending).toBe(1);
    expect(hook.requests()).toBe(0);
    await waitFor('delivered after the timeout', async () => hook.received.length === 1);
    expect(logs.some((l) => l.includes('no answer within 0.2 s'))).toBe(true);
    expect(hook.received[0]?.authorization).toBeUndefined();
  });

  it('keeps at most maxQueue changes while the receiver is down, dropping the oldest', async () => {
    const hook = await receiver(() => 503);
    const logs: string[] = [];
    sender = new WebhookSender(
      { url: hook.url, token: null },
      { baseDelayMs: 60_000, maxQueue: 3, log: (m) => logs.push(m) },
    );
    sender.send([message(1), message(2), message(3), message(4), message(5)]);
    expect(sender.pending).toBe(3);
    expect(sender.dropped).toBe(2);
    expect(logs[0]).toContain('2 change(s) dropped');
  });

  it('an overflow never drops the message being delivered, and counts what it drops', async () => {
    const hook = await receiver((n) => (n === 1 ? null : 204));
    sender = new WebhookSender(
      { url: hook.url, token: null },
      { timeoutMs: 60_000, maxQueue: 2, log: () => undefined },
    );
    sender.send([message(1)]);
    await waitFor('the first delivery under way', async () => hook.requests() === 1);
    sender.send([message(2), message(3), message(4)]);
    expect(sender.dropped).toBe(1);
    // The one under way, and the two newest of the three sent after it.
    expect(sender.pending).toBe(3);
  });

  it('gives up on a receiver that refuses for good (4xx), so later changes are not held up', async () => {
    const hook = await receiver((n) => (n === 1 ? 401 : 204));
    const logs: string[] = [];
    sender = new WebhookSender(
      { url: hook.url, token: 'tok-abcdefgh' },
      { baseDelayMs: 10, log: (m) => logs.push(m) },
    );
    sender.send([message(1), message(2)]);
    await waitFor('the second delivered', async () => hook.received.length === 1);
    expect(hook.received.map((r) => r.body.id)).toEqual(['run-2']);
    expect(hook.requests()).toBe(2);
    expect(logs.some((l) => l.includes('refused (HTTP 401); dropped, not retried'))).toBe(true);
  });

  it('logs a failure in fixed words: nothing of the URL, nothing of the token', async () => {
    const logs: string[] = [];
    // A port nothing listens on: connection refused.
    const port = await freePort();
    sender = new WebhookSender(
      { url: `http://127.0.0.1:${port}/hook?k=secret`, token: 'tok-abcdefgh' },
      { baseDelayMs: 10_000, log: (m) => logs.push(m) },
    );
    sender.send([message(1)]);
    await waitFor('a failure logged', async () => logs.length > 0);
    expect(logs[0]).toContain('not delivered (ECONNREFUSED)');
    expect(logs.join('\n')).not.toMatch(/secret|tok-abcdefgh|\/hook/);
  });
});
