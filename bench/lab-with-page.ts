import fs from 'node:fs';
import next from 'next';
import { type Browser, chromium } from 'playwright';
import { io } from 'socket.io-client';
import { CHROMIUM_ARGS, systemChromium } from '../e2e/browser';
import { type OffsetLab, type OffsetLabOptions, startOffsetLab } from '../server/app';
import { freePort } from '../server/test-support/free-port';
import { startTestBroker, type TestBroker } from '../server/test-support/test-broker';

export interface BenchLab {
  app: OffsetLab;
  broker: TestBroker;
  browser: Browser;
  close: () => Promise<void>;
}

/** A real broker, the lab with its Next.js page on a free port, and headless Chromium. */
export async function startBenchLab(
  scenario: 'default' | 'empty',
  options: Pick<OffsetLabOptions, 'alertWebhook'> = {},
): Promise<BenchLab> {
  if (!fs.existsSync('.next/BUILD_ID')) throw new Error('run `npm run build` first');
  const broker = await startTestBroker();
  const port = await freePort();
  const nextApp = next({ dev: false, dir: process.cwd(), hostname: '127.0.0.1', port });
  await nextApp.prepare();
  const handle = nextApp.getRequestHandler();
  const app = await startOffsetLab({
    brokers: broker.brokers,
    broker: null,
    host: '127.0.0.1',
    port,
    pollIntervalMs: 1000,
    scenario,
    pages: (req, res) => handle(req, res),
    ...options,
  });
  const browser = await chromium.launch({ executablePath: systemChromium(), args: CHROMIUM_ARGS });
  return {
    app,
    broker,
    browser,
    close: async () => {
      await browser.close();
      await app.close();
      await nextApp.close();
      await broker.stop();
    },
  };
}

/**
 * Counts what one page receives over socket.io once it has its first full state (connecting
 * costs one snapshot; the steady rate is what matters): messages, bytes of JSON, and bytes on
 * the wire after WebSocket compression.
 */
export function socketMeter(url: string): {
  ready: Promise<void>;
  messages: () => number;
  bytes: () => number;
  wireBytes: () => number;
  close: () => void;
} {
  let bytes = 0;
  let messages = 0;
  let wireAtStart = 0;
  let counting = false;
  const socket = io(url, { transports: ['websocket'] });
  const bytesRead = () => {
    const transport = socket.io.engine?.transport as unknown as {
      ws?: { _socket?: { bytesRead: number } };
    };
    return transport?.ws?._socket?.bytesRead ?? 0;
  };
  const ready = new Promise<void>((resolve) => {
    socket.onAny((event, payload) => {
      if (!counting) {
        if (event !== 'state:full') return;
        counting = true;
        wireAtStart = bytesRead();
        resolve();
        return;
      }
      messages++;
      bytes += JSON.stringify(payload).length;
    });
  });
  return {
    ready,
    messages: () => messages,
    bytes: () => bytes,
    wireBytes: () => (counting ? bytesRead() - wireAtStart : 0),
    close: () => socket.close(),
  };
}
