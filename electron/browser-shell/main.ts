/**
 * Runs the browser shell from the command line (`npm start` falls back to it where the
 * Electron binary is missing): `--data-dir DIR --port N --server URL`. Prints the address
 * to open, secret included, on a line of its own so scripts and tests can pick it up.
 */
import { version } from '../../package.json';
import { OptionError, parseShellOptions } from '../cli-options';
import { startBrowserShell } from './host';

async function main(argv: readonly string[]): Promise<void> {
  let options;
  try {
    options = parseShellOptions(argv);
  } catch (err) {
    if (!(err instanceof OptionError)) throw err;
    console.error(`ga-desk: ${err.message}`);
    process.exit(2);
  }

  let shell;
  try {
    shell = await startBrowserShell({ ...options, version });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') console.error(`ga-desk: port ${options.port} is already in use; choose another with --port or leave it out.`);
    else console.error(`ga-desk: could not start: ${e.message}`);
    process.exit(1);
  }

  console.log(`GA Desk is serving the data folder ${options.dataDir}. Open this address in a browser (Ctrl+C stops it):`);
  console.log(shell.url);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130); // a second Ctrl+C: don't wait any longer
    stopping = true;
    shell
      .close()
      .then(() => process.exit(0))
      .catch((err) => {
        console.error(`ga-desk: error while stopping on ${signal}:`, err);
        process.exit(1);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main(process.argv.slice(2));
