// @ts-check
import path from 'node:path';
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/*
 * The element types of docs/ARCHITECTURE.md, for eslint-plugin-boundaries (v7). An element is a folder; a file
 * belongs to the first element whose pattern matches it (from the repository's root).
 */
const elements = [
  { type: 'schema', pattern: 'server/db/schema', partialMatch: false },
  { type: 'seed', pattern: 'server/db/seed', partialMatch: false },
  { type: 'module', pattern: 'server/modules/*', capture: ['module'], partialMatch: false },
  { type: 'platform', pattern: 'server/platform', partialMatch: false },
  { type: 'server-shell', pattern: 'server', partialMatch: false },
  { type: 'common', pattern: 'common', partialMatch: false },
  { type: 'web-feature', pattern: 'web/src/features/*', capture: ['feature'], partialMatch: false },
  { type: 'web-component', pattern: 'web/src/components', partialMatch: false },
  { type: 'web-api', pattern: 'web/src/api', partialMatch: false },
  { type: 'web-app', pattern: 'web/src/app', partialMatch: false },
  { type: 'harness', pattern: '{test,e2e,bench,scripts}', partialMatch: false },
];

/**
 * File categories, across elements (the first matching pattern only): tests, the schema's barrel, a domain's tables, the platform's
 * reader of session tables (auth.ts), the database handle (db.ts: Drizzle gets the whole schema), any other file.
 */
const fileCategories = [
  { category: 'test', pattern: '**/*.test.ts' },
  { category: 'barrel', pattern: 'server/db/schema/index.ts' },
  { category: 'tables', pattern: 'server/db/schema/*.ts', capture: ['domain'] },
  { category: 'session-reader', pattern: 'server/platform/auth.ts' },
  { category: 'database', pattern: 'server/platform/db.ts' },
  { category: 'source', pattern: '**/*' },
];

/** Tables of one domain (server/db/schema/<domain>.ts), never the barrel server/db/schema/index.ts. */
const tables = (/** @type {string} */ domain) => ({ element: { type: 'schema' }, file: { categories: 'tables', captured: { domain } } });
const element = (/** @type {string | string[]} */ types) => ({ element: { types } });
const notTest = { categories: '!test' };
const test = { categories: 'test' };

/**
 * Who may import whom. Allowed unless a later policy disallows (the last matching policy decides, and its message
 * is the error); anything no policy allows is an error (default: disallow). Imports inside one element are free.
 */
