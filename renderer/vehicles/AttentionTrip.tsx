/**
 * An assignment the sync server refused (another dispatcher, offline too, put the vehicle
 * or the driver on a trip at those hours first), as 待處理 shows it: why, the request it
 * was for, the trip it collided with, and the vehicles and drivers free at that time. The
 * dispatcher picks from them and sends the assignment again, or discards it.
 */
import { Alert, App, Button, Card, Flex, Popconfirm, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AttentionItem } from '../../domain/api';
import { formatInstant } from '../../domain/dates';
import { formatPlate } from '../../domain/plates';
import { api } from '../app/api';
import { useApiRead } from '../app/hooks';
import { useLocale, useT } from '../app/i18n';
import { errorMessage } from '../app/store';

export function isTripAttention(item: Pick<AttentionItem, 'name'>): boolean {
  return item.name === 'trip.assign';
}

type Args = { id?: string; requestId?: string; vehicleId?: string; driverId?: string | null };

export function TripAttentionCard({ item }: { item: AttentionItem }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { message } = App.useApp();
  const args = (item.args ?? {}) as Args;
  const conflictId = typeof item.problem.params.conflictId === 'string' ? item.problem.params.conflictId : null;
  const { data: collided } = useApiRead('vehicles.trip', conflictId ? { id: conflictId } : null);
  const { data: queue } = useApiRead('vehicles.requests', { states: ['waiting'], includePast: true });
  const { data: free } = useApiRead('vehicles.free', args.requestId ? { requestId: args.requestId } : null);
  const { data: fleet } = useApiRead('vehicles.fleet', {});
  const { data: drivers } = useApiRead('vehicles.drivers', {});
  const request = queue?.find((r) => r.id === args.requestId) ?? null;
  const [vehicleId, setVehicleId] = useState<string | null>(null);
  const [driverId, setDriverId] = useState<string | null>(null);
  const [busy, setBusy] = useState<'again' | 'discard' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const plate = (id: string) => formatPlate(fleet?.find((v) => v.id === id)?.plate ?? '');
  const driverName = (id: string) => drivers?.find((d) => d.id === id)?.name ?? '';

  // The first free vehicle and driver are offered, unless the refused one is free again.
  useEffect(() => {
    if (!free) return;
    setVehicleId((v) => v ?? (args.vehicleId && free.vehicleIds.includes(args.vehicleId) ? args.vehicleId : (free.vehicleIds[0] ?? null)));
    setDriverId((d) => d ?? (args.driverId && free.driverIds.includes(args.driverId) ? args.driverId : (free.driverIds[0] ?? null)));
    // Chosen once, when the free ones are known.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [free]);

  const reassign = async () => {
    if (!vehicleId) return;
    setBusy('again');
    setFailure(null);
    try {
      const r = await api.call('attention.resubmit', { id: item.id, args: { ...args, vehicleId, driverId } });
      if (r.ok) void message.success(t('shell.attention.resubmitted'));
      else setFailure(r.message);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const discard = async () => {
    setBusy('discard');
    try {
      const r = await api.call('attention.discard', { id: item.id });
      if (r.ok) void message.success(t('shell.attention.discarded'));
      else setFailure(r.message);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      size="small"
      data-testid="attention-trip"
      title={t('vehicles.ui.attention.title')}
      extra={<Typography.Text type="secondary">{t('shell.attention.refusedAt', { time: formatInstant(item.refusedAt, locale) })}</Typography.Text>}
    >
      <Alert type="warning" showIcon title={item.message} style={{ marginBottom: 8 }} />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 8 }} />}
      <Flex vertical gap={6}>
        <div>
          <Typography.Text type="secondary">{t('vehicles.ui.attention.asked')}</Typography.Text>
          <div data-testid="attention-asked">
            {request ? `${request.purpose}（${formatInstant(request.departAt, locale)}–${formatInstant(request.returnAt, locale)}）` : t('common.none')}
            {args.vehicleId && `．${plate(args.vehicleId)}`}
            {args.driverId && `．${driverName(args.driverId)}`}
          </div>
        </div>
        {collided && (
          <div>
            <Typography.Text type="secondary">{t('vehicles.ui.attention.collided')}</Typography.Text>
            <div data-testid="attention-collided">
              {collided.request.purpose}（{formatInstant(collided.trip.departAt, locale)}–{formatInstant(collided.trip.returnAt, locale)}）．
              <span className="vh-plate">{formatPlate(collided.vehicle.plate)}</span>
              {collided.driver && `．${collided.driver.name}`}．{collided.agencyName}
            </div>
          </div>
        )}
        <div data-testid="attention-free">
          <Typography.Text type="secondary">{t('vehicles.ui.attention.free')}</Typography.Text>
          <div>
            {t('vehicles.ui.board.vehicles')}：{free?.vehicleIds.length ? free.vehicleIds.map(plate).join('、') : t('vehicles.ui.attention.none')}
          </div>
          <div>
            {t('vehicles.ui.board.drivers')}：{free?.driverIds.length ? free.driverIds.map(driverName).join('、') : t('vehicles.ui.attention.none')}
          </div>
        </div>
        <Flex gap={8}>
          <Select
            aria-label={t('vehicles.ui.assign.vehicle')}
            style={{ flex: 1 }}
            value={vehicleId}
            onChange={setVehicleId}
            options={(free?.vehicleIds ?? []).map((id) => ({ value: id, label: plate(id) }))}
          />
          <Select
            aria-label={t('vehicles.ui.assign.driver')}
            style={{ flex: 1 }}
            value={driverId}
            onChange={setDriverId}
            options={(free?.driverIds ?? []).map((id) => ({ value: id, label: driverName(id) }))}
          />
        </Flex>
      </Flex>
      <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
        <Popconfirm title={t('shell.attention.confirmDiscard')} okText={t('shell.attention.discard')} cancelText={t('common.cancel')} onConfirm={() => void discard()}>
          <Button danger loading={busy === 'discard'} disabled={busy !== null}>
            {t('shell.attention.discard')}
          </Button>
        </Popconfirm>
        <Button type="primary" loading={busy === 'again'} disabled={busy !== null || !vehicleId || (request?.withDriver !== false && !driverId)} onClick={() => void reassign()}>
          {t('vehicles.ui.attention.reassign')}
        </Button>
      </Flex>
    </Card>
  );
}
