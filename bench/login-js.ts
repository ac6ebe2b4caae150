import { gzipSync } from 'node:zlib';
import { launchChromium } from '../e2e/chromium.js';

/** The JavaScript the login page loads, as Chromium fetches it: files, raw bytes, and bytes gzipped (level 9). */
export interface LoginPageJs {
  files: number;
  rawBytes: number;
  gzipBytes: number;
}

/**
 * Measures the JavaScript `${baseUrl}/login` loads in Chromium (until the network is idle). Used by
 * `npm run bench:startup` (against the built server) and by the contract report (scripts/contract-report.ts).
 */
export async function measureLoginPageJs(baseUrl: string): Promise<LoginPageJs> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const bodies: Promise<Buffer>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') bodies.push(res.body());
    });
    await page.goto(`${baseUrl}/login`, { waitUntil: 'networkidle' });
    const all = await Promise.all(bodies);
    return {
      files: all.length,
      rawBytes: all.reduce((s, b) => s + b.length, 0),
      gzipBytes: all.reduce((s, b) => s + gzipSync(b, { level: 9 }).length, 0),
    };
  } finally {
    await browser.close();
  }
}
