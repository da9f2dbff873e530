/**
 * Starts the app the way a person does (`node scripts/start.mjs`), in the browser shell,
 * on a temporary data folder, and hands back the address it prints. Every started process
 * group is killed on stop(), by stopAllWorkstations() (call it in afterEach/afterAll), and
 * at the latest when the test process exits, so a failing test leaves nothing running.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The address line: http://127.0.0.1:PORT/#k=SECRET on a line of its own. */
const URL_LINE = /^(http:\/\/127\.0\.0\.1:\d+\/#k=\S+)$/m;

export interface Workstation {
  /** The full address with the launch secret in the fragment. */
  url: string;
  /** The address without the secret. */
  origin: string;
  dataDir: string;
  /** What the process printed so far (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** A data folder to use (kept on stop); default: a fresh temporary one (removed on stop). */
  dataDir?: string;
  args?: string[];
  timeoutMs?: number;
}

const running = new Set<Workstation>();

export function newDataDir(prefix = 'ga-desk-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The same command line as `npm start`; GA_DESK_SHELL=browser so it never opens Electron. */
export function spawnLauncher(dataDir: string, args: string[] = []): ChildProcess {
  return spawn(process.execPath, [path.join(repoRoot, 'scripts', 'start.mjs'), '--data-dir', dataDir, '--port', '0', ...args], {
    cwd: repoRoot,
    env: { ...process.env, GA_DESK_SHELL: 'browser' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() also ends anything it spawned.
    detached: true,
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Resolves with the address once the launcher prints it; rejects if it exits or times out first. */
export function waitForUrl(child: ChildProcess, timeoutMs: number, log: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => finish(new Error(`no address printed within ${timeoutMs} ms; output:\n${log()}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = URL_LINE.exec(seen);
      if (match) finish(null, match[1]);
    };
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => finish(new Error(`the launcher exited (${signal ?? `code ${code}`}) before printing its address; output:\n${log()}`));
    function finish(err: Error | null, url?: string) {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (err) reject(err);
      else resolve(url!);
    }
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

export async function startWorkstation(options: StartOptions = {}): Promise<Workstation> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? newDataDir();
  const child = spawnLauncher(dataDir, options.args);
  let log = '';
  child.stdout?.on('data', (c: Buffer) => (log += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (log += c.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  let stopped: Promise<void> | null = null;
  const workstation: Workstation = {
    url: '',
    origin: '',
    dataDir,
    output: () => log,
    stop() {
      stopped ??= (async () => {
        running.delete(workstation);
        killGroup(child, 'SIGTERM');
        const timeout = new Promise<'late'>((resolve) => setTimeout(resolve, 5000, 'late').unref());
        if ((await Promise.race([exited, timeout])) === 'late') {
          killGroup(child, 'SIGKILL');
          await exited;
        }
        if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
  running.add(workstation);

  try {
    workstation.url = await waitForUrl(child, options.timeoutMs ?? 60_000, () => log);
  } catch (err) {
    await workstation.stop();
    throw err;
  }
  workstation.origin = new URL(workstation.url).origin;
  return workstation;
}

export async function stopAllWorkstations(): Promise<void> {
  await Promise.all([...running].map((w) => w.stop()));
}

// Last resort if a test run is torn down without its hooks: no orphaned servers.
process.once('exit', () => {
  for (const w of running) void w.stop();
});
