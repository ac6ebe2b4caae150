/**
 * npm run report:contracts — the figures issue #13 promises, measured and printed; fails when one is off:
 *  - /api routes without a 2xx response schema (0)
 *  - problems Redocly's recommended rules find in the OpenAPI document (0; also `npm run lint:openapi`)
 *  - hand-written API types in web/src/api: interfaces, `type X = {…}`, string-literal unions, `as const` lists (0)
 *  - source files over 400 lines outside server/db/seed (0)
 *  - the login page's gzipped JavaScript, measured in Chromium as `npm run bench:startup` does (< 353 KB);
 *    needs the built web app (npm test builds it) and /usr/bin/chromium, else it is reported as not measured.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { measureLoginPageJs } from '../bench/login-js.js';
import { CHROMIUM } from '../e2e/chromium.js';
import { buildApp } from '../server/app.js';
import { PROJECT_ROOT, loadConfig } from '../server/platform/config.js';
import { openDatabase } from '../server/platform/db.js';
import { routesWithoutResponse } from '../server/platform/routes.js';
import { lintOpenapi } from './openapi-lint.js';

export const MAX_LINES = 400;
export const LOGIN_JS_GOAL_KB = 353;
const WEB_DIR = path.join(PROJECT_ROOT, 'dist', 'web');

/** Hand-written types in one file of web/src/api, each as `line: text`. */
export function handWrittenTypes(source: string): string[] {
  const found: string[] = [];
  const lineOf = (index: number) => source.slice(0, index).split('\n').length;
  const patterns = [
    /^[ \t]*(?:export\s+)?interface\s+\w+/gm,
    /^[ \t]*(?:export\s+)?type\s+\w+(?:<[^>]*>)?\s*=\s*\{/gm,
    /^[ \t]*(?:export\s+)?type\s+\w+\s*=\s*(?:\|\s*)?'[^']*'(?:\s*\|\s*'[^']*')*\s*;/gm,
    // A list of values (`export const X = ['a', 'b'] as const`); query keys (…KEY, …KEYS, …ROOTS) are not.
    /^[ \t]*(?:export\s+)?const\s+(?!\w*(?:KEYS?|ROOTS?|Keys?)\b)\w+\s*=\s*\[\s*'[^\]]*\]\s*as\s+const\b/gm,
  ];
  for (const re of patterns)
    for (const m of source.matchAll(re)) found.push(`${lineOf(m.index)}: ${m[0].trim().split('\n')[0]!.slice(0, 80)}`);
  return found.sort((a, b) => parseInt(a) - parseInt(b));
}

/** Source files (tracked or new, not ignored) over MAX_LINES lines, outside the seed data. */
export function longFiles(): { file: string; lines: number }[] {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: PROJECT_ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|tsx|js|mjs|cjs|css)$/.test(f) && !f.startsWith('server/db/seed/') && existsSync(path.join(PROJECT_ROOT, f)));
  return files
    .map((file) => ({ file, lines: readFileSync(path.join(PROJECT_ROOT, file), 'utf8').split('\n').length - 1 }))
    .filter((f) => f.lines > MAX_LINES)
    .sort((a, b) => b.lines - a.lines);
}

function apiTypes(): { file: string; types: string[] }[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'web/src/api'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && existsSync(path.join(PROJECT_ROOT, f)))
    .map((file) => ({ file, types: handWrittenTypes(readFileSync(path.join(PROJECT_ROOT, file), 'utf8')) }))
    .filter((f) => f.types.length > 0);
}

async function main(): Promise<number> {
  const t0 = performance.now();
  let failures = 0;
  const line = (ok: boolean, text: string) => {
    if (!ok) failures += 1;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${text}`);
  };
  const list = (items: string[]) => items.forEach((i) => console.log(`       ${i}`));

  const database = await openDatabase({});
  await database.migrate();
  const webBuilt = existsSync(path.join(WEB_DIR, 'index.html'));
  const app = await buildApp({ database, config: { ...loadConfig({ KECHUANG_WEB_DIR: WEB_DIR }), webDir: WEB_DIR } });
  try {
    await app.ready();
    const missing = routesWithoutResponse(app);
    line(missing.length === 0, `routes without a 2xx response schema: ${missing.length} of ${app.routeRegistry.length}`);
    list(missing);

    const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const lint = lintOpenapi(doc);
    line(lint.problems === 0, `OpenAPI document, Redocly recommended rules: ${lint.problems} problem(s) (details: npm run lint:openapi)`);

    const types = apiTypes();
    const typeCount = types.reduce((n, f) => n + f.types.length, 0);
    line(typeCount === 0, `hand-written API types in web/src/api: ${typeCount}`);
    for (const f of types) list(f.types.map((t) => `${f.file}:${t}`));

    const long = longFiles();
    line(long.length === 0, `files over ${MAX_LINES} lines outside server/db/seed: ${long.length}`);
    list(long.map((f) => `${f.file} (${f.lines})`));

    if (webBuilt && existsSync(CHROMIUM)) {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const js = await measureLoginPageJs(`http://127.0.0.1:${port}`);
      const kb = js.gzipBytes / 1024;
      line(kb < LOGIN_JS_GOAL_KB, `login page JavaScript: ${js.files} files, ${kb.toFixed(0)} KB gzipped (goal < ${LOGIN_JS_GOAL_KB} KB)`);
    } else if (process.env.REQUIRE_E2E === '1') {
      line(false, `login page JavaScript: not measured (${webBuilt ? `no ${CHROMIUM}` : 'the web app is not built'}) and REQUIRE_E2E=1`);
    } else {
      console.log(`--   login page JavaScript: not measured (${webBuilt ? `no ${CHROMIUM}` : 'the web app is not built: npm run build'})`);
    }
  } finally {
    await app.close();
    await database.close();
  }
  console.log(
    `contract report: ${failures === 0 ? 'all figures met' : `${failures} figure(s) off`} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
  return failures;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit((await main()) === 0 ? 0 : 1);
