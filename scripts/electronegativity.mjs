#!/usr/bin/env node
// `npm run security` (first half): electronegativity over the Electron code (electron/). Fails on
// every finding that is not disabled inline, and on every inline disable that gives no
// reason: a justified false positive reads
//   // eng-disable CHECK_ID — why this is safe here
// on the line electronegativity points at (its documented way of disabling a check inline).
// One check is left out because it cannot run here: AvailableSecurityFixesGlobalCheck asks
// the internet for Electron's releases; keeping Electron current is the release routine's job
// (docs/packaging.md), not this offline check's.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import run from '@doyensec/electronegativity';

const ROOT = path.resolve(import.meta.dirname, '..');
export const INPUT = path.join(ROOT, 'electron');
const EXCLUDED = ['AvailableSecurityFixesGlobalCheck'];
const DISABLE = /(?:\/\/|\/\*)[ \t]*eng-disable[ \t]+([A-Z0-9_ \t]+)(.*)$/;

function electronVersion() {
  const installed = path.join(ROOT, 'node_modules/electron/package.json');
  if (fs.existsSync(installed)) return JSON.parse(fs.readFileSync(installed, 'utf8')).version;
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).devDependencies.electron.replace(/^[^\d]*/, '');
}

function* sources(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(file);
    else if (/\.(ts|tsx|js|mjs|cjs|html)$/.test(entry.name)) yield file;
  }
}

/** Inline disables that name checks but say nothing of why. */
export function unexplainedDisables(dir = INPUT) {
  const found = [];
  for (const file of sources(dir)) {
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const m = DISABLE.exec(line);
        if (m && !/\w{3}.*\w{3}/.test(m[2].replace(/\*\/\s*$/, ''))) found.push(`${path.relative(ROOT, file)}:${i + 1}`);
      });
  }
  return found;
}

export async function check(input = INPUT) {
  // Its progress bar and banner are for a terminal; the findings are what counts.
  const log = console.log;
  console.log = () => undefined;
  let result;
  try {
    result = await run({ input, excludeFromScan: EXCLUDED.map((c) => c.toLowerCase()), electronVersionOverride: electronVersion(), isRelative: true, parserPlugins: [] });
  } finally {
    console.log = log;
  }
  return { ...result, unexplained: unexplainedDisables(input) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await check();
  const broken = r.errors.filter((e) => !e.tolerable);
  for (const i of r.issues) console.error(`${i.id} (${i.severity.name}, ${i.confidence.name}) electron/${i.file}:${i.location.line}: ${i.description}`);
  for (const e of broken) console.error(`cannot parse ${e.file}: ${e.message}`);
  for (const u of r.unexplained) console.error(`${u}: an eng-disable comment must say why the check does not apply`);
  if (r.issues.length || broken.length || r.unexplained.length) {
    console.error(`electronegativity: ${r.issues.length} finding(s) not justified in a comment, ${r.unexplained.length} disable(s) without a reason.`);
    process.exit(1);
  }
  console.log(`electronegativity: no finding left (${r.atomicChecks} checks, ${r.globalChecks} global checks, Electron ${electronVersion()}).`);
}
