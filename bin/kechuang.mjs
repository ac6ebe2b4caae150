#!/usr/bin/env node
// The `kechuang` command: builds the server if needed, then runs the CLI.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--if-needed', 'server'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
await import(pathToFileURL(path.join(root, 'dist', 'server', 'cli', 'index.js')).href);