const boundaryPolicies = [
  // Server.
  { from: element('common'), allow: { to: element('common') } },
  { from: element('schema'), allow: { to: element(['schema', 'common']) } },
  { from: element('platform'), allow: { to: [element(['platform', 'common']), tables('{audit,settings,revision}')] } },
  { from: { element: { type: 'platform' }, file: { categories: 'session-reader' } }, allow: { to: tables('{accounts,orgunits}') } },
  { from: { element: { type: 'platform' }, file: { categories: 'database' } }, allow: { to: element('schema') } },
  {
    from: element('module'),
    allow: {
      to: [
        element(['platform', 'common']),
        { element: { type: 'module', fileInternalPath: 'index.ts' } },
        tables('{{ from.element.captured.module }}'),
      ],
    },
  },
  {
    from: element(['seed', 'server-shell']),
    allow: { to: [element(['platform', 'common', 'seed', 'schema']), { element: { type: 'module', fileInternalPath: 'index.ts' } }] },
  },
  // Tests read and check any domain's tables, drive other modules through their index, and use the harness; the
  // harness (test/, e2e/, bench/, scripts/) builds whole applications and databases.
  {
    from: { element: { types: ['module', 'platform', 'server-shell', 'seed'] }, file: test },
    allow: {
      to: [
        tables('*'),
        element(['platform', 'common', 'seed', 'server-shell', 'harness']),
        { element: { type: 'module', fileInternalPath: 'index.ts' } },
      ],
    },
  },
  { from: element('harness'), allow: { to: element('*') } },
  // Web.
  { from: element('web-feature'), allow: { to: element(['web-component', 'web-api', 'web-app', 'common']) } },
  { from: element('web-component'), allow: { to: element(['web-component', 'web-api', 'web-app', 'common']) } },
  { from: element('web-api'), allow: { to: element(['web-app', 'common']) } },
  { from: element('web-app'), allow: { to: element(['web-feature', 'web-component', 'web-api', 'common']) } },

  // The named prohibitions, with their reasons.
  {
    from: element('module'),
    disallow: { to: { element: { type: 'module', fileInternalPath: '!index.ts' } } },
    message: 'Use another module only through its index.ts.',
  },
  {
    from: { element: { type: 'module' }, file: notTest },
    disallow: {
      to: { element: { type: 'schema' }, file: { categories: 'tables', captured: { domain: '!{{ from.element.captured.module }}' } } },
    },
    message:
      "A module reads and writes only its own tables: use the owner's index.ts (a function or a read view) for another domain's data.",
  },
  {
    from: { element: { types: ['module', 'platform', 'server-shell', 'common'] }, file: { categories: '!database' } },
    disallow: { to: { element: { type: 'schema' }, file: { categories: 'barrel' } } },
    message: 'Import tables from their own domain file (db/schema/<domain>.ts), never from db/schema/index.ts.',
  },
  {
    from: { element: { type: 'platform' }, file: notTest },
    disallow: { to: element('module') },
    message: 'platform/ is below the modules: it imports none of them.',
  },
  {
    from: { element: { types: ['module', 'platform', 'server-shell', 'seed', 'schema', 'common'] }, file: notTest },
    disallow: { dependency: { nodeKind: 'dynamic-import' } },
    message: 'No dynamic import() across boundaries on the server: a static import keeps the dependency visible to lint.',
  },
  {
    from: element('web-feature'),
    disallow: { to: { element: { type: 'web-feature', captured: { feature: '!{{ from.element.captured.feature }}' } } } },
    message: 'A feature imports only its own files: what several features use belongs in web/src/components.',
  },
  {
    from: element(['web-component', 'web-api']),
    disallow: { to: element('web-feature') },
    message: 'Shared web code (components, api) never imports a feature.',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'server/db/migrations/**', 'server/db/seed/data/**', 'web/public/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs', 'bin/*.mjs', 'bench/*.mjs', 'test/lint/*.cjs'] },
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
        { patterns: [{ group: ['fastify', 'fastify-*', '@fastify/*'], message: 'Only *.routes.ts know Fastify.' }] },
      ],
    },
  },
  {
    files: ['server/modules/**/*.repo.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '\\.service\\.js$', message: 'Repositories hold queries only: they do not call services.' },
            { group: ['fastify', '@fastify/*'], message: 'Only *.routes.ts know Fastify.' },
          ],
        },
      ],
    },
  },
  {
    // Boundaries between the element types above (docs/ARCHITECTURE.md, "Rules"); test/lint/boundaries.test.ts
    // plants one violation of each and expects its error.
    files: ['server/**/*.ts', 'common/**/*.ts', 'web/src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/root-path': import.meta.dirname,
      'boundaries/elements': elements,
      'boundaries/files': fileCategories,
      'boundaries/files-single-match': true,
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
      'boundaries/legacy-templates': false,
      // './x.js' is ./x.ts (NodeNext), '../api/x' is ../api/x.ts (the web's bundler resolution).
      'import/resolver': { [path.join(import.meta.dirname, 'test/lint/ts-resolver.cjs')]: {} },
    },
    rules: { 'boundaries/dependencies': ['error', { default: 'disallow', policies: boundaryPolicies }] },
  },
  {
    // One clock (issue #13): dates and zones come from common/clock.ts (server: server/platform/clock.ts), never
    // from UTC string slicing or a hand-written offset. server/platform/clock.lint.test.ts plants each of these.
    files: ['server/**/*.ts', 'common/**/*.ts', 'web/src/**/*.{ts,tsx}', 'test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts'],
    ignores: ['common/clock.ts', 'common/clock.test.ts', 'server/platform/clock.lint.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          'CallExpression[callee.property.name=/^(slice|substring|substr|split)$/][callee.object.callee.property.name=/^(toISOString|toJSON)$/]',
          "MemberExpression[property.name='getTimezoneOffset']",
          // The process's or the browser's local zone is not the bureau's.
          'MemberExpression[property.name=/^(get|set)(FullYear|Month|Date|Day|Hours)$/]',
          'Literal[value=/[+-]08:?00\\b|^Asia.Shanghai$/]',
          'TemplateElement[value.raw=/[+-]08:00\\b|Asia.Shanghai/]',
          "BinaryExpression[operator='*'][left.value=8][right.value=3600000]",
          "BinaryExpression[operator='*'][left.value=8][right.value=3600]",
          "BinaryExpression[operator='*'][left.left.value=8][left.right.value=60]",
        ].map((selector) => ({
          selector,
          message:
            'Dates and zones come from the clock: today(), addDays/addMonths, startOfDay, dateTimeIn (server/platform/clock.ts, common/clock.ts), not toISOString().slice(0, 10) or a fixed offset such as +08:00.',
        })),
      ],
    },
  },
  {
    // Size (issue #13): no file over 400 lines, counting every line, and no function over 120.
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
      'max-lines-per-function': ['error', { max: 120, skipBlankLines: false, skipComments: false, IIFEs: true }],
    },
  },
  {
    // Data, not code: the seed (catalogues, demo register) and the message dictionaries.
    files: ['server/db/seed/**', 'common/messages.ts', 'web/src/**/messages*.ts'],
    rules: { 'max-lines': 'off', 'max-lines-per-function': 'off' },
  },
);
