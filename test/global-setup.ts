import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildTemplate, dropDatabase } from './db-template.js';

export default async function setup(project: TestProject) {
  // Project env applies to the workers, not to this process: read it from the project's config.
  const kind = project.config.env?.KC_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  let template: string;
  if (kind === 'pglite') {
    const dir = path.join(os.tmpdir(), 'kechuang-test');
    mkdirSync(dir, { recursive: true });
    template = path.join(dir, `template-${runId}.tar`);
  } else {
    template = `kc_tpl_${runId}`;
  }
  await buildTemplate(kind, template);
  project.provide('template', template);
  return async () => {
    if (kind === 'pglite') rmSync(template, { force: true });
    else await dropDatabase(template);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    template: string;
  }
}
