// @ts-check
import tseslint from 'typescript-eslint';

/** The architecture guide's import rules, enforced. */
const moduleInternals = {
  // From inside one module, another module is reachable only through its index.ts.
  regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$)[^/]+$',
  message: 'Use the other module only through its index.ts.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'server/db/migrations/**', 'server/db/seed/data/**', 'web/public/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'bin/*.mjs', 'bench/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // exceljs is loaded through server/platform/exceljs.ts, which fixes its UTF-8 chunk decoding.
    files: ['server/**/*.ts', 'test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    ignores: ['server/platform/exceljs.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'exceljs', message: 'Import ExcelJS from server/platform/exceljs.ts (UTF-8 fix).', allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**', '**/web/**', 'fastify', 'drizzle-orm*', 'react*'],
              message: 'common/ imports nothing of ours and no framework.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/server/**', 'fastify', 'drizzle-orm*'], message: 'web/ imports common/, never server/.' }] },
      ],
    },
  },
  {
    files: ['server/modules/**/*.ts'],
    ignores: ['server/modules/**/*.routes.ts', 'server/modules/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [moduleInternals, { group: ['fastify', 'fastify-*', '@fastify/*'], message: 'Only *.routes.ts know Fastify.' }] },
      ],
    },
  },
  {
    files: ['server/modules/**/*.routes.ts', 'server/modules/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [moduleInternals] }] },
  },
  {
    files: ['server/modules/**/*.repo.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            moduleInternals,
            { regex: '\\.service\\.js$', message: 'Repositories hold queries only: they do not call services.' },
            { group: ['fastify', '@fastify/*'], message: 'Only *.routes.ts know Fastify.' },
          ],
        },
      ],
    },
  },
);
