import fs from 'node:fs';

/**
 * Flags for headless Chromium on a machine with no network but loopback: without the
 * background-networking ones Chromium keeps trying to reach its update and sync services.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The system Chromium (Debian: /usr/bin/chromium) or CHROMIUM_PATH, when there is one. */
export function systemChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  return fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}
