/** The list of permits for the parking clerks: by type, status and a search over number, holder and plate. */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Select, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { formatDate } from '../../domain/dates';
import { formatPlate } from '../../domain/parking/plates';
import { PERMIT_STATUSES, PERMIT_TYPES, type Permit, type PermitStatus, type PermitType } from '../../domain/parking/types';
import { api } from '../app/api';
import { useChangeVersion } from '../app/hooks';
import { useLocale, useT } from '../app/i18n';
import { useMayRun } from '../app/permissions';
import { errorMessage } from '../app/store';
import { IssuePermitDrawer } from './IssuePermit';

const STATUS_COLOR: Record<PermitStatus, string> = { valid: 'success', revoked: 'error', replaced: 'default' };

export function PermitList() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [type, setType] = useState<PermitType | null>(null);
  const [status, setStatus] = useState<PermitStatus | null>('valid');
  const [text, setText] = useState('');
  const [rows, setRows] = useState<Permit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useChangeVersion('permit');
  const mayIssue = useMayRun('permit.issue');
  const [issuing, setIssuing] = useState(false);

  useEffect(() => {
    let current = true;
    api.call('parking.permits', { ...(type ? { types: [type] } : {}), ...(status ? { statuses: [status] } : {}), ...(text.trim() ? { text: text.trim() } : {}), limit: 2000 }).then(
      (list) => {
        if (!current) return;
        setRows(list);
        setError(null);
      },
      (e: unknown) => current && setError(errorMessage(e)),
    );
    return () => {
      current = false;
    };
  }, [type, status, text, version]);

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
        {mayIssue && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIssuing(true)} style={{ marginLeft: 'auto' }}>
            {t('parking.ui.issue.title')}
          </Button>
        )}
      </Flex>
      <IssuePermitDrawer open={issuing} onClose={() => setIssuing(false)} />
      {error && <Alert type="error" showIcon title={error} />}
      <Table<Permit>
        size="small"
        rowKey="id"
        loading={rows === null && !error}
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
