/** The parking desk's reads: the permit list, the gate lookup and the period figures, in SQL over the workstation's tables. */
import { addDays, taipeiDateOf, type BusinessDate, type Locale } from '../../domain/dates';
import type { GateMatch } from '../../domain/parking/calls';
import { countsToward, parkingFigures, type ParkingFigureName, type ParkingFigures } from '../../domain/parking/figures';
import type { FigureRecords } from '../../domain/report/section';
import { normalizePlate } from '../../domain/plates';
import { expiresWithin, validOn } from '../../domain/parking/rules';
import { renewalId } from '../../domain/parking/renewal';
import type { Permit, PermitStatus, PermitType } from '../../domain/parking/types';
import type { Db } from '../open';
import { rowToRecord } from '../records';
import { prepared } from '../statements';
import { localized } from '../../domain/i18n';

export interface PermitFilter {
  siteId?: string;
  areaId?: string;
  agencyId?: string;
  types?: PermitType[];
  statuses?: PermitStatus[];
  text?: string;
  /** The reminder: valid permits in force today whose last day is within this many days, soonest first. */
  expiringWithin?: number;
  limit?: number;
}

export function listPermits(db: Db, f: PermitFilter, now = new Date()): Permit[] {
  const conds: string[] = [];
  const params: unknown[] = [];
  const where = (cond: string, ...values: unknown[]) => {
    conds.push(cond);
    params.push(...values);
  };
  if (f.siteId) where('site_id = ?', f.siteId);
  if (f.areaId) where('area_id = ?', f.areaId);
  if (f.agencyId) where('holder_agency_id = ?', f.agencyId);
  if (f.types?.length) where(`type IN (${f.types.map(() => '?').join(', ')})`, ...f.types);
  if (f.statuses?.length) where(`status IN (${f.statuses.map(() => '?').join(', ')})`, ...f.statuses);
  if (f.text?.trim()) {
    const text = f.text.trim();
    const plate = normalizePlate(text);
    conds.push(`(instr(number, ?) > 0 OR instr(holder_name, ?) > 0${plate ? ' OR id IN (SELECT permit_id FROM permit_plate WHERE instr(plate, ?) > 0)' : ''})`);
    params.push(text, text, ...(plate ? [plate] : []));
  }
  const days = f.expiringWithin;
  const today = taipeiDateOf(now);
  // The rule is expiresWithin's; the SQL only narrows to its range on the (status, valid_to) index.
  if (days !== undefined) where("status = 'valid' AND valid_to >= ? AND valid_to <= ? AND valid_from <= ?", today, addDays(today, days), today);
  const order = days !== undefined ? 'valid_to, number' : 'issued_on DESC, number DESC';
  const sql = `SELECT * FROM permit${conds.length ? ` WHERE ${conds.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ?`;
  params.push(f.limit ?? 5000);
  const permits = (prepared(db, sql).all(...params) as Record<string, unknown>[]).map((r) => rowToRecord('permit', r));
  if (days === undefined) return permits;
  const exists = prepared(db, 'SELECT 1 FROM permit WHERE id = ?');
  const renewed = (p: Permit) => p.type === 'annual' && p.year !== null && exists.get(renewalId(p.id, p.year + 1)) !== undefined;
  return permits.filter((p) => expiresWithin(p, today, days, renewed(p)));
}

/** How many permits the reminder lists (the desk's first screen says so). */
export function countExpiring(db: Db, days: number, siteId?: string, now = new Date()): number {
  return listPermits(db, { expiringWithin: days, siteId, limit: 50_000 }, now).length;
}

interface GateRow {
  plate: string;
  number: string;
  type: PermitType;
  site_id: string;
  area_id: string;
  valid_from: string;
  valid_to: string;
  status: PermitStatus;
  holder_agency_id: string | null;
  site_zh: string | null;
  site_en: string | null;
  area_zh: string | null;
  area_en: string | null;
  agency_zh: string | null;
  agency_en: string | null;
}

/** At most this many matches at the gate: a partial plate of two characters matches many. */
const GATE_LIMIT = 50;
/** A partial plate looks at no more than this many plates: the guard types more to narrow it. */
const PARTIAL_SCAN = GATE_LIMIT * 2;

/**
 * The guard's lookup: permits whose plate contains what was typed, valid-today first.
 * Only what the gate needs: no holder's name, title or phone.
 */
export function gateLookup(db: Db, typed: string, siteId: string | undefined, locale: Locale, now = new Date()): GateMatch[] {
  const plate = normalizePlate(typed);
  if (!plate) return [];
  const today = taipeiDateOf(now);
  // The candidates from the suffix table (migration 0020): a plate contains q when one of its
  // suffixes starts with q, a range of that table's key; the exact plate always among them.
  // The names are looked up for the matches kept only.
  const rows = prepared(
    db,
    `SELECT m.*, site.name_zh AS site_zh, site.name_en AS site_en, sp.name_zh AS area_zh, sp.name_en AS area_en, ag.name_zh AS agency_zh, ag.name_en AS agency_en
       FROM (SELECT c.plate, p.number, p.type, p.site_id, p.area_id, p.valid_from, p.valid_to, p.status, p.holder_agency_id
               FROM (SELECT permit_id, plate FROM permit_plate WHERE plate = ?
                     UNION SELECT * FROM (SELECT DISTINCT permit_id, plate FROM permit_plate_suffix WHERE suffix >= ? AND suffix < ? LIMIT ?)) c
               JOIN permit p ON p.id = c.permit_id
              ORDER BY c.plate = ? DESC, (p.status = 'valid' AND p.valid_from <= ? AND p.valid_to >= ? AND (? IS NULL OR p.site_id = ?)) DESC, p.valid_to DESC LIMIT ?) m
       LEFT JOIN site ON site.id = m.site_id
       LEFT JOIN parking_area pa ON pa.id = m.area_id LEFT JOIN space sp ON sp.id = pa.space_id
       LEFT JOIN agency ag ON ag.id = m.holder_agency_id`,
  ).all(plate, plate, `${plate}~`, PARTIAL_SCAN, plate, today, today, siteId ?? null, siteId ?? null, GATE_LIMIT) as GateRow[];
  const name = (zh: string | null, en: string | null) => localized(zh ?? '', en, locale);
  const matches = rows.map((r): GateMatch => ({
    plate: r.plate,
    number: r.number,
    type: r.type,
    siteId: r.site_id,
    areaId: r.area_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    status: r.status,
    validToday: (!siteId || r.site_id === siteId) && validOn({ status: r.status, validFrom: r.valid_from, validTo: r.valid_to }, today),
    agencyId: r.holder_agency_id,
    siteName: name(r.site_zh, r.site_en),
    areaName: name(r.area_zh, r.area_en),
    agencyName: name(r.agency_zh, r.agency_en),
  }));
  // The exact plate first, then what lets the car in today (as the SQL's order, which kept these).
  const rank = (m: GateMatch) => (m.plate === plate ? 0 : 2) + (m.validToday ? 0 : 1);
  return matches.sort((x, y) => rank(x) - rank(y)).slice(0, GATE_LIMIT);
}

/** The permits one figure counts, by the figure's own rule, for the drill-down list. */
export function parkingFigureRecordsOf(db: Db, args: { from: BusinessDate; to: BusinessDate; year?: number; figure: ParkingFigureName }, locale: Locale): FigureRecords {
  const year = args.year ?? Number(args.to.slice(0, 4));
  const rows = prepared(
    db,
    `SELECT p.id, p.number, p.type, p.status, p.year, p.issued_on AS issuedOn, p.site_id AS siteId, p.valid_from AS validFrom, p.valid_to AS validTo,
            s.name_zh AS siteZh, s.name_en AS siteEn, sp.name_zh AS areaZh, sp.name_en AS areaEn, a.name_zh AS agencyZh, a.name_en AS agencyEn
       FROM permit p
       LEFT JOIN site s ON s.id = p.site_id
       LEFT JOIN parking_area pa ON pa.id = p.area_id
       LEFT JOIN space sp ON sp.id = pa.space_id
       LEFT JOIN agency a ON a.id = p.holder_agency_id
      WHERE (p.type = 'annual' AND p.year = ?) OR (p.type = 'temporary' AND p.issued_on >= ? AND p.issued_on <= ?)
      ORDER BY p.issued_on, p.number`,
  ).all(year, args.from, args.to) as (Parameters<typeof parkingFigures>[0][number] &
    Record<'id' | 'number' | 'validFrom' | 'validTo' | 'siteZh' | 'areaZh' | 'agencyZh', string> &
    Record<'siteEn' | 'areaEn' | 'agencyEn', string | null>)[];
  const counts = countsToward(args.figure, args, year);
  const name = (zh: string | null, en: string | null) => (zh ? localized(zh, en, locale) : null);
  return {
    figure: args.figure,
    // The permit, not its holder: no names or plates in a list that travels with the report.
    columns: [
      { key: 'number', label: 'parking.ui.list.number', width: 16 },
      { key: 'issuedOn', label: 'field.issuedOn', type: 'date', width: 12 },
      { key: 'validFrom', label: 'field.validFrom', type: 'date', width: 12 },
      { key: 'validTo', label: 'field.validTo', type: 'date', width: 12 },
      { key: 'site', label: 'field.siteId', width: 14 },
      { key: 'area', label: 'field.areaId', width: 18 },
      { key: 'agency', label: 'field.holderAgencyId', width: 20 },
    ],
    rows: rows.filter(counts).map((r) => ({
      id: r.id,
      date: r.issuedOn,
      siteId: r.siteId,
      cells: {
        number: r.number,
        issuedOn: r.issuedOn,
        validFrom: r.validFrom,
        validTo: r.validTo,
        site: name(r.siteZh, r.siteEn),
        area: name(r.areaZh, r.areaEn),
        agency: name(r.agencyZh, r.agencyEn),
      },
    })),
  };
}

export function parkingFiguresOf(db: Db, period: { from: BusinessDate; to: BusinessDate; year?: number }): ParkingFigures {
  const year = period.year ?? Number(period.to.slice(0, 4));
  const rows = prepared(
    db,
    `SELECT type, status, year, issued_on AS issuedOn, site_id AS siteId FROM permit
      WHERE (type = 'annual' AND year = ?) OR (type = 'temporary' AND issued_on >= ? AND issued_on <= ?)`,
  ).all(year, period.from, period.to) as Parameters<typeof parkingFigures>[0][number][];
  return parkingFigures(rows, period, year);
}
