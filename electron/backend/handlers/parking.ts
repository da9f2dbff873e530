/** The parking desk's read calls. */
import { countExpiring, gateLookup, listPermits, parkingFigureRecordsOf, parkingFiguresOf } from '../../../db/queries/parking';
import { formatDate } from '../../../domain/dates';
import { isDomainError } from '../../../domain/errors';
import { approvalItems } from '../../../domain/parking/applications';
import { nameOf, translate } from '../../../domain/i18n';
import type { parkingCalls, RenewalRun } from '../../../domain/parking/calls';
import { renewalId, renewalIssue, renewalLines, type RenewalChange } from '../../../domain/parking/renewal';
import { formatPlate } from '../../../domain/plates';
import type { PermitCard } from '../../../domain/parking/print';
import type { Permit } from '../../../domain/parking/types';
import { exportList } from '../export/list-export';
import { problemResult } from '../mutation-runner';
import type { DeskContext, DeskHandlers } from '../desk';

/** The permit list as spreadsheet rows, in the reader's language. */
function exportRows(ws: DeskContext, permits: Permit[]) {
  const locale = ws.locale;
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const columns = [
    { key: 'number', header: t('parking.ui.list.number'), width: 15 },
    { key: 'type', header: t('parking.ui.list.type'), width: 12 },
    { key: 'plates', header: t('field.plates'), width: 22 },
    { key: 'holder', header: t('field.holderName'), width: 12 },
    { key: 'agency', header: t('field.holderAgencyId'), width: 18 },
    { key: 'site', header: t('field.siteId'), width: 16 },
    { key: 'area', header: t('field.areaId'), width: 18 },
    { key: 'validity', header: t('parking.ui.list.validity'), width: 24 },
    { key: 'status', header: t('parking.ui.list.status'), width: 10 },
  ];
  const rows = permits.map((p) => {
    const area = ws.runner.records.getSync('parkingArea', p.areaId);
    return {
      number: p.number,
      type: t(`parking.type.${p.type}`),
      plates: p.plates.map(formatPlate).join('、'),
      holder: p.holderName,
      agency: nameOf(p.holderAgencyId ? ws.runner.records.getSync('agency', p.holderAgencyId) : undefined, locale),
      site: nameOf(ws.runner.records.getSync('site', p.siteId), locale),
      area: nameOf(area ? ws.runner.records.getSync('space', area.spaceId) : undefined, locale),
      validity: `${formatDate(p.validFrom, locale)}–${formatDate(p.validTo, locale)}`,
      status: t(`parking.status.${p.status}`),
    };
  });
  return { columns, rows };
}

/** A parking area's name: the name of its space. */
function areaName(ws: DeskContext, areaId: string): string {
  const area = ws.runner.records.getSync('parkingArea', areaId);
  return nameOf(area ? ws.runner.records.getSync('space', area.spaceId) : undefined, ws.locale);
}

function cardOf(ws: DeskContext, p: Permit): PermitCard {
  return {
    id: p.id,
    number: p.number,
    type: p.type,
    year: p.year,
    validFrom: p.validFrom,
    validTo: p.validTo,
    plates: p.plates,
    vehicleType: p.vehicleType,
    siteName: nameOf(ws.runner.records.getSync('site', p.siteId), ws.locale),
    areaName: areaName(ws, p.areaId),
    agencyName: nameOf(p.holderAgencyId ? ws.runner.records.getSync('agency', p.holderAgencyId) : undefined, ws.locale),
    void: p.status !== 'valid',
  };
}

/**
 * One renewal run: the lines not yet renewed, issued in one batch; a line the batch
 * refuses (a plate held, a quota full) is taken out with its reason and the rest issued.
 */
async function renew(ws: DeskContext, year: number, lines: readonly RenewalChange[]): Promise<RenewalRun> {
  const run: RenewalRun = { issued: [], skipped: [], refused: [] };
  const todo: { oldId: string; oldNumber: string; args: Record<string, unknown> }[] = [];
  for (const line of lines) {
    const old = ws.runner.records.getSync('permit', line.oldId);
    if (!old) {
      run.refused.push({ oldId: line.oldId, oldNumber: '', message: translate(ws.locale, 'error.notFound', { kind: translate(ws.locale, 'kind.permit'), id: line.oldId }) });
      continue;
    }
    if (ws.runner.records.getSync('permit', renewalId(old.id, year))) {
      run.skipped.push(old.id);
      continue;
    }
    try {
      todo.push({ oldId: old.id, oldNumber: old.number, args: renewalIssue(old, year, line) });
    } catch (e) {
      if (!isDomainError(e)) throw e;
      run.refused.push({ oldId: old.id, oldNumber: old.number, message: problemResult(e.problem, ws.locale).message });
    }
  }
  while (todo.length > 0) {
    const result = await ws.runner.runBatch(
      todo.map((t) => ({ name: 'permit.issue', args: t.args })),
      ws.actor,
    );
    if (result.ok) break;
    const [refused] = todo.splice(result.index, 1);
    run.refused.push({ oldId: refused.oldId, oldNumber: refused.oldNumber, message: result.message });
  }
  for (const t of todo) {
    const id = String(t.args.id);
    run.issued.push({ oldId: t.oldId, id, number: ws.runner.records.getSync('permit', id)!.number });
  }
  return run;
}

