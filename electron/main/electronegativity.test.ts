import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { tempDir } from '../../test/support/fresh-db';
import { check } from '../../scripts/electronegativity.mjs';
import { verdict } from '../../scripts/audit.mjs';

const WINDOW = `import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ width: 800, webPreferences: { nodeIntegration: true } });\n`;

it('finds nothing in the Electron code that is not justified in a comment', async () => {
  const r = await check();
  expect(r.issues.map((i) => `${i.id} ${i.file}:${i.location.line}`)).toEqual([]);
  expect(r.unexplained).toEqual([]);
  expect(r.errors.filter((e) => !e.tolerable)).toEqual([]);
}, 120_000);

it('fails a window made without the hardened preferences, and a disable that gives no reason', async () => {
  const dir = tempDir('ga-eneg-');
  fs.writeFileSync(path.join(dir, 'window.ts'), WINDOW);
  const open = await check(dir);
  expect(open.issues.map((i) => i.id)).toEqual(expect.arrayContaining(['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK']));

  // Spelled in two parts so that this file holds no disable of its own.
  const disable = `// eng-${'disable'} NODE_INTEGRATION_JS_CHECK CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK`;
  fs.writeFileSync(path.join(dir, 'window.ts'), WINDOW.replace('});', `}); ${disable}`));
  const bare = await check(dir);
  // (Global checks, such as a whole app without a CSP, still speak of the fixture.)
  const local = (r: Awaited<ReturnType<typeof check>>) => r.issues.filter((i) => i.file !== 'N/A');
  expect(local(bare)).toEqual([]);
  expect(bare.unexplained).toEqual([expect.stringContaining('window.ts:2')]);

  fs.writeFileSync(path.join(dir, 'window.ts'), WINDOW.replace('});', `}); ${disable} — a fixture that never runs`));
  const justified = await check(dir);
  expect([local(justified), justified.unexplained]).toEqual([[], []]);
}, 120_000);

it('skips the dependency audit when the registry has no audit endpoint, and fails on a high advisory', () => {
  const refused = JSON.stringify({ message: '405 Method Not Allowed - POST …/-/npm/v1/security/advisories/bulk', statusCode: 405 });
  expect(verdict(refused)).toMatchObject({ kind: 'unreachable', reason: expect.stringContaining('405') });
  expect(verdict('')).toMatchObject({ kind: 'unreachable' });
  const counts = { info: 0, low: 1, moderate: 0, high: 1, critical: 0, total: 2 };
  const report = { vulnerabilities: { left: { severity: 'low' }, right: { severity: 'high' } }, metadata: { vulnerabilities: counts } };
  expect(verdict(JSON.stringify(report))).toEqual({ kind: 'fail', counts, bad: ['right (high)'] });
  expect(verdict(JSON.stringify({ vulnerabilities: {}, metadata: { vulnerabilities: { ...counts, high: 0, low: 0 } } }))).toMatchObject({ kind: 'pass' });
});
