/**
 * Real processes for the fault tests: the sync server (server/main.ts) and a workstation
 * backend (desk-process.ts), each bundled once with esbuild into a temporary folder so a
 * restart takes a fraction of a second, and killed with SIGKILL as a crash would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

let bundleDir: string | undefined;

/** Bundles `entry` (relative to the repository) into a CommonJS file; the workstation's migrations go beside it. */
export async function bundle(entry: string, name: string): Promise<string> {
  if (!bundleDir) {
    bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ga-sync-bundles-'));
    // db/open.ts looks for its migrations beside the bundle.
    fs.cpSync(path.join(repoRoot, 'db', 'migrations'), path.join(bundleDir, 'migrations'), { recursive: true });
  }
  const outfile = path.join(bundleDir, `${name}.cjs`);
  const esbuild = await import('esbuild');
  await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['better-sqlite3', 'pg-native', 'bufferutil', 'utf-8-validate', '@electric-sql/pglite', 'electron'],
    define: { 'import.meta.url': '__bundle_url' },
    banner: { js: "const __bundle_url = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'warning',
  });
  return outfile;
}

export function removeBundles(): void {
  if (bundleDir) fs.rmSync(bundleDir, { recursive: true, force: true });
  bundleDir = undefined;
}

export interface Proc {
  child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with the first line matching `re` (rejects if the process ends first). */
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill9(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

/** Runs a bundled script with node (or, with nodeArgs ['--import', 'tsx'], a TypeScript file); packages it left out (better-sqlite3) come from the repository. */
export function run(file: string, args: string[], env: Record<string, string> = {}, nodeArgs: string[] = []): Proc {
  const child = spawn(process.execPath, [...nodeArgs, file, ...args], {
    cwd: repoRoot,
    env: { ...process.env, NODE_PATH: path.join(repoRoot, 'node_modules'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const l of listeners) l();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      live.delete(child);
      for (const l of listeners) l();
      resolve({ code, signal });
    }),
  );
  return {
    child,
    output: () => out,
    exited,
    waitFor(re, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = re.exec(out);
          if (m) return finish(null, m);
          if (child.exitCode !== null || child.signalCode !== null) finish(new Error(`process ended (${child.signalCode ?? child.exitCode}) before ${re}; output:\n${out.slice(-3000)}`));
        };
        const timer = setTimeout(() => finish(new Error(`no ${re} within ${timeoutMs} ms; output:\n${out.slice(-3000)}`)), timeoutMs);
        function finish(err: Error | null, m?: RegExpMatchArray) {
          clearTimeout(timer);
          listeners.delete(check);
          if (err) reject(err);
          else resolve(m!);
        }
        listeners.add(check);
        check();
      });
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/**
 * A plain HTTP relay in front of a server process that counts the pushes passing through
 * and how many are still waiting for their reply (the server is processing them). It
 * takes no WebSocket: a workstation behind it polls instead of being poked.
 */
export class PushWatch {
  private server: http.Server | null = null;
  port = 0;
  pushes = 0;
  inFlight = 0;

  constructor(private readonly target: () => number) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const isPush = req.url === '/push';
      if (isPush) {
        this.pushes += 1;
        this.inFlight += 1;
      }
      let done = false;
      const finish = () => {
        if (isPush && !done) this.inFlight -= 1;
        done = true;
      };
      const upstream = http.request({ host: '127.0.0.1', port: this.target(), method: req.method, path: req.url, headers: req.headers }, (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
        reply.on('end', finish);
      });
      upstream.on('error', () => {
        finish();
        req.socket.destroy();
      });
      req.pipe(upstream);
      // A request cut off half-sent never reaches the server's handler.
      req.on('close', () => {
        if (!req.complete) upstream.destroy();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return `http://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
