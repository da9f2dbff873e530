/**
 * No module of ours imports itself round a loop (type-only imports aside: they vanish
 * from the build). A cycle makes the load order decide what is undefined at start, and
 * it is usually a sign that a shared part lives inside one of its users.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FOLDERS = ['domain', 'db', 'electron', 'server', 'renderer'];
const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return SOURCE.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/** The files a module loads at run time: relative imports and re-exports that are not type-only. */
function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  const statement = /^(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"](\.[^'"]+)['"]|^import\s+['"](\.[^'"]+)['"]/gm;
  for (const m of text.matchAll(statement)) {
    const spec = m[3] ?? m[4];
    if (m[1]) continue;
    // `import { type A, type B } from` loads nothing either.
    const names = m[2]?.match(/^\{([^}]*)\}$/)?.[1];
    if (names && names.split(',').every((n) => !n.trim() || n.trim().startsWith('type '))) continue;
    const base = path.resolve(path.dirname(file), spec);
    const target = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
    if (target && SOURCE.test(target)) out.push(target);
  }
  return out;
}

it('has no import cycle among the modules of domain, db, electron, server and renderer', () => {
  const files = FOLDERS.flatMap((f) => sourceFiles(path.join(root, f)));
  const graph = new Map(files.map((f) => [f, runtimeImports(f)]));
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => path.relative(root, f)).join(' → '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  expect(files.length).toBeGreaterThan(200);
  expect(cycles).toEqual([]);
});
