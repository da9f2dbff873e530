/**
 * 我的工作: the signed-in technician's open tickets, overdue first and then by due time,
 * with the next step (開始處理, 待料, 完工) one click away.
 */
import { Alert, App, Button, Empty, Flex, Space, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { TRANSITIONS, isOverdue, mayMoveTo, type TicketStatus } from '../../../domain/maintenance/tickets';
import type { TicketRow } from '../../../domain/maintenance/tickets-query';
import { api } from '../../app/api';
import { useChangeVersion } from '../../app/hooks';
import { useT } from '../../app/i18n';
import { errorMessage } from '../../app/store';
import { DueText, PriorityText, StatusTag, usePlaceShort } from '../labels';
import { moveTicket, useMaintenance } from '../store';
import { actionLabel, useMe } from './TicketDrawer';

const QUICK: readonly TicketStatus[] = ['in_progress', 'waiting_parts', 'completed'];

export function MyWorkTab() {
  const t = useT();
  const { message } = App.useApp();
  const me = useMe();
  const placeShort = usePlaceShort();
  const version = useChangeVersion('ticket', 'ticketStatusChange');
  const [rows, setRows] = useState<TicketRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const open = useMaintenance((s) => s.open);
  const now = useMemo(() => new Date().toISOString(), [rows]); // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    let live = true;
    api.call('tickets.myWork', {}).then(
      (r) => live && (setRows(r), setError(null)),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [version, me.personId]);

  const overdue = rows?.filter((r) => isOverdue(r, now)).length ?? 0;

  if (!me.personId) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('maint.myWork.noPerson')} />;

  return (
    <Flex vertical gap={8}>
      {error && <Alert type="error" title={error} />}
      <Typography.Text type={overdue ? 'danger' : 'secondary'} role="status">
        {rows === null ? t('common.loading') : t('maint.myWork.summary', { count: rows.length, overdue })}
      </Typography.Text>
      <Table<TicketRow>
        size="small"
        rowKey="id"
        loading={rows === null}
        pagination={false}
        dataSource={rows ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('maint.myWork.none')} /> }}
        rowClassName={(r) => (isOverdue(r, now) ? 'maint-overdue' : '')}
        columns={[
          { key: 'number', title: t('maint.col.number'), width: 120, render: (_, r) => <Button type="link" size="small" style={{ padding: 0, height: 'auto' }} onClick={() => open(r.id)}>
                {r.number}
              </Button> },
          { key: 'status', title: t('maint.col.status'), width: 80, render: (_, r) => <StatusTag status={r.status} /> },
          { key: 'priority', title: t('maint.col.priority'), width: 56, render: (_, r) => <PriorityText priority={r.priority} /> },
          { key: 'location', title: t('maint.col.location'), ellipsis: { showTitle: false }, render: (_, r) => <span title={placeShort(r.spaceId).full}>{placeShort(r.spaceId).short}</span> },
          { key: 'subject', title: t('maint.col.subject'), ellipsis: true, dataIndex: 'subject' },
          { key: 'dueAt', title: t('maint.col.dueAt'), width: 160, render: (_, r) => <DueText dueAt={r.dueAt} status={r.status} now={now} /> },
          {
            key: 'next',
            title: t('maint.myWork.next'),
            width: 200,
            render: (_, r) => (
              <Space size={4}>
                {TRANSITIONS[r.status]
                  .filter((to) => QUICK.includes(to) && mayMoveTo(me.roles, to, r.assigneeId === me.personId))
                  .map((to) => (
                    <Button key={to} size="small" type={to === 'completed' ? 'primary' : 'default'} onClick={() => void moveTicket(r.id, to).then((d) => (d.ok ? message.success(t('common.saved')) : message.error(d.message)))}>
                      {t(actionLabel(r.status, to))}
                    </Button>
                  ))}
              </Space>
            ),
          },
        ]}
      />
    </Flex>
  );
}
