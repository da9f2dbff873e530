/**
 * The period business report from the command line, for a supervisor's scheduled job and
 * for checks: `npm run report -- --data-dir DIR --from 110/09/01 --to 111/01/31 [--year 111] [--json]`
 * prints each figure as `report.<name>: value` (or the same as JSON). The data folder is
 * opened read-only. A date it cannot read is an error naming it, with exit code 2.
 */
import path from 'node:path';
import { ROC_OFFSET } from '../domain/dates';
import { parsePeriod, ReportPeriodError } from '../domain/report/period';
import { reportOfDataDir } from '../electron/backend/report';

class UsageError extends Error {}

interface ReportOptions {
  dataDir: string;
  from: string;
  to?: string;
  year?: number;
  json: boolean;
}

function parseArgs(argv: readonly string[]): ReportOptions {
  const o: Partial<ReportOptions> = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--data-dir') o.dataDir = path.resolve(value());
    else if (flag === '--from') o.from = value();
    else if (flag === '--to') o.to = value();
    else if (flag === '--json') o.json = true;
    else if (flag === '--year') {
      const v = value();
      if (!/^\d{2,4}$/.test(v)) throw new UsageError(`--year: not a year: "${v}" (write the ROC year, e.g. 111)`);
      const n = Number(v);
      o.year = n > ROC_OFFSET ? n : n + ROC_OFFSET;
    } else throw new UsageError(`unknown option ${arg}`);
  }
  if (!o.dataDir) throw new UsageError('--data-dir DIR is required');
  if (!o.from) throw new UsageError('--from DATE is required (an ROC date such as 110/09/01, a month, a quarter or a half-year)');
  return o as ReportOptions;
}

async function main(argv: readonly string[]): Promise<number> {
  let opts: ReportOptions;
  let period;
  try {
    opts = parseArgs(argv);
    period = parsePeriod(opts.from, opts.to ?? opts.from);
  } catch (err) {
    if (!(err instanceof UsageError || err instanceof ReportPeriodError)) throw err;
    console.error(`report: ${err.message}`);
    console.error('usage: npm run report -- --data-dir DIR --from 110/09/01 --to 111/01/31 [--year 111] [--json]');
    return 2;
  }
  const report = await reportOfDataDir(opts.dataDir, period, opts.year);
  if (opts.json) {
    console.log(JSON.stringify({ from: report.period.from, to: report.period.to, year: report.year - ROC_OFFSET, report: report.lines }, null, 2));
  } else {
    for (const [name, value] of Object.entries(report.lines)) console.log(`report.${name}: ${value}`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`report: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
