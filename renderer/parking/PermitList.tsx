/** The list of permits for the parking clerks: by type, status and a search over number, holder and plate. */
import { DownloadOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Dropdown, Flex, Input, InputNumber, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { daysBetween, formatDate, todayInTaipei } from '../../domain/dates';
import { nameOf } from '../../domain/i18n';
import { EXPIRING_DAYS } from '../../domain/parking/rules';
import { formatPlate } from '../../domain/plates';
import { PERMIT_STATUSES, PERMIT_TYPES, type Permit, type PermitStatus, type PermitType } from '../../domain/parking/types';
import { api } from '../app/api';
import { useApiRead } from '../app/hooks';
import { useLocale, useT } from '../app/i18n';
import { useMayRun } from '../app/permissions';
import { errorMessage } from '../app/store';
import { downloadBase64 } from '../app/files';
import { active, useAgencies, usePlaceLabel, useReferenceRecords } from '../app/reference';
import { ImportButton } from '../components/ImportDialog';
import { IssuePermitDrawer } from './IssuePermit';
import { useParkingDesk } from './store';

const STATUS_COLOR: Record<PermitStatus, string> = { valid: 'success', revoked: 'error', replaced: 'default' };

interface Filters {
  siteId: string | null;
  areaId: string | null;
  agencyId: string | null;
  type: PermitType | null;
  status: PermitStatus | null;
  text: string;
  /** The reminder: permits expiring within this many days (valid ones only), or null. */
  expiringDays: number | null;
}

/** The list's filters as the parking.permits and parking.export calls take them. */
const queryOf = (f: Filters) => ({
  ...(f.siteId ? { siteId: f.siteId } : {}),
  ...(f.areaId ? { areaId: f.areaId } : {}),
  ...(f.agencyId ? { agencyId: f.agencyId } : {}),
  ...(f.type ? { types: [f.type] } : {}),
  ...(f.status && f.expiringDays === null ? { statuses: [f.status] } : {}),
  ...(f.text.trim() ? { text: f.text.trim() } : {}),
  ...(f.expiringDays !== null ? { expiringWithin: f.expiringDays } : {}),
});

export function PermitList() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [type, setType] = useState<PermitType | null>(null);
  const [status, setStatus] = useState<PermitStatus | null>('valid');
  const [text, setText] = useState('');
  const [siteId, setSiteId] = useState<string | null>(null);
  const [areaId, setAreaId] = useState<string | null>(null);
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const expiringDays = useParkingDesk((s) => s.expiringDays);
  const showExpiring = useParkingDesk((s) => s.showExpiring);
  const [lastDays, setLastDays] = useState(expiringDays ?? EXPIRING_DAYS);
  const query = queryOf({ siteId, areaId, agencyId, type, status, text, expiringDays });
  const { data: rows, error } = useApiRead('parking.permits', { ...query, limit: 2000 }, { reloadOn: ['permit'], keepPrevious: true });
  const sites = active(useReferenceRecords('site'));
  const { agencies } = useAgencies();
  const areas = useApiRead('parking.areas', {}, { reloadOn: ['parkingArea'] }).data;
  const placeLabel = usePlaceLabel();
  const today = todayInTaipei();
  const mayIssue = useMayRun('permit.issue');
  const [issuing, setIssuing] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const { message } = App.useApp();
  const exportList = async (format: 'xlsx' | 'ods') => {
    try {
      const r = await api.call('parking.export', { ...query, format });
      if (r.ok) downloadBase64(r.fileBase64, r.fileName, r.mime);
      else void message.error(r.message);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t('field.siteId')}
          aria-label={t('field.siteId')}
          value={siteId}
          onChange={(v) => {
            setSiteId(v ?? null);
            setAreaId(null);
          }}
          options={sites.map((x) => ({ value: x.id, label: nameOf(x, locale) }))}
        />
        <Select
          allowClear
          style={{ width: 200 }}
          placeholder={t('field.areaId')}
          aria-label={t('field.areaId')}
          value={areaId}
          onChange={(v) => setAreaId(v ?? null)}
          options={(areas ?? [])
            .map((a) => ({ value: a.id, label: placeLabel(a.spaceId) }))
            .filter(
              (o) =>
                !siteId ||
                o.label.startsWith(
                  nameOf(
                    sites.find((x) => x.id === siteId),
                    locale,
                  ),
                ),
            )}
        />
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 180 }}
          placeholder={t('field.holderAgencyId')}
          aria-label={t('field.holderAgencyId')}
          value={agencyId}
          onChange={(v) => setAgencyId(v ?? null)}
          options={active(agencies).map((a) => ({ value: a.id, label: nameOf(a, locale) }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('parking.ui.list.type')}
          aria-label={t('parking.ui.list.type')}
          value={type}
          onChange={(v) => setType(v ?? null)}
          options={PERMIT_TYPES.map((v) => ({ value: v, label: t(`parking.type.${v}`) }))}
        />
        <Select
          allowClear
          style={{ width: 140 }}
          aria-label={t('parking.ui.list.status')}
          placeholder={t('parking.ui.list.status')}
          disabled={expiringDays !== null}
          value={expiringDays !== null ? 'valid' : status}
          onChange={(v) => setStatus(v ?? null)}
          options={PERMIT_STATUSES.map((v) => ({ value: v, label: t(`parking.status.${v}`) }))}
        />
        <Checkbox checked={expiringDays !== null} onChange={(e) => showExpiring(e.target.checked ? lastDays : null)}>
          {t('parking.ui.list.expiring')}
        </Checkbox>
        <InputNumber
          min={0}
          max={366}
          style={{ width: 130 }}
          aria-label={t('parking.ui.list.expiringDays')}
          suffix={t('parking.ui.list.withinDays')}
          value={expiringDays ?? lastDays}
          onChange={(v) => {
            if (typeof v !== 'number') return;
            setLastDays(v);
            if (expiringDays !== null) showExpiring(v);
          }}
        />
        <Input.Search allowClear style={{ width: 240 }} placeholder={t('parking.ui.list.search')} aria-label={t('parking.ui.list.search')} onSearch={setText} />
        <Button icon={<PrinterOutlined />} disabled={selected.length === 0} onClick={() => useParkingDesk.getState().printCards(selected)}>
          {t('parking.ui.print.selected', { count: selected.length })}
        </Button>
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'xlsx', label: t('common.exportXlsx'), onClick: () => void exportList('xlsx') },
              { key: 'ods', label: t('common.exportOds'), onClick: () => void exportList('ods') },
            ],
          }}
        >
          <Button icon={<DownloadOutlined />} style={{ marginLeft: 'auto' }}>
            {t('common.export')}
          </Button>
        </Dropdown>
        <ImportButton what="permit" />
        {mayIssue && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)}>
            {t('parking.ui.issue.title')}
          </Button>
        )}
      </Flex>
      <IssuePermitDrawer open={issuing} onClose={() => setIssuing(false)} />
      {error && <Alert type="error" showIcon title={error} />}
      <Table<Permit>
        size="small"
        rowKey="id"
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), preserveSelectedRowKeys: true }}
        loading={rows === undefined && !error}
        dataSource={rows ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        locale={{ emptyText: t('parking.ui.list.empty') }}
        columns={[
          { key: 'number', title: t('parking.ui.list.number'), dataIndex: 'number', width: 140 },
          { key: 'type', title: t('parking.ui.list.type'), render: (_, p) => t(`parking.type.${p.type}`), width: 120 },
          { key: 'plates', title: t('field.plates'), render: (_, p) => p.plates.map(formatPlate).join('、'), width: 180 },
          { key: 'holder', title: t('field.holderName'), dataIndex: 'holderName' },
          { key: 'valid', title: t('parking.ui.list.validity'), render: (_, p) => `${formatDate(p.validFrom, locale)}–${formatDate(p.validTo, locale)}`, width: 200 },
          ...(expiringDays !== null
            ? [{ key: 'daysLeft', title: t('parking.ui.list.daysLeft'), render: (_: unknown, p: Permit) => daysBetween(today, p.validTo), width: 100, align: 'right' as const }]
            : []),
          { key: 'status', title: t('parking.ui.list.status'), render: (_, p) => <Tag color={STATUS_COLOR[p.status]}>{t(`parking.status.${p.status}`)}</Tag>, width: 110 },
        ]}
      />
    </Flex>
  );
}