export const parkingHandlers: DeskHandlers<keyof typeof parkingCalls> = {
  'parking.areas': (ws, { includeArchived }) => {
    const areas = ws.runner.records.findSync('parkingArea', {});
    return includeArchived ? areas : areas.filter((a) => !a.archived);
  },
  'parking.permits': (ws, filter) => listPermits(ws.db, filter),
  'parking.export': (ws, { format, ...filter }) => {
    const { columns, rows } = exportRows(ws, listPermits(ws.db, { ...filter, limit: filter.limit ?? 50_000 }));
    return exportList({ fileName: translate(ws.locale, 'parking.export.fileName'), sheetName: translate(ws.locale, 'kind.permit'), columns, rows, format });
  },
  'parking.gateLookup': (ws, { plate, siteId }) => gateLookup(ws.db, plate, siteId, ws.locale),
  'parking.reminders': (ws, { days }) => ({
    days,
    expiring: countExpiring(ws.db, days),
    waiting: ws.runner.records.findSync('permitApplication', { state: 'waiting' }).length,
  }),
  'parking.figures': (ws, period) => parkingFiguresOf(ws.db, period),
  'parking.figureRecords': (ws, args) => parkingFigureRecordsOf(ws.db, args, ws.locale),
  'parking.renewalList': (ws, { year, siteId }) =>
    renewalLines(
      ws.runner.records.findSync('permit', { type: 'annual', year: year - 1, status: 'valid', ...(siteId ? { siteId } : {}) }),
      year,
      (id) => ws.runner.records.getSync('permit', id) ?? undefined,
    ),
  'parking.renew': async (ws, { year, lines }) => ({ ok: true, ...(await renew(ws, year, lines)) }),
  'parking.applications': (ws, { states, venueBookingId }) => {
    const rank = (s: string) => (s === 'waiting' ? 0 : 1);
    return ws.runner.records
      .findSync('permitApplication', venueBookingId ? { venueBookingId } : {})
      .filter((a) => !states?.length || states.includes(a.state))
      .sort((x, y) => rank(x.state) - rank(y.state) || y.createdAt.localeCompare(x.createdAt));
  },
  'parking.cards': (ws, { ids }) =>
    ids.flatMap((id) => {
      const permit = ws.runner.records.getSync('permit', id);
      return permit ? [cardOf(ws, permit)] : [];
    }),
  'parking.letter': (ws, { id }) => {
    const app = ws.runner.records.getSync('permitApplication', id);
    if (!app) return null;
    const booking = app.venueBookingId ? ws.runner.records.getSync('booking', app.venueBookingId) : undefined;
    return {
      applicationId: app.id,
      agencyName: nameOf(ws.runner.records.getSync('agency', app.agencyId), ws.locale),
      siteName: nameOf(ws.runner.records.getSync('site', app.siteId), ws.locale),
      areaName: areaName(ws, app.areaId),
      type: app.type,
      purpose: app.purpose,
      year: app.year,
      validFrom: app.validFrom,
      validTo: app.validTo,
      contactName: app.contactName,
      filedOn: app.filedOn,
      countAsked: app.countAsked,
      numbers: app.permitIds
        .map((p) => ws.runner.records.getSync('permit', p)?.number ?? '')
        .filter(Boolean)
        .sort(),
      bookingNumber: booking?.number ?? null,
    };
  },
  'parking.approveApplication': async (ws, { id, count }) => {
    const app = ws.runner.records.getSync('permitApplication', id);
    if (!app) return problemResult({ code: 'error.notFound', params: { kind: 'permitApplication', id } }, ws.locale);
    const agency = ws.runner.records.getSync('agency', app.agencyId);
    let items;
    try {
      items = approvalItems(app, count, agency?.nameZh ?? app.contactName);
    } catch (e) {
      if (isDomainError(e)) return problemResult(e.problem, ws.locale);
      throw e;
    }
    const result = await ws.runner.runBatch(items, ws.actor);
    if (!result.ok) return { ok: false, problem: result.problem, message: result.message };
    const permitIds = items.slice(0, -1).map((i) => String(i.args.id));
    return { ok: true, permitIds, numbers: permitIds.map((p) => ws.runner.records.getSync('permit', p)!.number) };
  },
};
