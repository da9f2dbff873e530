#!/usr/bin/env node
/**
 * Builds everything the app runs from into dist/:
 *   dist/renderer/            the screens (vite, vite.config.ts)
 *   dist/browser-shell.cjs    the browser shell (loopback host for the screens)
 *   dist/electron/main.cjs    Electron's main process
 *   dist/electron/preload.cjs Electron's preload bridge
 * A step is skipped when nothing it was built from changed since: each step keeps a stamp
 * in dist/.stamps with the files it read (as the bundler reported them) and a hash of
 * their modification times and sizes. `--force` rebuilds everything.
 * Used by `npm run build` and by `npm start`, which says nothing when all is fresh.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const stampDir = path.join(dist, '.stamps');
/** Inputs of every step besides its own sources: the build itself and the installed packages. */
const SHARED_INPUTS = ['scripts/build.mjs', 'package-lock.json'];

// The preload runs sandboxed, where require() knows only 'electron' and a few modules:
// it gets no node:url banner.
const NODE_BUNDLES = [
  { step: 'browser-shell', entry: 'electron/browser-shell/main.ts', out: 'dist/browser-shell.cjs', importMeta: true },
  { step: 'electron-main', entry: 'electron/main/main.ts', out: 'dist/electron/main.cjs', importMeta: true },
  { step: 'electron-preload', entry: 'electron/preload/preload.ts', out: 'dist/electron/preload.cjs', importMeta: false },
];

function fingerprint(files) {
  const hash = crypto.createHash('sha256');
  for (const rel of [...files].sort()) {
    let st = null;
    try {
      st = fs.statSync(path.join(root, rel));
    } catch {
      // a vanished input makes the step stale
    }
    hash.update(`${rel}\0${st ? `${st.mtimeMs}\0${st.size}` : 'missing'}\n`);
  }
  return hash.digest('hex');
}

function isFresh(step, outputs) {
  if (!outputs.every((o) => fs.existsSync(path.join(root, o)))) return false;
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(stampDir, `${step}.json`), 'utf8'));
    return stamp.hash === fingerprint(stamp.inputs);
  } catch {
    return false;
  }
}

/** Our own source files among what a bundler read; packages are covered by package-lock.json. */
function ownInputs(files) {
  const inputs = new Set(SHARED_INPUTS);
  for (const f of files) {
    const clean = f.replace(/\?.*$/, '');
    if (clean.startsWith('\0') || clean.includes('\0')) continue;
    const rel = path.relative(root, path.resolve(root, clean)).split(path.sep).join('/');
    if (rel.startsWith('..') || rel.startsWith('node_modules/') || !fs.existsSync(path.join(root, rel))) continue;
    inputs.add(rel);
  }
  return [...inputs];
}

function writeStamp(step, inputs) {
  fs.mkdirSync(stampDir, { recursive: true });
  fs.writeFileSync(path.join(stampDir, `${step}.json`), JSON.stringify({ hash: fingerprint(inputs), inputs }, null, 1));
}

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

async function buildNode({ step, entry, out, importMeta }, { force, log }) {
  if (!fs.existsSync(path.join(root, entry))) {
    log(`build: ${entry} does not exist yet; ${out} skipped`);
    return 'skipped';
  }
  if (!force && isFresh(step, [out])) return 'fresh';
  log(`build: ${out}`);
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    external: ['electron', 'better-sqlite3'],
    // The bundle is CommonJS: give code that reads import.meta.url the bundle's own address.
    ...(importMeta && {
      define: { 'import.meta.url': '__bundle_url' },
      banner: { js: "const __bundle_url = require('node:url').pathToFileURL(__filename).href;" },
    }),
    metafile: true,
    logLevel: 'warning',
  });
  writeStamp(step, ownInputs(Object.keys(result.metafile.inputs)));
  return 'built';
}

async function buildRenderer({ force, log }) {
  const html = path.join(root, 'renderer', 'index.html');
  if (!fs.existsSync(html)) {
    log('build: renderer/index.html does not exist yet; dist/renderer skipped');
    return 'skipped';
  }
  if (!force && isFresh('renderer', ['dist/renderer/index.html'])) return 'fresh';
  log('build: dist/renderer');
  // A build started from a test runner inherits NODE_ENV=test, and React libraries then
  // build in their test mode (antd gives every component the same id): the app is always
  // built for production.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  const read = new Set();
  await build({
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn',
    plugins: [
      {
        name: 'ga-desk-build-inputs',
        apply: 'build',
        buildEnd() {
          for (const id of this.getModuleIds()) read.add(id);
        },
      },
    ],
  });
  // Files copied as they are (renderer/public) never pass through the bundler.
  for (const f of walk(path.join(root, 'renderer', 'public'))) read.add(f);
  writeStamp('renderer', ownInputs([...read, html, path.join(root, 'vite.config.ts')]));
  return 'built';
}

/** Builds what is stale. Returns what each step did: built, fresh or skipped. */
export async function buildAll({ force = false, log = console.log } = {}) {
  const results = {};
  const node = await Promise.all(NODE_BUNDLES.map((b) => buildNode(b, { force, log })));
  NODE_BUNDLES.forEach((b, i) => (results[b.step] = node[i]));
  results.renderer = await buildRenderer({ force, log });
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  buildAll({ force: process.argv.includes('--force') }).then(
    (results) => {
      const summary = Object.entries(results)
        .map(([step, what]) => `${step} ${what}`)
        .join(', ');
      console.log(`build: done in ${Date.now() - started} ms (${summary})`);
    },
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
