import { existsSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Role } from '../common/enums.js';
import { buildApp } from '../server/app.js';
import { users } from '../server/db/schema/index.js';
import { createUser } from '../server/modules/accounts/index.js';
import { systemContext } from '../server/platform/audit.js';
import { PROJECT_ROOT, loadConfig } from '../server/platform/config.js';
import type { Database } from '../server/platform/db.js';
import { cloneTemplate } from '../test/db-template.js';
import { CHROMIUM, launchChromium } from './chromium.js';

export { CHROMIUM };
/** The built web app: dist/web, or KECHUANG_WEB_DIR (as the server reads it) for a build of one's own. */
export const WEB_DIR = path.resolve(process.env.KECHUANG_WEB_DIR ?? path.join(PROJECT_ROOT, 'dist', 'web'));

/** Browser journeys need Debian's Chromium; with REQUIRE_E2E=1 (CI) its absence is a failure, not a skip. */
export function e2eAvailable(): boolean {
  const ok = existsSync(CHROMIUM) && existsSync(path.join(WEB_DIR, 'index.html'));
  if (!ok && process.env.REQUIRE_E2E === '1') {
    throw new Error(`REQUIRE_E2E=1 but ${existsSync(CHROMIUM) ? 'the web app is not built (npm run build)' : `${CHROMIUM} is missing`}`);
  }
  return ok;
}

export interface E2EServer {
  url: string;
  app: FastifyInstance;
  database: Database;
  browser: Browser;
  close: () => Promise<void>;
}

/** A real server on a free port over a fresh database clone, serving the built web app, and a Chromium. */
export async function startE2E(): Promise<E2EServer> {
  const { database, dispose } = await cloneTemplate();
  const app = await buildApp({ database, config: { ...loadConfig({}), webDir: WEB_DIR } });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await launchChromium();
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    browser,
    close: async () => {
      await browser.close();
      await app.close();
      await dispose();
    },
  };
}

/** A user seeded through the service layer, ready to sign in (no forced password change). */
export async function seedUser(
  s: E2EServer,
  username: string,
  password: string,
  roles: { role: Role; orgUnitCode: string; enterpriseId?: string }[],
  displayName = username,
) {
  const { user } = await createUser(s.database.db, systemContext('e2e'), () => true, { username, displayName, password, roles });
  await s.database.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, user.id));
  return user;
}

export async function newPage(s: E2EServer): Promise<{ context: BrowserContext; page: Page }> {
  const context = await s.browser.newContext({ locale: 'zh-CN', reducedMotion: 'reduce', viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

export async function signIn(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** No serious or critical accessibility violation on the page as it is now (GB/T 37668 in spirit). */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
  expect(summary, `accessibility of ${label}`).toEqual([]);
}

/** Picks an option in an antd Select/TreeSelect identified by its data-testid. */
export async function pick(page: Page, testId: string, optionText: string, search?: string): Promise<void> {
  await page.getByTestId(testId).click();
  if (search) await page.keyboard.type(search);
  const dropdown = page.locator('.ant-select-dropdown:visible');
  // Tree options carry "name code" as their title; plain options are matched by their text.
  await dropdown
    .locator(`[title^="${optionText}"]`)
    .or(dropdown.getByText(optionText, { exact: true }))
    .first()
    .click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.E2E_SCREENSHOTS) await page.screenshot({ path: path.join(process.env.E2E_SCREENSHOTS, `${name}.png`), fullPage: true });
}
