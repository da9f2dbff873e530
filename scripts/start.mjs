#!/usr/bin/env node
/**
 * `npm start [-- --data-dir DIR --port N --server URL]`: builds what is stale, then runs
 * the app in Electron when its binary is installed, otherwise serves it to a browser from
 * 127.0.0.1 (the browser shell) in this same process, which prints the address to open.
 *
 * Electron's package fetches its binary on first use. That download is tried only when
 * its host answers at once, and a failure is remembered for a day, so a machine without
 * access (our build machines) starts at once instead of waiting on the network each time.
 * GA_DESK_SHELL=browser serves to a browser even where Electron is installed.
 */
import { spawn, spawnSync } from 'node:child_process';
import dns from 'node:dns/promises';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const electronDir = path.join(root, 'node_modules', 'electron');
const failedMarker = path.join(root, 'node_modules', '.cache', 'ga-desk', 'electron-download-failed.json');
const RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/** The Electron executable, if installed, as node_modules/electron/index.js would find it. */
function installedElectron() {
  let name = null;
  try {
    name = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8').trim();
  } catch {
    // not downloaded yet
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!name && !override) return null;
  const bin = path.join(override || path.join(electronDir, 'dist'), name || 'electron');
  return fs.existsSync(bin) ? bin : null;
}

function electronVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

/** Resolves true when host:443 accepts a connection within the time given. */
async function answersQuickly(host, ms) {
  const timeout = new Promise((resolve) => setTimeout(resolve, ms, false).unref());
  const attempt = dns.lookup(host).then(
    ({ address }) =>
      new Promise((resolve) => {
        const socket = net.connect({ host: address, port: 443 });
        const done = (ok) => {
          socket.destroy();
          resolve(ok);
        };
        socket.once('connect', () => done(true));
        socket.once('error', () => done(false));
        setTimeout(() => done(false), ms).unref();
      }),
    () => false,
  );
  return Promise.race([attempt, timeout]);
}

/** Fetches the binary with Electron's own installer, but only where that can't hang. */
async function downloadElectron(version) {
  try {
    const failed = JSON.parse(fs.readFileSync(failedMarker, 'utf8'));
    if (failed.version === version && Date.now() - failed.at < RETRY_AFTER_MS) return null;
  } catch {
    // never failed before
  }
  const mirror = process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror || 'https://github.com/';
  let ok = false;
  if (await answersQuickly(new URL(mirror).hostname, 1500)) {
    console.log(`Downloading Electron ${version} (once)…`);
    ok = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: 'inherit' }).status === 0;
  }
  if (ok) return installedElectron();
  fs.mkdirSync(path.dirname(failedMarker), { recursive: true });
  fs.writeFileSync(failedMarker, JSON.stringify({ version, at: Date.now() }));
  return null;
}

function runElectron(bin) {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  // The project folder: Electron reads the app's name and its main (dist/electron/main.cjs) from package.json.
  const child = spawn(bin, [root, ...args], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

async function main() {
  const results = await buildAll();
  const version = electronVersion();
  const wantElectron = process.env.GA_DESK_SHELL !== 'browser' && version !== null;
  let bin = wantElectron ? installedElectron() : null;
  if (wantElectron && !bin) bin = await downloadElectron(version);

  if (bin && results['electron-main'] !== 'skipped') return runElectron(bin);

  if (results['browser-shell'] === 'skipped') throw new Error('the browser shell entry electron/browser-shell/main.ts is missing');
  const why =
    process.env.GA_DESK_SHELL === 'browser' ? 'GA_DESK_SHELL=browser is set' : !bin ? 'Electron is not available on this machine' : 'the Electron entry (electron/main/main.ts) is not there yet';
  console.log(`${why}: the app is served to a browser instead.`);
  createRequire(import.meta.url)(path.join(root, 'dist', 'browser-shell.cjs'));
}

main().catch((err) => {
  console.error(`ga-desk: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
