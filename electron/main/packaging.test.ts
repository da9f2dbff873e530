/**
 * Packaging cannot run here (it downloads Electron), so these check what can be checked
 * offline: electron-builder accepts the configuration, the packaged app carries every
 * package the main bundle needs at run time, and the icon is usable.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { APP_ID } from './desk';

vi.mock('electron', async () => (await import('./testing/fake-electron')).fakeElectron);

const root = path.resolve(import.meta.dirname, '..', '..');
const configFile = path.join(root, 'build', 'electron-builder.yml');
// electron-builder's own YAML reader and schema check (dependencies of electron-builder).
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(key: string, value: unknown): void }): Promise<void>;
};

interface BuilderConfig {
  appId: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  productName: string;
  directories: { output: string; buildResources: string };
}
const config = yaml.load(fs.readFileSync(configFile, 'utf8')) as BuilderConfig;

describe('the electron-builder configuration', () => {
  it("passes electron-builder's own schema check", async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it('names the product, rebuilds native modules while packaging and unpacks the SQLite module', () => {
    expect(config.productName).toBe('GA Desk 總務櫃檯');
    expect(config.appId).toBe(APP_ID);
    expect(config.directories.output).toBe('release');
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**/*.node');
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'db/migrations/**/*', 'package.json']));
  });

  it('keeps every package the Electron main bundle requires at run time', async () => {
    // Bundled as scripts/build.mjs does: only electron and better-sqlite3 stay outside.
    const out = await build({
      entryPoints: [path.join(root, 'electron', 'main', 'main.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron', 'better-sqlite3'],
      write: false,
      logLevel: 'silent',
    });
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    // ws (the sync client's poke socket) tries these native speed-ups inside try/catch and works without them.
    const optional = new Set(['bufferutil', 'utf-8-validate']);
    const required = new Set([...out.outputFiles[0].text.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]).filter((m) => !builtins.has(m) && !optional.has(m)));
    expect([...required].sort()).toEqual(['better-sqlite3', 'electron']);

    const keepPattern = config.files.find((f) => f.startsWith('!node_modules/!('));
    const kept = keepPattern?.match(/!\(([^)]+)\)/)?.[1].split('|') ?? [];
    // better-sqlite3 loads its compiled module through bindings, which needs file-uri-to-path.
    const needed = (name: string): string[] => {
      const pkg = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
      const runtime = Object.keys(pkg.dependencies ?? {}).filter((d) => d !== 'prebuild-install');
      return [name, ...runtime.flatMap(needed)];
    };
    expect(kept.sort()).toEqual([...new Set(needed('better-sqlite3'))].sort());
  });
});

describe('the icon', () => {
  it('is a 512×512 RGBA PNG in build/', () => {
    const png = fs.readFileSync(path.join(root, 'build', 'icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20), png[24], png[25]]).toEqual([512, 512, 8, 6]);
  });
});
