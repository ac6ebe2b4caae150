/* eslint-disable @typescript-eslint/no-require-imports -- eslint-module-utils loads a resolver with require(). */
// An import resolver for eslint-plugin-boundaries (eslint-module-utils interface v2): TypeScript sources are
// imported with the extension they compile to ('./x.js' is ./x.ts or ./x.tsx), and the web imports them without
// one ('../api/projects'). Packages are left to eslint-import-resolver-node.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const node = require('eslint-import-resolver-node');

const isFile = (p) => {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

function candidates(abs) {
  const ext = path.extname(abs);
  if (ext === '.js' || ext === '.jsx') {
    const stem = abs.slice(0, -ext.length);
    return [`${stem}.ts`, `${stem}.tsx`, abs];
  }
  if (ext === '.mjs' || ext === '.cjs' || ext === '.json' || ext === '.css' || ext === '.ts' || ext === '.tsx') return [abs];
  return [`${abs}.ts`, `${abs}.tsx`, path.join(abs, 'index.ts'), path.join(abs, 'index.tsx'), `${abs}.js`, abs];
}

module.exports = {
  interfaceVersion: 2,
  resolve(source, file, config) {
    if (source.startsWith('.') || path.isAbsolute(source)) {
      const abs = path.resolve(path.dirname(file), source);
      for (const c of candidates(abs)) if (isFile(c)) return { found: true, path: c };
      return { found: false };
    }
    return node.resolve(source, file, config);
  },
};
