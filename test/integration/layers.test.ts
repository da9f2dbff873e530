/**
 * The layer rules of eslint.config.js must keep firing: each case lints a one-line file
 * placed (by name only, nothing is written) in a layer's folder and checks that the
 * import is refused — or, for the allowed ones, that it is not.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

async function layerProblems(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  expect(result.messages.filter((m) => m.fatal)).toEqual([]);
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const refused: [file: string, specifier: string][] = [
  ['domain/x.ts', '../db/open'],
  ['domain/x.ts', '../electron/backend/workstation'],
  ['domain/x.ts', '../server/main'],
  ['domain/x.ts', '../renderer/app/api'],
  ['domain/x.ts', 'node:fs'],
  ['domain/x.ts', 'fs'],
  ['domain/x.ts', 'lodash'],
  ['domain/mutations/x.ts', '../../db/schema'],
  ['domain/x.test.ts', '../db/open'],
  ['db/x.ts', '../electron/backend/workstation'],
  ['db/x.ts', '../server/main'],
  ['db/x.ts', '../renderer/app/api'],
  ['electron/backend/x.ts', 'electron'],
  ['electron/backend/x.ts', '../main/window'],
  ['electron/backend/x.ts', '../preload/index'],
  ['electron/backend/x.ts', '../../renderer/app/api'],
  ['electron/backend/x.ts', '../../server/main'],
  ['electron/backend/handlers/x.ts', '../../main/window'],
  ['renderer/app/x.tsx', 'node:fs'],
  ['renderer/app/x.tsx', 'fs'],
  ['renderer/app/x.tsx', 'path'],
  ['renderer/app/x.tsx', 'better-sqlite3'],
  ['renderer/app/x.tsx', 'drizzle-orm/sqlite-core'],
  ['renderer/app/x.tsx', 'ws'],
  ['renderer/app/x.tsx', 'exceljs'],
  ['renderer/app/x.tsx', '../../db/schema'],
  ['renderer/app/x.tsx', '../../electron/backend/workstation'],
  ['renderer/app/x.tsx', '../../server/main'],
  ['renderer/x.tsx', '../db/schema'],
  ['renderer/settings/places/x.test.tsx', '../../../db/schema'],
  // One desk never reaches into another, nor the shell and the shared parts into a desk.
  ['renderer/maintenance/x.tsx', '../venues/BookingDrawer'],
  ['renderer/venues/calendar/x.tsx', '../../maintenance/store'],
  ['renderer/venues/x.test.tsx', '../settings/SettingsPage'],
  ['renderer/shell/x.tsx', '../maintenance/store'],
  ['renderer/app/x.ts', '../venues/data'],
  ['renderer/components/time-grid/x.tsx', '../../venues/store'],
  ['renderer/venues/x.tsx', '../../db/schema'],
  ['renderer/venues/x.tsx', 'node:fs'],
  ['server/x.ts', '../electron/backend/workstation'],
  ['server/x.ts', '../renderer/app/api'],
  ['server/storage/x.ts', '../../electron/backend/workstation'],
  // Test support is for tests: the code that ships never reaches it.
  ['server/x.ts', '../test/support/server-harness'],
  ['electron/backend/handlers/x.ts', '../../../test/support/venue-desk'],
  ['db/x.ts', '../bench/support/venues-data'],
  ['renderer/app/x.tsx', '../../test/support/fresh-db'],
];

const allowed: [file: string, specifier: string][] = [
  ['domain/x.ts', 'zod'],
  ['domain/x.ts', 'date-fns'],
  ['domain/x.ts', '@date-fns/tz'],
  ['domain/x.ts', './dates'],
  ['domain/mutations/x.ts', '../entities'],
  ['domain/x.test.ts', 'vitest'],
  ['domain/x.test.ts', 'node:fs'],
  ['db/x.ts', '../domain/api'],
  ['db/x.ts', 'better-sqlite3'],
  ['electron/backend/x.ts', '../../db/open'],
  ['electron/backend/x.ts', '../../domain/api'],
  ['electron/backend/x.ts', 'node:fs'],
  ['renderer/app/x.tsx', '../../domain/api'],
  ['renderer/app/x.tsx', 'react'],
  ['renderer/app/x.tsx', 'antd'],
  ['renderer/app/x.tsx', './i18n'],
  // A renderer sub-folder that happens to be called db is the renderer's own.
  ['renderer/app/x.tsx', '../db/cache'],
  ['renderer/desks.tsx', './venues/desk'],
  ['renderer/venues/x.tsx', '../components/time-grid/TimeGrid'],
  ['renderer/maintenance/tickets/x.tsx', '../../app/mutate'],
  ['renderer/venues/x.tsx', './calendar/columns'],
  ['server/x.ts', '../db/open'],
  ['server/x.ts', '../domain/api'],
  ['server/x.ts', 'fastify'],
  ['server/x.test.ts', '../test/support/server-harness'],
  ['electron/backend/handlers/x.test.ts', '../../../test/support/ticket-desk'],
];

describe('layer rules', () => {
  it.each(refused)('%s may not import %s', async (file, specifier) => {
    expect(await layerProblems(file, `import '${specifier}';\n`)).toHaveLength(1);
    expect(await layerProblems(file, `export * from '${specifier}';\n`)).toHaveLength(1);
  });

  it.each(allowed)('%s may import %s', async (file, specifier) => {
    expect(await layerProblems(file, `import '${specifier}';\n`)).toEqual([]);
  });

  it('names the layer rule in the message', async () => {
    const [message] = await layerProblems('renderer/app/x.tsx', "import { openDb } from '../../db/open';\nexport { openDb };\n");
    expect(message).toMatch(/renderer\/.*db\//);
  });
});
