/** Agencies' applications: waiting ones first; the clerk approves all asked or part (the permits are issued numbered in one step) or rejects. */
import { Alert, App, Button, Drawer, Flex, Input, InputNumber, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { formatDate } from '../../domain/dates';
import { APPLICATION_STATES, type PermitApplication } from '../../domain/parking/types';
import { api } from '../app/api';
import { useApiRead, useRecords } from '../app/hooks';
import { useLocale, useT } from '../app/i18n';
import { mutate } from '../app/mutate';
import { errorMessage } from '../app/store';
import { useParkingDesk } from './store';

const STATE_COLOR: Record<PermitApplication['state'], string> = { waiting: 'processing', approved: 'success', partlyApproved: 'warning', rejected: 'error' };

export function Applications() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [state, setState] = useState<PermitApplication['state'] | null>(null);
  const { data: rows, error } = useApiRead('parking.applications', state ? { states: [state] } : {}, { reloadOn: ['permitApplication'], keepPrevious: true });
  const agencies = useRecords('agency');
  const [open, setOpen] = useState<PermitApplication | null>(null);
  const agencyName = (id: string) => agencies.records.find((a) => a.id === id)?.nameZh ?? id;
  return (
    <Flex vertical gap={12}>
      <Select
        allowClear
        style={{ width: 180 }}
        placeholder={t('parking.ui.applications.state')}
        aria-label={t('parking.ui.applications.state')}
        value={state}
        onChange={(v) => setState(v ?? null)}
        options={APPLICATION_STATES.map((v) => ({ value: v, label: t(`parking.application.${v}`) }))}
      />
      {error && <Alert type="error" message={error} />}
      <Table<PermitApplication>
        size="small"
        rowKey="id"
        dataSource={rows ?? []}
        pagination={{ pageSize: 50 }}
        onRow={(r) => ({ onClick: () => setOpen(r) })}
        columns={[
          { title: t('field.holderAgencyId'), key: 'agency', render: (_, r) => agencyName(r.agencyId) },
          { title: t('field.purpose'), dataIndex: 'purpose' },
          { title: t('parking.ui.list.type'), key: 'type', render: (_, r) => t(`parking.type.${r.type}`) },
          { title: t('parking.ui.list.validity'), key: 'days', render: (_, r) => `${formatDate(r.validFrom, locale)}–${formatDate(r.validTo, locale)}` },
          { title: t('field.countAsked'), dataIndex: 'countAsked', align: 'right' },
          { title: t('parking.ui.list.status'), key: 'state', render: (_, r) => <Tag color={STATE_COLOR[r.state]}>{t(`parking.application.${r.state}`)}</Tag> },
        ]}
      />
      {open && <DecideDrawer application={open} agency={agencyName(open.agencyId)} onClose={() => setOpen(null)} />}
    </Flex>
  );
}

function DecideDrawer({ application, agency, onClose }: { application: PermitApplication; agency: string; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [count, setCount] = useState(application.countAsked);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // The permits issued: those the approval just issued, or the application's own once decided.
  const [issued, setIssued] = useState<string[]>(application.permitIds);
  const waiting = application.state === 'waiting' && issued.length === 0;
  const approve = async () => {
    try {
      const r = await api.call('parking.approveApplication', { id: application.id, count });
      if (!r.ok) return setProblem(r.message);
      void message.success(t('parking.ui.applications.approved', { count: r.numbers.length, first: r.numbers[0], last: r.numbers.at(-1)! }));
      setIssued(r.permitIds);
    } catch (e) {
      setProblem(errorMessage(e));
    }
  };
  const reject = async () => {
    const r = await mutate('permitApplication.reject', { id: application.id, reason });
    if (!r.ok) return setProblem(r.message);
    onClose();
  };
  return (
    <Drawer open title={`${agency}：${application.purpose}`} onClose={onClose} width={480}>
      <Flex vertical gap={12}>
        {problem && <Alert type="error" message={problem} />}
        <div>
          {t('field.countAsked')}：{application.countAsked}
        </div>
        {waiting && (
          <>
            <label>
              {t('parking.ui.applications.count')}
              <InputNumber min={1} max={application.countAsked} value={count} onChange={(v) => setCount(v ?? 1)} style={{ marginInlineStart: 8 }} />
            </label>
            <Button type="primary" onClick={() => void approve()}>
              {count === application.countAsked ? t('parking.ui.applications.approveAll') : t('parking.ui.applications.approvePart', { count })}
            </Button>
            <Input.TextArea aria-label={t('parking.ui.applications.reason')} placeholder={t('parking.ui.applications.reason')} value={reason} onChange={(e) => setReason(e.target.value)} />
            <Button danger disabled={!reason.trim()} onClick={() => void reject()}>
              {t('parking.ui.applications.reject')}
            </Button>
          </>
        )}
        {issued.length > 0 && (
          <Flex gap={8}>
            <Button onClick={() => useParkingDesk.getState().printCards(issued)}>{t('parking.ui.print.cards')}</Button>
            <Button onClick={() => useParkingDesk.getState().printLetter(application.id)}>{t('parking.ui.print.letter')}</Button>
          </Flex>
        )}
      </Flex>
    </Drawer>
  );
}
