/**
 * The dispatch board (派車調度表): a row per vehicle, the drivers' rows below them, time
 * running across a day or the seven days of a week, and the queue of requests beside it.
 * A request dragged onto a vehicle's or a driver's row (or picked and assigned from the
 * keyboard) opens the assignment, where a refusal shows its reason at once and the
 * suggestions give theirs.
 */
import { Alert, App, Button, Checkbox, Drawer, Dropdown, Flex, Input, Segmented, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { addDays, formatDate, formatInstant, startOfTaipeiDay, todayInTaipei } from '../../domain/dates';
import type { Problem } from '../../domain/errors';
import { nameOf } from '../../domain/i18n';
import { renderProblem } from '../../domain/i18n/problems';
import { newId } from '../../domain/ids';
import { formatPlate } from '../../domain/plates';
import type { DispatchBoard as Board } from '../../domain/vehicles/calls';
import { driverRefusal, isPastRequest, overlaps, vehicleRefusal } from '../../domain/vehicles/rules';
import { showsServiceDue } from '../../domain/vehicles/service';
import type { TripRequest } from '../../domain/vehicles/types';
import { api } from '../app/api';
import { downloadBase64 } from '../app/files';
import { useApiRead } from '../app/hooks';
import { useLocale, useT } from '../app/i18n';
import { mutate } from '../app/mutate';
import { useAgencies } from '../app/reference';
import { resourceHeads, TimeGrid } from '../components/time-grid/TimeGrid';
import { weekDates, type GridItem } from '../components/time-grid/grid-logic';
import { useVehiclesDesk } from './store';
import { TripDrawer } from './TripDrawer';

const REQUEST_TYPE = 'application/x-trip-request';
/** A driver's row on the board, and a trip's copy on it. */
const DRIVER_ROW = 'driver:';
const DRIVER_ITEM = 'driven:';
const driverRow = (id: string) => `${DRIVER_ROW}${id}`;
const TONES = {
  assigned: { background: '#e6f4ff', color: '#003eb3', border: '#69b1ff' },
  under_way: { background: '#fff7e6', color: '#873800', border: '#ffa940' },
  done: { background: '#f5f5f5', color: '#434343', border: '#bfbfbf' },
  unavailable: { background: '#fff1f0', color: '#a8071a', border: '#ff7875' },
};

export function DispatchBoard() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { view, date, setView, setDate, setPaperOpen } = useVehiclesDesk();
  const days = useMemo(() => (view === 'day' ? [date] : weekDates(date)), [view, date]);
  const range = useMemo(() => ({ from: startOfTaipeiDay(days[0]), to: startOfTaipeiDay(addDays(days.at(-1)!, 1)) }), [days]);
  const { data: board, error } = useApiRead('vehicles.board', range, { reloadOn: ['trip', 'vehicle', 'driverProfile', 'vehicleUnavailable', 'driverLeave'], keepPrevious: true });
  // Requests of earlier days still waiting are left out unless asked for: the first look is today's work.
  const [includePast, setIncludePast] = useState(false);
  const { data: queued } = useApiRead('vehicles.requests', { states: ['waiting'], includePast: true }, { reloadOn: ['tripRequest', 'trip'], keepPrevious: true });
  const today = todayInTaipei();
  const pastCount = useMemo(() => (queued ?? []).filter((r) => isPastRequest(r, today)).length, [queued, today]);
  const waiting = useMemo(() => (includePast ? queued : queued?.filter((r) => !isPastRequest(r, today))), [queued, includePast, today]);
  const { byId: agencies } = useAgencies();
  const [assigning, setAssigning] = useState<{ request: TripRequest; vehicleId: string | null; driverId?: string | null } | null>(null);
  const [tripId, setTripId] = useState<string | null>(null);
  const { message } = App.useApp();
  const agencyName = (id: string) => agencies.get(id)?.shortName || nameOf(agencies.get(id), locale);

  const vehicles = useMemo(() => board?.vehicles.filter((v) => v.status !== 'retired') ?? [], [board]);
  const drivers = useMemo(() => board?.drivers ?? [], [board]);
  // The drivers' rows follow the vehicles', under their own heading; a driver's row is keyed apart from any vehicle's.
  const header = useMemo(() => {
    const load = (id: string) => board?.trips.filter((x) => x.driverId === id && x.state !== 'cancelled' && overlaps({ from: x.departAt, to: x.returnAt }, range)).length ?? 0;
    const away = (id: string) => board?.leave.some((l) => l.driverId === id && overlaps(l, range)) ?? false;
    return [
      ...resourceHeads(
        vehicles.map((v) => ({
          id: v.id,
          label: formatPlate(v.plate),
          sub: `${t(`vehicles.type.${v.type}`)}．${t('vehicles.ui.seats', { seats: v.seats })}${showsServiceDue(v, todayInTaipei()) ? `．${t('vehicles.ui.service.due')}` : ''}`,
        })),
      ).map((h, i) => ({
        ...h,
        section: i === 0 ? t('vehicles.ui.board.vehicles') : undefined,
      })),
      ...drivers.map((d, i) => ({
        key: driverRow(d.id),
        label: d.name,
        sub: `${t(`vehicles.licence.${d.licenceClass}`)}．${away(d.id) ? t('vehicles.ui.board.onLeave') : load(d.id) ? t('vehicles.ui.board.busy', { count: load(d.id) }) : t('vehicles.ui.board.free')}`,
        section: i === 0 ? t('vehicles.ui.board.drivers') : undefined,
      })),
    ];
  }, [vehicles, drivers, board, range, t]);
  const bands = useMemo(
    () =>
      days.map((d) => ({
        key: d,
        date: d,
        head: view === 'week' ? { label: formatDate(d, locale), tone: d === todayInTaipei() ? ('today' as const) : undefined } : undefined,
        columns: [
          ...vehicles.map((v) => ({ key: `${d}:${v.id}`, date: d, resourceId: v.id, open: v.status === 'in_repair' ? null : ([0, 1440] as [number, number]) })),
          ...drivers.map((x) => ({ key: `${d}:${driverRow(x.id)}`, date: d, resourceId: driverRow(x.id), open: [0, 1440] as [number, number] })),
        ],
      })),
    [days, vehicles, drivers, view, locale],
  );
  const driverName = (id: string | null) => (id ? (board?.drivers.find((d) => d.id === id)?.name ?? '') : t('vehicles.ui.board.noDriver'));
  const items = useMemo<GridItem[]>(() => {
    if (!board) return [];
    const trips = board.trips
      .filter((x) => x.state !== 'cancelled')
      .map((x) => {
        const plate = formatPlate(board.vehicles.find((v) => v.id === x.vehicleId)?.plate ?? '');
        const purpose = board.purposes[x.requestId] ?? '';
        const title = `${agencyName(x.agencyId)}${x.isLoan ? `（${t('vehicles.ui.queue.loan')}）` : ''}`;
        return {
          id: x.id,
          resourceId: x.vehicleId,
          start: x.departAt,
          end: x.returnAt,
          bufferBefore: 0,
          bufferAfter: 0,
          title,
          detail: driverName(x.driverId),
          tone: x.state,
          movable: false,
          label: t('vehicles.ui.board.tripLabel', {
            state: t(`vehicles.tripState.${x.state}`),
            time: formatInstant(x.departAt, locale),
            plate,
            agency: agencyName(x.agencyId),
            purpose,
            driver: driverName(x.driverId),
          }),
        };
      });
    const down = board.unavailable.map((u) => ({
      id: `down:${u.id}`,
      resourceId: u.vehicleId,
      start: u.from,
      end: u.to,
      bufferBefore: 0,
      bufferAfter: 0,
      title: t('vehicles.ui.board.unavailable', { reason: u.reason }),
      tone: 'unavailable',
      movable: false,
      label: t('vehicles.ui.board.unavailable', { reason: u.reason }),
    }));
    // Each trip shows on its driver's row too, and each leave there.
    const driverOf = new Map(board.trips.map((x) => [x.id, x.driverId]));
    const driven = trips.flatMap((x) => {
      const driverId = driverOf.get(x.id);
      return driverId ? [{ ...x, id: `${DRIVER_ITEM}${x.id}`, resourceId: driverRow(driverId), detail: formatPlate(board.vehicles.find((v) => v.id === x.resourceId)?.plate ?? '') }] : [];
    });
    const leave = board.leave.map((l) => ({
      id: `leave:${l.id}`,
      resourceId: driverRow(l.driverId),
      start: l.from,
      end: l.to,
      bufferBefore: 0,
      bufferAfter: 0,
      title: t('vehicles.ui.board.onLeave'),
      tone: 'unavailable',
      movable: false,
      label: `${t('vehicles.ui.board.onLeave')} ${l.reason}`,
    }));
    return [...trips, ...down, ...driven, ...leave];
    // agencyName and driverName read the board and the agencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [board, waiting, agencies, locale]);

  const step = view === 'day' ? 1 : 7;
  const exportTrips = async (format: 'xlsx' | 'ods') => {
    const r = await api.call('vehicles.exportTrips', { ...range, format });
    if (r.ok) downloadBase64(r.fileBase64, r.fileName, r.mime);
    else void message.error(r.message);
  };
  const exportRequests = async (format: 'xlsx' | 'ods') => {
    const r = await api.call('vehicles.exportRequests', { includePast, format });
    if (r.ok) downloadBase64(r.fileBase64, r.fileName, r.mime);
    else void message.error(r.message);
  };

  return (
    <div className="vh-board">
      <section className="vh-queue" aria-label={t('vehicles.ui.queue.title')}>
        <Flex justify="space-between" align="center">
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('vehicles.ui.queue.title')}
          </Typography.Title>
          <Button size="small" type="primary" onClick={() => setPaperOpen(true)}>
            {t('vehicles.ui.queue.newPaper')}
          </Button>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('vehicles.ui.queue.dragHint')}
        </Typography.Text>
        {pastCount > 0 && (
          <Checkbox checked={includePast} onChange={(e) => setIncludePast(e.target.checked)}>
            {t('vehicles.ui.queue.includePast', { count: pastCount })}
          </Checkbox>
        )}
        {waiting && waiting.length === 0 && <Typography.Text type="secondary">{t('vehicles.ui.queue.empty')}</Typography.Text>}
        <ul className="vh-queue-list" aria-label={t('vehicles.ui.queue.title')}>
          {(waiting ?? []).map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className={`vh-request vh-request--${r.source}`}
                draggable
                onDragStart={(e) => {
                  e.dataTransfer.setData(REQUEST_TYPE, r.id);
                  e.dataTransfer.effectAllowed = 'move';
                }}
                onClick={() => setAssigning({ request: r, vehicleId: null })}
              >
                <div className="vh-request-title">
                  {r.purpose}
                  {r.isLoan && (
                    <Tag color="purple" style={{ marginInlineStart: 6 }}>
                      {t('vehicles.ui.queue.loan')}
                    </Tag>
                  )}
                </div>
                <div className="vh-request-meta">
                  {t('vehicles.ui.queue.item', { source: t(`vehicles.source.${r.source}`), agency: agencyName(r.agencyId), time: formatInstant(r.departAt, locale), passengers: r.passengers })}
                  {r.paperNumber && `｜${r.paperNumber}`}
                </div>
              </button>
            </li>
          ))}
        </ul>
        <ExportMenu label={t('vehicles.ui.export.requests')} onPick={(f) => void exportRequests(f)} />
      </section>
      <section className="vh-grid">
        <Flex gap={8} align="center" wrap>
          <Segmented
            size="small"
            value={view}
            onChange={(v) => setView(v as 'day' | 'week')}
            options={[
              { value: 'day', label: t('vehicles.ui.board.day') },
              { value: 'week', label: t('vehicles.ui.board.week') },
            ]}
          />
          <Space.Compact size="small">
            <Button onClick={() => setDate(addDays(date, -step))}>{t('vehicles.ui.board.prev')}</Button>
            <Button onClick={() => setDate(todayInTaipei())}>{t('vehicles.ui.board.today')}</Button>
            <Button onClick={() => setDate(addDays(date, step))}>{t('vehicles.ui.board.next')}</Button>
          </Space.Compact>
          <Typography.Text strong>{view === 'day' ? formatDate(date, locale, 'long') : `${formatDate(days[0], locale)}–${formatDate(days[6], locale)}`}</Typography.Text>
          <span style={{ marginInlineStart: 'auto' }}>
            <ExportMenu label={t('vehicles.ui.export.trips')} onPick={(f) => void exportTrips(f)} />
          </span>
        </Flex>
        {error && <Alert type="error" message={error} />}
        <div className="vh-grid-scroll">
          <TimeGrid
            header={header}
            bands={bands}
            items={items}
            tones={TONES}
            orientation="rows"
            hours={[6 * 60, 22 * 60]}
            rowHeight={38}
            labelWidth={150}
            minColumnWidth={view === 'day' ? 320 : 72}
            ariaLabel={t('vehicles.ui.board.label')}
            dropType={REQUEST_TYPE}
            onDropData={(id, at) => {
              const request = waiting?.find((r) => r.id === id);
              if (!request) return;
              if (at.resourceId.startsWith(DRIVER_ROW)) setAssigning({ request, vehicleId: null, driverId: at.resourceId.slice(DRIVER_ROW.length) });
              else setAssigning({ request, vehicleId: at.resourceId });
            }}
            onOpen={(id) => {
              if (id.startsWith('down:') || id.startsWith('leave:')) return;
              setTripId(id.startsWith(DRIVER_ITEM) ? id.slice(DRIVER_ITEM.length) : id);
            }}
          />
        </div>
      </section>
      {assigning && board && <AssignDrawer request={assigning.request} vehicleId={assigning.vehicleId} driverId={assigning.driverId ?? null} board={board} onClose={() => setAssigning(null)} />}
      {tripId && <TripDrawer tripId={tripId} onClose={() => setTripId(null)} />}
    </div>
  );
}

