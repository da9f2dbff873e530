#!/usr/bin/env node
// `npm run security` (second half): the dependencies that ship (npm audit --omit=dev). Fails on a
// high or critical advisory. Where the registry does not answer audit requests (a mirror
// or proxy of the office, or no network), it says so and skips: an audit that cannot run
// is reported, never taken for a clean one.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');

/** What a reply of `npm audit --json` means: 'unreachable' when the endpoint gave no audit. */
export function verdict(stdout) {
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    return { kind: 'unreachable', reason: 'npm audit printed no report' };
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const why = report?.message ?? report?.error?.summary ?? 'no report';
    return { kind: 'unreachable', reason: String(why) };
  }
  const bad = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
    .map(([name, v]) => `${name} (${v.severity})`);
  return { kind: bad.length ? 'fail' : 'pass', counts, bad };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['audit', '--omit=dev', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  const v = r.error ? { kind: 'unreachable', reason: r.error.message } : verdict(r.stdout);
  if (v.kind === 'unreachable') {
    console.log(`dependency audit skipped: the registry's audit endpoint cannot be reached here (${v.reason}). Run \`node scripts/audit.mjs\` where it can.`);
    process.exit(0);
  }
  const c = v.counts;
  console.log(`dependency audit: ${c.critical} critical, ${c.high} high, ${c.moderate} moderate, ${c.low} low.`);
  if (v.kind === 'fail') {
    console.error(`High or critical advisories in shipped dependencies: ${v.bad.join(', ')}. See \`npm audit --omit=dev\`.`);
    process.exit(1);
  }
}
