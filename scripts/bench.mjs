#!/usr/bin/env node
// npm run bench -- NAME [args…]: runs bench/NAME.ts with tsx. Benchmarks stay out of npm test.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const available = readdirSync(benchDir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

const [name, ...rest] = process.argv.slice(2);
if (!name || !available.includes(name)) {
  if (name) console.error(`No benchmark called "${name}".`);
  console.error(`Usage: npm run bench -- NAME\nAvailable: ${available.join(', ') || '(none)'}`);
  process.exit(name ? 1 : 2);
}

const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const run = spawnSync(process.execPath, [tsx, path.join(benchDir, `${name}.ts`), ...rest], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