/** An export button that asks for the format: Excel (.xlsx) or ODF (.ods). */
function ExportMenu({ label, onPick }: { label: string; onPick(format: 'xlsx' | 'ods'): void }) {
  const t = useT();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'xlsx', label: t('common.exportXlsx'), onClick: () => onPick('xlsx') },
          { key: 'ods', label: t('common.exportOds'), onClick: () => onPick('ods') },
        ],
      }}
    >
      <Button size="small">{label}</Button>
    </Dropdown>
  );
}

/** Assigning a request: a vehicle, then a driver; the reason for a refusal shows as soon as they are picked. */
function AssignDrawer({
  request,
  vehicleId: initialVehicle,
  driverId: initialDriver,
  board,
  onClose,
}: {
  request: TripRequest;
  vehicleId: string | null;
  driverId: string | null;
  board: Board;
  onClose(): void;
}) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { message } = App.useApp();
  const { data: fits } = useApiRead('vehicles.suggest', { requestId: request.id });
  const [vehicleId, setVehicleId] = useState<string | null>(initialVehicle);
  const [driverId, setDriverId] = useState<string | null>(initialDriver);
  const [refused, setRefused] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  // The suggested driver for the vehicle chosen comes first, until one is picked.
  const suggestedDriver = fits?.find((f) => f.vehicleId === vehicleId)?.driverId ?? null;
  const driver = driverId ?? (request.withDriver ? suggestedDriver : null);
  const vehicle = board.vehicles.find((v) => v.id === vehicleId) ?? null;
  const profile = board.drivers.find((d) => d.id === driver) ?? null;
  const base = { request, trips: board.trips, unavailable: board.unavailable, leave: board.leave };
  const problem: Problem | null = vehicle ? (vehicleRefusal({ ...base, vehicle }) ?? (profile ? driverRefusal({ ...base, vehicle, driver: profile }) : null)) : null;
  const shown = problem ? renderProblem(problem, locale) : refused;
  const plate = (id: string) => formatPlate(board.vehicles.find((v) => v.id === id)?.plate ?? '');

  const assign = async (v: string, d: string | null) => {
    setRefused(null);
    const r = await mutate('trip.assign', { id: newId(), requestId: request.id, vehicleId: v, driverId: d });
    if (!r.ok) return setRefused(r.message);
    void message.success(t('vehicles.ui.assign.done', { plate: plate(v) }));
    onClose();
  };
  const cancel = async () => {
    const r = await mutate('request.cancel', { id: request.id, reason });
    if (!r.ok) return setRefused(r.message);
    onClose();
  };
  return (
    <Drawer open title={t('vehicles.ui.assign.title', { purpose: request.purpose })} onClose={onClose} size={460}>
      <Flex vertical gap={12}>
        <div>
          {formatInstant(request.departAt, locale)} – {formatInstant(request.returnAt, locale)}．{request.stops.join('、')}．{t('field.passengers')} {request.passengers}．{request.distanceKm} km
          {request.paperNumber && `．${request.paperNumber}`}
        </div>
        <label>
          {t('vehicles.ui.assign.vehicle')}
          <Select
            aria-label={t('vehicles.ui.assign.vehicle')}
            style={{ width: '100%' }}
            value={vehicleId}
            showSearch
            optionFilterProp="label"
            onChange={(v) => {
              setVehicleId(v);
              setDriverId(null);
              setRefused(null);
            }}
            options={board.vehicles.map((v) => ({ value: v.id, label: `${formatPlate(v.plate)} ${t(`vehicles.type.${v.type}`)} ${t('vehicles.ui.seats', { seats: v.seats })}` }))}
          />
        </label>
        {request.withDriver && (
          <label>
            {t('vehicles.ui.assign.driver')}
            <Select
              aria-label={t('vehicles.ui.assign.driver')}
              style={{ width: '100%' }}
              value={driver}
              onChange={(d) => {
                setDriverId(d);
                setRefused(null);
              }}
              options={board.drivers.map((d) => ({ value: d.id, label: `${d.name}（${t(`vehicles.licence.${d.licenceClass}`)}）` }))}
            />
          </label>
        )}
        {shown && <Alert type="error" showIcon message={shown} role="alert" />}
        <Button type="primary" disabled={!vehicleId || !!problem || (request.withDriver && !driver)} onClick={() => vehicleId && void assign(vehicleId, driver)}>
          {t('vehicles.ui.assign.submit')}
        </Button>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('vehicles.ui.assign.suggestions')}
        </Typography.Title>
        {fits && fits.length === 0 && <Typography.Text type="secondary">{t('vehicles.ui.assign.noSuggestions')}</Typography.Text>}
        <ul aria-label={t('vehicles.ui.assign.suggestions')} style={{ margin: 0, paddingInlineStart: 18 }}>
          {(fits ?? []).map((f) => (
            <li key={f.vehicleId}>
              <Flex justify="space-between" align="center" gap={8}>
                <span>
                  {plate(f.vehicleId)}
                  {f.driverId && `．${board.drivers.find((d) => d.id === f.driverId)?.name ?? ''}`}
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {f.reasons.map((r) => t(`vehicles.reason.${r}`)).join('、')}
                  </Typography.Text>
                </span>
                <Button
                  size="small"
                  onClick={() => {
                    setVehicleId(f.vehicleId);
                    setDriverId(f.driverId);
                  }}
                >
                  {t('vehicles.ui.assign.use')}
                </Button>
              </Flex>
            </li>
          ))}
        </ul>
        <Input aria-label={t('vehicles.ui.assign.cancelReason')} placeholder={t('vehicles.ui.assign.cancelReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
        <Button danger disabled={!reason.trim()} onClick={() => void cancel()}>
          {t('vehicles.ui.assign.cancelRequest')}
        </Button>
      </Flex>
    </Drawer>
  );
}
