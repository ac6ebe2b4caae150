/**
 * The architecture rules of docs/ARCHITECTURE.md, as lint enforces them (eslint.config.js): each case plants one
 * violation in a file at a virtual path of the element it concerns, lints it with the repository's configuration,
 * and expects that rule's error; the clean cases expect none. The imported targets are real files (the resolver
 * follows them); the planted files themselves never exist. Type-aware parsing is switched off here: none of these
 * rules needs types, and the planted paths are in no TypeScript project. (The clock's ban has its own planted
 * cases: server/platform/clock.lint.test.ts.)
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfigFile: path.join(ROOT, 'eslint.config.js'),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/await-thenable': 'off',
    },
  },
});

interface Problem {
  ruleId: string | null;
  message: string;
}

async function lint(file: string, code: string): Promise<Problem[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }));
}

/** Only the rules this file is about (a planted snippet may also, say, leave an import unused). */
const ARCHITECTURE_RULES = new Set(['boundaries/dependencies', 'max-lines', 'max-lines-per-function']);
const architectural = (problems: Problem[]) => problems.filter((p) => p.ruleId !== null && ARCHITECTURE_RULES.has(p.ruleId));

const lines = (n: number, line = (i: number) => `export const v${i} = ${i};`) => Array.from({ length: n }, (_, i) => line(i)).join('\n');
/** A function of exactly n lines, counting its first and its last. */
const fn = (n: number) =>
  ['export function long(): number {', '  let x = 0;', ...Array.from({ length: n - 4 }, () => '  x += 1;'), '  return x;', '}'].join('\n');

const MODULE = 'server/modules/policies/planted.ts';
const CASES: { name: string; file: string; code: string; rule: string; message: RegExp }[] = [
  {
    name: "a deep import of another module's file",
    file: MODULE,
    code: "export { findUnit } from '../orgunits/orgunits.repo.js';",
    rule: 'boundaries/dependencies',
    message: /only through its index\.ts/,
  },
  {
    name: 'a dynamic import() of another module, even of its index',
    file: MODULE,
    code: "export const units = () => import('../orgunits/index.js');",
    rule: 'boundaries/dependencies',
    message: /No dynamic import\(\)/,
  },
  {
    name: 'platform/ importing a module',
    file: 'server/platform/planted.ts',
    code: "export { orgUnitRoutes } from '../modules/orgunits/index.js';",
    rule: 'boundaries/dependencies',
    message: /platform\/ is below the modules/,
  },
  {
    name: "a module importing another domain's tables",
    file: MODULE,
    code: "export { orgUnits } from '../../db/schema/orgunits.js';",
    rule: 'boundaries/dependencies',
    message: /only its own tables/,
  },
  {
    name: 'a module importing the schema barrel db/schema/index.ts',
    file: MODULE,
    code: "export { policies } from '../../db/schema/index.js';",
    rule: 'boundaries/dependencies',
    message: /never from db\/schema\/index\.ts/,
  },
  {
    name: 'platform/ importing tables it does not own',
    file: 'server/platform/planted.ts',
    code: "export { claims } from '../db/schema/policies.js';",
    rule: 'boundaries/dependencies',
    message: /no policy allowing/,
  },
  {
    name: "a web feature importing another feature's internals",
    file: 'web/src/features/audit/Planted.tsx',
    code: "export { default } from '../projects/CallPage';",
    rule: 'boundaries/dependencies',
    message: /A feature imports only its own files/,
  },
  {
    name: 'a shared component importing a feature',
    file: 'web/src/components/Planted.tsx',
    code: "export { default } from '../features/audit/AuditPage';",
    rule: 'boundaries/dependencies',
    message: /never imports a feature/,
  },
  {
    name: 'the web api layer importing a feature',
    file: 'web/src/api/planted.ts',
    code: "export { default } from '../features/audit/AuditPage';",
    rule: 'boundaries/dependencies',
    message: /never imports a feature/,
  },
  {
    name: 'common/ importing the server',
    file: 'common/planted.ts',
    code: "export { today } from '../server/platform/clock.js';",
    rule: 'boundaries/dependencies',
    message: /no policy allowing/,
  },
  { name: 'a file of 401 lines', file: MODULE, code: lines(401), rule: 'max-lines', message: /401/ },
  {
    name: 'a file of 401 lines, blank ones counted',
    file: MODULE,
    code: `${lines(200)}\n${'\n'.repeat(200)}export const z = 1;`,
    rule: 'max-lines',
    message: /401/,
  },
  { name: 'a function of 121 lines', file: MODULE, code: fn(121), rule: 'max-lines-per-function', message: /121/ },
  {
    name: 'a test callback of 121 lines',
    file: 'server/modules/policies/planted.test.ts',
    code: `import { it } from 'vitest';\nit('x', () => {\n${lines(119, (i) => `  void ${i};`)}\n});`,
    rule: 'max-lines-per-function',
    message: /121/,
  },
];

describe('lint catches each planted architecture violation', { timeout: 300_000 }, () => {
  for (const c of CASES) {
    it(`refuses ${c.name}`, async () => {
      const problems = architectural(await lint(c.file, c.code));
      expect(problems, JSON.stringify(problems)).toContainEqual({ ruleId: c.rule, message: expect.stringMatching(c.message) });
    });
  }
});

describe('lint accepts what the rules allow', { timeout: 300_000 }, () => {
  const CLEAN: { name: string; file: string; code: string }[] = [
    {
      name: "a module using its own tables, another module's index and read view, platform and common",
      file: MODULE,
      code: [
        "export { claims } from '../../db/schema/policies.js';",
        "export { orgUnitsRead, findUnit } from '../orgunits/index.js';",
        "export { rowsOf } from '../../platform/db.js';",
        "export { ROLES } from '../../../common/enums.js';",
      ].join('\n'),
    },
    {
      name: "a module's test reading another domain's tables",
      file: 'server/modules/policies/planted.api.test.ts',
      code: ["export { orgUnits } from '../../db/schema/orgunits.js';", "export { createTestApp } from '../../../test/harness.js';"].join(
        '\n',
      ),
    },
    {
      name: 'platform/ using the tables it owns',
      file: 'server/platform/planted.ts',
      code: ["export { auditEvents } from '../db/schema/audit.js';", "export { kcSettings } from '../db/schema/settings.js';"].join('\n'),
    },
    {
      name: 'a feature using its own files, components, the api layer, the app and common',
      file: 'web/src/features/audit/Planted.tsx',
      code: [
        "export { default } from './AuditPage';",
        "export { Section } from '../../components/Section';",
        "export * from '../../api/audit';",
        "export { useT } from '../../app/i18n';",
        "export { ROLES } from '../../../common/enums';",
      ].join('\n'),
    },
    {
      name: 'the app shell loading a feature lazily',
      file: 'web/src/app/planted.ts',
      code: "export const page = () => import('../features/audit/AuditPage');",
    },
    { name: 'a file of 400 lines', file: MODULE, code: lines(400) },
    { name: 'a function of 120 lines', file: MODULE, code: fn(120) },
    { name: 'seed data over 400 lines', file: 'server/db/seed/planted.ts', code: lines(900) },
  ];
  for (const c of CLEAN) {
    it(`accepts ${c.name}`, async () => {
      expect(architectural(await lint(c.file, c.code))).toEqual([]);
    });
  }
});
