import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DICTIONARIES, FEATURE_MESSAGES, loadDictionaries, type DictionaryName } from './dictionaries';
import { formatMessage } from './formatMessage';
import { isMessageKey, shellMessages, type Entry } from './messages';

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const dictionaries = Object.fromEntries(
  await Promise.all(Object.entries(DICTIONARIES).map(async ([name, load]) => [name, Object.keys((await load()).default)] as const)),
) as Record<DictionaryName, string[]>;
const shellKeys = Object.keys(shellMessages);
const allKeys = [...shellKeys, ...Object.values(dictionaries).flat()];
const keySet = new Set(allKeys);
const prefixes = new Set(allKeys.map((k) => k.split('.')[0]!));

function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find(
    (f) => existsSync(f) && statSync(f).isFile(),
  );
}

/** The files a set of files statically imports, transitively, inside web/src (lazy `import()` excluded). */
function staticGraph(entries: string[]): string[] {
  const seen = new Set<string>();
  const todo = [...entries];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g)) {
      const target = resolve(file, m[1]!);
      if (target && target.startsWith(src) && !/\.test\.tsx?$/.test(target)) todo.push(target);
    }
  }
  return [...seen];
}

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((e) => {
    const p = path.join(dir, e);
    return statSync(p).isDirectory() ? walk(p) : /\.tsx?$/.test(e) && !/\.test\.tsx?$/.test(e) ? [p] : [];
  });

/** Message keys a file names: whole literals ('proj.title') and the fixed starts of built ones (`proj.status.${s}`). */
function keysNamed(file: string): { key: string; prefix: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const out: { key: string; prefix: boolean }[] = [];
  for (const m of text.matchAll(/(['`])([a-zA-Z]+(?:\.[\w-]+)+)(\.\$\{|\1)/g)) {
    const prefix = m[3] !== m[1];
    // A whole literal that is no key at all is some other code ('patent.granted', an event); t()'s type checks those.
    if (!prefixes.has(m[2]!.split('.')[0]!) || (!prefix && !keySet.has(m[2]!))) continue;
    out.push({ key: m[2]!, prefix });
  }
  return out;
}

/** Keys named by the files of `entries`' static graph that none of `names` (nor the shell) holds. */
function missing(entries: string[], names: readonly DictionaryName[]): string[] {
  const have = new Set([...shellKeys, ...names.flatMap((n) => dictionaries[n])]);
  const haveList = [...have];
  const out = new Set<string>();
  for (const file of staticGraph(entries)) {
    if (/[\\/]messages(\.[\w]+)?\.ts$|[\\/]messages[\\/]/.test(file)) continue;
    for (const { key, prefix } of keysNamed(file)) {
      const ok = prefix ? haveList.some((k) => k.startsWith(`${key}.`)) : have.has(key);
      if (!ok) out.add(`${path.relative(src, file)}: ${key}${prefix ? '.…' : ''}`);
    }
  }
  return [...out].sort();
}

describe('feature dictionaries', () => {
  it('every key a feature names is in the dictionaries its pages load', () => {
    const gaps = Object.entries(FEATURE_MESSAGES)
      .map(([feature, names]) => [feature, missing(walk(path.join(src, 'features', feature)), ['components', ...names])] as const)
      .filter(([, keys]) => keys.length > 0);
    expect(Object.fromEntries(gaps)).toEqual({});
  });

  it('lists every feature but the shell’s own (auth, errors)', () => {
    const dirs = readdirSync(path.join(src, 'features')).filter((d) => statSync(path.join(src, 'features', d)).isDirectory());
    expect(dirs.filter((d) => !['auth', 'errors'].includes(d)).sort()).toEqual(Object.keys(FEATURE_MESSAGES).sort());
  });

  it('the login page, the layout and the error and password pages need only the shell', () => {
    const entries = ['app/main.tsx', 'app/AppLayout.tsx', 'features/auth/ChangePasswordPage.tsx', 'features/errors/NotFoundPage.tsx'];
    expect(
      missing(
        entries.map((e) => path.join(src, e)),
        [],
      ),
    ).toEqual([]);
  });

  it('each lazy page of a feature loads that feature’s dictionaries', () => {
    for (const file of ['app/nav.tsx', 'app/routes.tsx', 'app/guards.tsx']) {
      const text = readFileSync(path.join(src, file), 'utf8');
      for (const m of text.matchAll(/featurePage\('(\w+)', \(\) => import\('\.\.\/features\/(\w+)\//g)) expect(m[1], file).toBe(m[2]);
      // Plain lazy pages are the shell's own (auth, errors), which need no dictionary.
      for (const m of text.matchAll(/\blazy\(\(\) => import\('\.\.\/features\/(\w+)\//g)) expect(['auth', 'errors'], file).toContain(m[1]);
    }
  });

  it('every plural form has an other branch and fills for 1 and 2', async () => {
    const entries = (await Promise.all(Object.values(DICTIONARIES).map(async (load) => Object.values((await load()).default)))).flat();
    for (const entry of [...Object.values(shellMessages), ...entries] as Entry[]) {
      for (const [lang, text] of [
        ['zh-CN', entry.zh],
        ['en-US', entry.en],
      ] as const) {
        const counts = [...text.matchAll(/\{(\w+), plural,/g)].map((m) => m[1]!);
        for (const n of [1, 2]) {
          const params = Object.fromEntries(counts.map((c) => [c, n]));
          if (counts.length) expect(formatMessage(text, params, lang), text).not.toContain(', plural,');
        }
      }
    }
  });

  it('no key is defined twice', () => {
    expect(allKeys.length).toBe(new Set(allKeys).size);
  });

  it('a dictionary’s keys exist at run time only once it is loaded', async () => {
    const key = dictionaries.users[0]!;
    expect(isMessageKey(key)).toBe(false);
    await loadDictionaries(['users']);
    expect(isMessageKey(key)).toBe(true);
  });
});
