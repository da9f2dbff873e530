/** The list of permits for the parking clerks: by type, status and a search over number, holder and plate. */
import { DownloadOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Flex, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDate } from '../../domain/dates';
import { formatPlate } from '../../domain/parking/plates';
import { PERMIT_STATUSES, PERMIT_TYPES, type Permit, type PermitStatus, type PermitType } from '../../domain/parking/types';
import { api } from '../app/api';
import { useApiRead } from '../app/hooks';
import { useLocale, useT } from '../app/i18n';
import { useMayRun } from '../app/permissions';
import { errorMessage } from '../app/store';
import { downloadBase64 } from '../app/files';
import { ImportButton } from '../components/ImportDialog';
import { IssuePermitDrawer } from './IssuePermit';
import { useParkingDesk } from './store';

const STATUS_COLOR: Record<PermitStatus, string> = { valid: 'success', revoked: 'error', replaced: 'default' };

/** The list's filters as the parking.permits and parking.export calls take them. */
const queryOf = (type: PermitType | null, status: PermitStatus | null, text: string) => ({
  ...(type ? { types: [type] } : {}),
  ...(status ? { statuses: [status] } : {}),
  ...(text.trim() ? { text: text.trim() } : {}),
});

export function PermitList() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [type, setType] = useState<PermitType | null>(null);
  const [status, setStatus] = useState<PermitStatus | null>('valid');
  const [text, setText] = useState('');
  const { data: rows, error } = useApiRead('parking.permits', { ...queryOf(type, status, text), limit: 2000 }, { reloadOn: ['permit'], keepPrevious: true });
  const mayIssue = useMayRun('permit.issue');
  const [issuing, setIssuing] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const { message } = App.useApp();
  const exportList = async (format: 'xlsx' | 'ods') => {
    try {
      const r = await api.call('parking.export', { ...queryOf(type, status, text), format });
      if (r.ok) downloadBase64(r.fileBase64, r.fileName, r.mime);
      else void message.error(r.message);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <Select
          allowClear
          style={{ width: 160 }}
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
          value={status}
          onChange={(v) => setStatus(v ?? null)}
          options={PERMIT_STATUSES.map((v) => ({ value: v, label: t(`parking.status.${v}`) }))}
        />
        <Input.Search allowClear style={{ width: 280 }} placeholder={t('parking.ui.list.search')} aria-label={t('parking.ui.list.search')} onSearch={setText} />
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
          { key: 'status', title: t('parking.ui.list.status'), render: (_, p) => <Tag color={STATUS_COLOR[p.status]}>{t(`parking.status.${p.status}`)}</Tag>, width: 110 },
        ]}
      />
    </Flex>
  );
}
