/** The fleet, the drivers and the documents falling due, with ROC dates in zh-TW. */
import { App, Button, Flex, InputNumber, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDate, todayInTaipei } from '../../domain/dates';
import { formatPlate } from '../../domain/plates';
import type { DocumentDue, DriverRow } from '../../domain/vehicles/calls';
import { needsServiceTicket, showsServiceDue } from '../../domain/vehicles/service';
import type { Vehicle } from '../../domain/vehicles/types';
import { useApiRead } from '../app/hooks';
import { useLocale, useT } from '../app/i18n';
import { mutate } from '../app/mutate';
import { usePlaceLabel } from '../app/reference';
import { ImportButton } from '../components/ImportDialog';

const STATUS_COLOR: Record<Vehicle['status'], string> = { in_service: 'success', in_repair: 'warning', retired: 'default' };

export function FleetList() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const placeLabel = usePlaceLabel();
  const { data } = useApiRead('vehicles.fleet', {}, { reloadOn: ['vehicle'] });
  const date = (d: string | null) => (d ? formatDate(d, locale) : '');
  return (
    <Flex vertical gap={8}>
      <Flex justify="end">
        <ImportButton what="vehicle" />
      </Flex>
      <Table<Vehicle>
        size="small"
        rowKey="id"
        dataSource={data ?? []}
        pagination={false}
        columns={[
          { title: t('field.plate'), key: 'plate', render: (_, v) => <span className="vh-plate">{formatPlate(v.plate)}</span> },
          { title: t('vehicles.ui.list.make'), key: 'make', render: (_, v) => `${v.make} ${v.model}` },
          { title: t('vehicles.ui.list.type'), key: 'type', render: (_, v) => t(`vehicles.type.${v.type}`) },
          { title: t('field.seats'), dataIndex: 'seats', align: 'right' },
          { title: t('vehicles.ui.list.garage'), key: 'garage', render: (_, v) => (v.garageId ? placeLabel(v.garageId) : '') },
          { title: t('vehicles.ui.list.status'), key: 'status', render: (_, v) => <Tag color={STATUS_COLOR[v.status]}>{t(`vehicles.status.${v.status}`)}</Tag> },
          { title: t('vehicles.ui.list.odometer'), key: 'odometer', align: 'right', render: (_, v) => v.odometer.toLocaleString('en') },
          { title: t('vehicles.ui.list.insurance'), key: 'insurance', render: (_, v) => date(v.insuranceDue) },
          { title: t('vehicles.ui.list.inspection'), key: 'inspection', render: (_, v) => date(v.inspectionDue) },
          { title: t('vehicles.ui.list.licence'), key: 'licence', render: (_, v) => date(v.licenceDue) },
          { title: t('vehicles.ui.list.service'), key: 'service', render: (_, v) => <ServiceCell vehicle={v} /> },
        ]}
      />
    </Flex>
  );
}

/**
 * 保養到期 until the maintenance desk closes the work item. A service falling due by date is
 * opened here by the dispatcher; one due by odometer is opened by the trip log (TripDrawer).
 */
function ServiceCell({ vehicle: v }: { vehicle: Vehicle }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { message } = App.useApp();
  const today = todayInTaipei();
  const next = [
    v.nextServiceDate ? t('vehicles.ui.list.nextService', { date: formatDate(v.nextServiceDate, locale) }) : '',
    v.nextServiceKm !== null ? t('vehicles.ui.list.nextServiceKm', { km: v.nextServiceKm.toLocaleString('en') }) : '',
  ]
    .filter(Boolean)
    .join(' ');
  const open = async () => {
    const r = await mutate('vehicle.openService', { id: v.id });
    if (r.ok) void message.success(t('vehicles.ui.service.opened', { plate: formatPlate(v.plate) }));
    else void message.error(r.message);
  };
  return (
    <Flex gap={4} wrap align="center">
      {showsServiceDue(v, today) && <Tag color="error">{t('vehicles.ui.service.due')}</Tag>}
      {v.serviceTicketId && <Tag>{t('vehicles.ui.service.ticketOpen')}</Tag>}
      {needsServiceTicket(v, today) && (
        <Button size="small" onClick={() => void open()}>
          {t('vehicles.ui.service.open')}
        </Button>
      )}
      {!showsServiceDue(v, today) && next}
    </Flex>
  );
}

export function DriverList() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { data } = useApiRead('vehicles.drivers', {}, { reloadOn: ['driverProfile', 'person'] });
  return (
    <Flex vertical gap={8}>
      <Flex justify="end">
        <ImportButton what="driver" />
      </Flex>
      <Table<DriverRow>
        size="small"
        rowKey="id"
        dataSource={data ?? []}
        pagination={false}
        columns={[
          { title: t('vehicles.ui.list.name'), dataIndex: 'name' },
          { title: t('field.licenceClass'), key: 'class', render: (_, d) => t(`vehicles.licence.${d.licenceClass}`) },
          { title: t('vehicles.ui.list.licenceExpiry'), key: 'expiry', render: (_, d) => (d.licenceExpiry ? formatDate(d.licenceExpiry, locale) : '') },
          { title: t('vehicles.ui.list.phone'), dataIndex: 'phone' },
          { title: t('vehicles.ui.list.allowed'), key: 'allowed', render: (_, d) => d.allowedTypes.map((x) => t(`vehicles.type.${x}`)).join('、') },
        ]}
      />
    </Flex>
  );
}

export function DocumentsDue() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [days, setDays] = useState(60);
  const { data } = useApiRead('vehicles.documentsDue', { days }, { reloadOn: ['vehicle', 'driverProfile'], keepPrevious: true });
  return (
    <Flex vertical gap={8}>
      <label>
        {t('vehicles.ui.documents.within', { days: '' })}
        <InputNumber aria-label={t('vehicles.ui.list.daysLeft')} min={0} max={366} value={days} onChange={(v) => setDays(v ?? 0)} style={{ marginInlineStart: 8 }} />
      </label>
      <Table<DocumentDue>
        size="small"
        rowKey={(d) => `${d.id}:${d.document}`}
        dataSource={data ?? []}
        pagination={false}
        columns={[
          { title: t('vehicles.ui.list.holder'), dataIndex: 'label' },
          { title: t('vehicles.ui.list.document'), key: 'doc', render: (_, d) => t(`vehicles.ui.document.${d.document}`) },
          { title: t('vehicles.ui.list.due'), key: 'due', render: (_, d) => formatDate(d.due, locale) },
          {
            title: t('vehicles.ui.list.daysLeft'),
            key: 'left',
            render: (_, d) =>
              d.daysLeft < 0 ? (
                <Tag color="error">{t('vehicles.ui.documents.pastDue', { days: -d.daysLeft })}</Tag>
              ) : (
                <Tag color={d.daysLeft <= 30 ? 'warning' : 'default'}>{t('vehicles.ui.documents.left', { days: d.daysLeft })}</Tag>
              ),
          },
        ]}
      />
    </Flex>
  );
}
