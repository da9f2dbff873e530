// Lint for the whole repository, including THE LAYER RULES of the design (which folder may
// import which). test/integration/layers.test.ts proves each layer rule still fires.
// No type-aware rules: on 2 cores they doubled the lint time, and `npm run typecheck`
// already builds the programs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const SOURCE = '{ts,tsx,mts,cts,js,mjs,cjs,jsx}';
const TESTS = ['**/*.test.*', '**/*.e2e.test.*'];

// Relative imports are the only way to reach another folder (no path aliases). A file
// N folders deep reaches a folder by going up to a common ancestor and down again, e.g.
// electron/backend/x.ts reaches electron/main as ../main or ../../electron/main. Spelling
// out each exact way keeps a renderer sub-folder that happens to be called "db" unflagged.
const MAX_DEPTH = 8;
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function waysInto(fileDir, target) {
  const ways = [];
  for (let up = 1; up <= fileDir.length; up++) {
    const ancestor = fileDir.slice(0, fileDir.length - up);
    const targetParts = target.split('/');
    if (ancestor.every((part, i) => targetParts[i] === part)) ways.push('../'.repeat(up) + targetParts.slice(ancestor.length).join('/'));
  }
  return `^(\\./)?(${ways.map(escape).join('|')})(/|$)`;
}

const NODE_BUILTIN = { regex: '^node:', message: 'Node built-ins are not allowed in this layer.' };
const pkg = (names, message) => ({ regex: `^(${names.map(escape).join('|')})(/|$)`, message });

/** The renderer as a whole: its sub-folders below add their own rules to these. */
const RENDERER = {
  folder: 'renderer',
  why: 'renderer/ sees domain/ and window.api only: no Node, no database, no backend.',
  folders: ['db', 'electron', 'server', 'scripts'],
  packages: [
    NODE_BUILTIN,
    pkg(['better-sqlite3', 'drizzle-orm', 'ws', 'exceljs', 'fs', 'path', 'electron-updater'], 'renderer/ must not import Node or database packages; ask the backend through window.api.'),
  ],
};

/** The desks' folders under renderer/ (each also declared in renderer/desks.tsx). */
const RENDERER_DESKS = ['maintenance', 'venues', 'parking', 'vehicles', 'settings'];

/**
 * The layers. `folder` is the top-level path the rule covers; `folders` the top-level
 * folders it may not reach; `packages` bare-specifier patterns it may not import (they
 * apply to production code only — tests beside the code may use vitest and node:*).
 */
const LAYERS = [
  {
    folder: 'domain',
    why: 'domain/ is pure: it imports only itself, zod, date-fns and @date-fns/tz.',
    folders: ['db', 'electron', 'server', 'renderer', 'scripts', 'test', 'bench'],
    packages: [
      NODE_BUILTIN,
      {
        regex: '^(?!\\.{1,2}(/|$)|node:|zod(/|$)|date-fns(/|$)|@date-fns/tz(/|$))',
        message: 'domain/ may import only zod, date-fns and @date-fns/tz besides its own files.',
      },
    ],
  },
  {
    folder: 'db',
    why: 'db/ imports domain/ only, never the shells or the screens.',
    folders: ['electron', 'server', 'renderer'],
    packages: [],
  },
  {
    folder: 'electron/backend',
    why: "electron/backend/ is the workstation core: it runs outside Electron too, so never 'electron', the main/preload layer, the screens or the server.",
    folders: ['electron/main', 'electron/preload', 'renderer', 'server'],
    packages: [
      pkg(['electron'], "electron/backend/ must not import 'electron' (it also runs in the browser shell and in tests)."),
      pkg(['electron-updater'], 'electron-updater runs in the Electron main process only (electron/main/updates.ts).'),
    ],
  },
  RENDERER,
  {
    folder: 'server',
    why: 'server/ imports domain/ (and db/), never the workstation shells or the screens.',
    folders: ['electron', 'renderer'],
    packages: [pkg(['electron-updater'], 'electron-updater runs in the Electron main process only (electron/main/updates.ts).')],
  },
  // Inside the renderer: a desk reaches the others only through the registry
  // (renderer/desks.tsx), and the shell and the shared parts reach no desk at all.
  ...RENDERER_DESKS.map((desk) => ({
    folder: `renderer/${desk}`,
    why: `renderer/${desk}/ is one desk: it uses renderer/app/ and renderer/components/, never another desk`,
    folders: [...RENDERER.folders, ...RENDERER_DESKS.filter((d) => d !== desk).map((d) => `renderer/${d}`)],
    packages: RENDERER.packages,
  })),
  ...['shell', 'app', 'components'].map((part) => ({
    folder: `renderer/${part}`,
    why: `renderer/${part}/ serves every desk, so it knows none: it reads the desks from renderer/desks.tsx`,
    folders: [...RENDERER.folders, ...RENDERER_DESKS.map((d) => `renderer/${d}`)],
    packages: RENDERER.packages,
  })),
];

/** Test support and benchmarks: reached from tests only, never from the code that ships. */
const TEST_ONLY = ['test', 'bench'];

/** One config block per depth below the layer's folder, so the ../ count is exact. */
function layerBlocks({ folder, why, folders, packages }) {
  const blocks = [];
  for (let extra = 0; extra < MAX_DEPTH; extra++) {
    // Sub-folder names do not matter: no target lies inside the layer's own folder.
    const fileDir = [...folder.split('/'), ...Array(extra).fill('\0')];
    const dir = `${folder}/${'*/'.repeat(extra)}`;
    const folderPatterns = folders.map((f) => ({ regex: waysInto(fileDir, f), message: `${why} (it reaches ${f}/)` }));
    const testOnly = TEST_ONLY.filter((f) => !folders.includes(f)).map((f) => ({ regex: waysInto(fileDir, f), message: `${folder}/ code that ships may not use ${f}/; only its tests may.` }));
    blocks.push({
      files: [`${dir}*.${SOURCE}`],
      ignores: TESTS,
      rules: { 'no-restricted-imports': ['error', { patterns: [...folderPatterns, ...testOnly, ...packages] }] },
    });
    // Tests beside the code keep the folder rules but may use vitest, node:* and fixtures.
    blocks.push({
      files: TESTS.map((t) => `${dir}${t.replace('**/', '')}`),
      rules: { 'no-restricted-imports': ['error', { patterns: folderPatterns }] },
    });
  }
  return blocks;
}

export default tseslint.config(
  {
    ignores: ['dist/', 'release/', 'node_modules/', 'test/output/', 'bench/output/', 'db/migrations/', '.data/', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts'],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: [`**/*.${SOURCE}`],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: [`**/*.${SOURCE}`],
    ignores: [`renderer/**`],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The two classic hook rules only: the plugin's React Compiler rules ran the compiler over
    // every component and took four fifths of the whole lint time on 2 cores.
    files: [`renderer/**/*.${SOURCE}`],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
    languageOptions: { globals: { ...globals.browser } },
  },
  ...LAYERS.flatMap(layerBlocks),
);
