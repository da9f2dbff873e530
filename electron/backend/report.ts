/**
 * The period report read straight from a workstation's database: every desk's figures
 * calls (domain/desks.ts, each desk's `report` section) answered by the desks' own
 * handlers. The report command opens the data folder read-only with this; the report
 * desk's screens make the same calls through Workstation#call.
 */
import path from 'node:path';
import { apiCalls } from '../../domain/api';
import { DESK_MODULES } from '../../domain/desks';
import { periodReport, type PeriodReport, type ReportSite } from '../../domain/report/compute';
import type { ReportPeriod } from '../../domain/report/period';
import type { FigureArgs } from '../../domain/report/section';
import { openDbReadOnly, type Db } from '../../db/open';
import { deskHandlers } from './desks';
import type { Workstation } from './workstation';

/** The sites the figures are given for, as the report names them. */
export function reportSites(db: Db): ReportSite[] {
  return db.$client.prepare('SELECT id, code, name_zh AS nameZh, name_en AS nameEn FROM site WHERE archived = 0 ORDER BY code').all() as ReportSite[];
}

type FiguresHandler = (ws: Pick<Workstation, 'db'>, args: FigureArgs) => unknown;

/** Answers the report from a database through the desks' figures handlers (arguments checked by the calls' own schemas). */
export function reportOf(db: Db, period: ReportPeriod, year?: number): Promise<PeriodReport> {
  const ws = { db };
  const call = async (name: string, args: FigureArgs) => {
    const def = (apiCalls as Record<string, { args: { parse: (a: unknown) => unknown } }>)[name];
    const handler = (deskHandlers as unknown as Record<string, FiguresHandler>)[name];
    if (!def || !handler) throw new Error(`no figures call ${name}`);
    return handler(ws, def.args.parse(args) as FigureArgs);
  };
  return periodReport(DESK_MODULES, call, reportSites(db), period, year);
}

/** Opens a data folder read-only and answers the report. */
export async function reportOfDataDir(dataDir: string, period: ReportPeriod, year?: number): Promise<PeriodReport> {
  const db = openDbReadOnly(path.join(dataDir, 'workstation.sqlite'));
  try {
    return await reportOf(db, period, year);
  } finally {
    db.$client.close();
  }
}
