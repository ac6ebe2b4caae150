import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rolldown } from 'vite';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const src = path.join(root, 'web/src');

/** The production build, in memory: its chunks. */
async function chunks(): Promise<Rolldown.OutputChunk[]> {
  const out = await build({
    configFile: path.join(root, 'web/vite.config.ts'),
    logLevel: 'silent',
    build: { write: false, emptyOutDir: false },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as Rolldown.RolldownOutput[];
  return outputs.flatMap((o) => o.output).filter((c): c is Rolldown.OutputChunk => c.type === 'chunk');
}

/**
 * What the browser loads for the login page: the entry chunk and the chunks it imports statically
 * (a dynamic import() is fetched only when a page asks for it).
 */
function loginModules(all: Rolldown.OutputChunk[]): string[] {
  const byFile = new Map(all.map((c) => [c.fileName, c]));
  const entry = all.find((c) => c.isEntry);
  expect(entry, 'the entry chunk').toBeDefined();
  const seen = new Set<string>();
  const todo = [entry!.fileName];
  while (todo.length) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    todo.push(...byFile.get(file)!.imports);
  }
  return [...seen].flatMap((f) => byFile.get(f)!.moduleIds).map((id) => id.replace(/\\/g, '/'));
}

describe('the login page bundle (vite build)', () => {
  it('carries the shell’s strings and no feature dictionary, feature page, chart, dayjs or heavy antd component', async () => {
    const all = await chunks();
    const modules = loginModules(all);
    const ours = modules.filter((id) => id.startsWith(src.replace(/\\/g, '/'))).map((id) => path.relative(src, id).replace(/\\/g, '/'));

    expect(ours).toContain('app/messages.ts');
    expect(ours.filter((f) => /(^|\/)messages(\/|\.ts$)/.test(f) && f !== 'app/messages.ts')).toEqual([]);
    expect(ours.filter((f) => f.startsWith('features/') && f !== 'features/auth/LoginPage.tsx')).toEqual([]);
    expect(ours).not.toContain('app/AppLayout.tsx');
    expect(ours).not.toContain('app/navIcons.tsx');
    // Their entry and style modules (a locale or context file of theirs may come with what the page uses).
    const heavy = modules.filter((id) =>
      /node_modules\/(echarts|zrender|dayjs)\/|antd\/es\/(card|tabs|menu|table|date-picker|modal|app)\/(index|style\/index)\.js$/.test(id),
    );
    expect(heavy).toEqual([]);

    // Each feature dictionary is a chunk of its own or shares one with its feature: loaded on demand.
    const dictionaryChunks = all.filter((c) => c.moduleIds.some((id) => /\/features\/.*\/messages(\/index)?\.ts$/.test(id)));
    expect(dictionaryChunks.length).toBeGreaterThan(0);
    for (const c of dictionaryChunks) expect(c.isEntry, c.fileName).toBe(false);
  }, 180_000);
});
