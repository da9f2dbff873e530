/** The parking desk's read calls. */
import { gateLookup, listPermits, parkingFigureRecordsOf, parkingFiguresOf } from '../../../db/queries/parking';
import { formatDate } from '../../../domain/dates';
import { isDomainError } from '../../../domain/errors';
import { approvalItems } from '../../../domain/parking/applications';
import { nameOf, translate } from '../../../domain/i18n';
import type { parkingCalls } from '../../../domain/parking/calls';
import { formatPlate } from '../../../domain/parking/plates';
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
  'parking.figures': (ws, period) => parkingFiguresOf(ws.db, period),
  'parking.figureRecords': (ws, args) => parkingFigureRecordsOf(ws.db, args, ws.locale),
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
