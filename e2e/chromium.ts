import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, which the browser journeys and the startup bench drive. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Launches Chromium headless with the flags the journeys and the bench share (no sandbox, GPU, background
 * networking, component updates, sync, first-run page or QUIC): the one launcher of e2e/harness.ts and
 * bench/login-js.ts.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}
