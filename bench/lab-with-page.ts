import fs from 'node:fs';
import next from 'next';
import { type Browser, chromium } from 'playwright';
import { io } from 'socket.io-client';
import { CHROMIUM_ARGS, systemChromium } from '../e2e/browser';
import { type OffsetLab, startOffsetLab } from '../server/app';
import { freePort } from '../server/test-support/free-port';
import { startTestBroker, type TestBroker } from '../server/test-support/test-broker';

export interface BenchLab {
  app: OffsetLab;
  broker: TestBroker;
  browser: Browser;
  close: () => Promise<void>;
}

/** A real broker, the lab with its Next.js page on a free port, and headless Chromium. */
export async function startBenchLab(scenario: 'default' | 'empty'): Promise<BenchLab> {
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

/** Counts what one page would receive over socket.io: messages and bytes of JSON. */
export function socketMeter(url: string): {
  messages: () => number;
  bytes: () => number;
  close: () => void;
} {
  let bytes = 0;
  let messages = 0;
  const socket = io(url, { transports: ['websocket'] });
  socket.onAny((_event, payload) => {
    messages++;
    bytes += JSON.stringify(payload).length;
  });
  return { messages: () => messages, bytes: () => bytes, close: () => socket.close() };
}
