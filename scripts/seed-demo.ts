/**
 * Loads the demo data into a new data folder before the app first opens it:
 * `npm run seed-demo -- --data-dir DIR`. Refuses a folder that already has data.
 */
import { OptionError, parseShellOptions } from '../electron/cli-options';
import { Workstation } from '../electron/backend/workstation';
import { loadDemo } from '../electron/backend/demo/load';
import { renderProblem } from '../electron/backend/mutation-runner';
import { DEMO_USERS } from '../electron/backend/demo/people';

async function main(argv: readonly string[]): Promise<number> {
  let dataDir: string;
  try {
    dataDir = parseShellOptions(argv).dataDir;
  } catch (err) {
    if (!(err instanceof OptionError)) throw err;
    console.error(`seed-demo: ${err.message}`);
    return 2;
  }
  const started = Date.now();
  const ws = new Workstation({ dataDir, shell: 'browser', backupEveryMinutes: 0 });
  try {
    const result = await loadDemo(ws);
    if (!result.ok) {
      console.error(`seed-demo: ${dataDir}: ${renderProblem(result.problem, 'en')}.`);
      console.error('seed-demo: nothing was changed; choose a new folder with --data-dir.');
      return 1;
    }
    console.log(`seed-demo: loaded ${result.records} demo records into ${dataDir} in ${Date.now() - started} ms.`);
    console.log(`seed-demo: demo users: ${DEMO_USERS.map((u) => u.username).join(', ')} (passwords in electron/backend/demo/README.md).`);
    return 0;
  } finally {
    ws.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    console.error('seed-demo: failed:', err);
    process.exit(1);
  },
);
