#!/usr/bin/env node
// The end-to-end tests drive real Chromium; a missing browser must fail loudly, never skip.
// Prints the path it found (other scripts may use it) or how to install one.
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);

export function findChromium() {
  for (const candidate of CHROMIUM_CANDIDATES) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next one
    }
  }
  return null;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const found = findChromium();
  if (!found) {
    console.error(`Chromium not found (looked at ${CHROMIUM_CANDIDATES.join(', ')}): install it with \`apt-get install -y chromium fonts-noto-cjk\` or set CHROMIUM_PATH.`);
    process.exit(1);
  }
  console.log(`Chromium: ${found}`);
}
