/**
 * 我的工作: the signed-in technician's open tickets and their inspection rounds (巡檢單) due
 * within two weeks, in one list: overdue first, then by due time. A ticket's next step
 * (開始處理, 待料, 完工) is one click away; a round opens for recording.
 */
import { Alert, App, Button, Empty, Flex, Space, Table, Typography } from 'antd';
import { useMemo } from 'react';
import { taipeiDateOf } from '../../../domain/dates';
import { isWorkOverdue, type MyWorkItem } from '../../../domain/maintenance/my-work';
import type { RoundRow } from '../../../domain/maintenance/inspections-views';
import { TRANSITIONS, mayMoveTo, type TicketStatus } from '../../../domain/maintenance/tickets';
import type { TicketRow } from '../../../domain/maintenance/tickets-query';
import { useApiRead } from '../../app/hooks';
import { useT } from '../../app/i18n';
import { RocDate } from '../../components/RocDate';
import { RoundStateTag, roundState } from '../inspections/labels';
import { usePlacesText } from '../inspections/places';
import { useInspections } from '../inspections/store';
import { DueText, PriorityText, StatusTag, usePlaceShort } from '../labels';
import { moveTicket, useMaintenance } from '../store';
import { actionLabel, useMe } from './TicketDrawer';

const QUICK: readonly TicketStatus[] = ['in_progress', 'waiting_parts', 'completed'];

const keyOf = (w: MyWorkItem) => (w.kind === 'ticket' ? w.ticket.id : w.round.id);
const LINK = { padding: 0, height: 'auto' } as const;

export function MyWorkTab() {
  const t = useT();
  const { message } = App.useApp();
  const me = useMe();
  const placeShort = usePlaceShort();
  const placesText = usePlacesText();
  const { data, error } = useApiRead('tickets.myWork', {}, { reloadOn: ['ticket', 'ticketStatusChange', 'inspectionRound', 'inspectionResult', 'inspectionPlan'], alsoOn: [me.personId] });
  const rows = data ?? null;
  const open = useMaintenance((s) => s.open);
  const openRound = useInspections((s) => s.openRound);
  const now = useMemo(() => new Date().toISOString(), [rows]); // eslint-disable-line react-hooks/exhaustive-deps
  const today = taipeiDateOf(now);

  const tickets = rows?.filter((w) => w.kind === 'ticket').length ?? 0;
  const overdue = rows?.filter((w) => isWorkOverdue(w, now)).length ?? 0;

  if (!me.personId) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('maint.myWork.noPerson')} />;

  const quickSteps = (r: TicketRow) => (
    <Space size={4}>
      {TRANSITIONS[r.status]
        .filter((to) => QUICK.includes(to) && mayMoveTo(me.roles, to, r.assigneeId === me.personId))
        .map((to) => (
          <Button
            key={to}
            size="small"
            type={to === 'completed' ? 'primary' : 'default'}
            onClick={() => void moveTicket(r.id, to).then((d) => (d.ok ? message.success(t('common.saved')) : message.error(d.message)))}
          >
            {t(actionLabel(r.status, to))}
          </Button>
        ))}
    </Space>
  );

  const roundStep = (r: RoundRow) => (
    <Space size={6}>
      <Button size="small" onClick={() => openRound(r.id)}>
        {t(r.recorded > 0 ? 'maint.myWork.continueRound' : 'maint.myWork.startRound')}
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('maint.myWork.roundProgress', { recorded: r.recorded, total: r.total })}
      </Typography.Text>
    </Space>
  );

  return (
    <Flex vertical gap={8}>
      {error && <Alert type="error" title={error} />}
      <Typography.Text type={overdue ? 'danger' : 'secondary'} role="status">
        {rows === null ? t('common.loading') : t('maint.myWork.summary', { tickets, rounds: rows.length - tickets, overdue })}
      </Typography.Text>
      <Table<MyWorkItem>
        size="small"
        rowKey={keyOf}
        loading={rows === null}
        pagination={false}
        dataSource={rows ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('maint.myWork.none')} /> }}
        rowClassName={(w) => (isWorkOverdue(w, now) ? 'maint-overdue' : '')}
        columns={[
          {
            key: 'number',
            title: t('maint.col.number'),
            width: 120,
            render: (_, w) =>
              w.kind === 'ticket' ? (
                <Button type="link" size="small" style={LINK} onClick={() => open(w.ticket.id)}>
                  {w.ticket.number}
                </Button>
              ) : (
                <Button type="link" size="small" style={LINK} onClick={() => openRound(w.round.id)} aria-label={`${t('maint.myWork.round')} ${w.round.planName}`}>
                  {t('maint.myWork.round')}
                </Button>
              ),
          },
          {
            key: 'status',
            title: t('maint.col.status'),
            width: 88,
            render: (_, w) => (w.kind === 'ticket' ? <StatusTag status={w.ticket.status} /> : <RoundStateTag state={roundState(w.round, w.round.graceDays, today)} />),
          },
          { key: 'priority', title: t('maint.col.priority'), width: 56, render: (_, w) => (w.kind === 'ticket' ? <PriorityText priority={w.ticket.priority} /> : null) },
          {
            key: 'location',
            title: t('maint.col.location'),
            ellipsis: { showTitle: false },
            render: (_, w) => {
              const where = w.kind === 'ticket' ? placeShort(w.ticket.spaceId) : (({ text, title }) => ({ short: text, full: title }))(placesText(w.round.spaceIds));
              return <span title={where.full}>{where.short}</span>;
            },
          },
          { key: 'subject', title: t('maint.col.subject'), ellipsis: true, render: (_, w) => (w.kind === 'ticket' ? w.ticket.subject : w.round.planName) },
          {
            key: 'dueAt',
            title: t('maint.col.dueAt'),
            width: 160,
            render: (_, w) =>
              w.kind === 'ticket' ? (
                <DueText dueAt={w.ticket.dueAt} status={w.ticket.status} now={now} />
              ) : (
                <Typography.Text type={isWorkOverdue(w, now) ? 'danger' : undefined}>
                  <RocDate date={w.round.dueOn} />
                  {isWorkOverdue(w, now) ? ` ${t('maint.overdueMark')}` : ''}
                </Typography.Text>
              ),
          },
          { key: 'next', title: t('maint.myWork.next'), width: 200, render: (_, w) => (w.kind === 'ticket' ? quickSteps(w.ticket) : roundStep(w.round)) },
        ]}
      />
    </Flex>
  );
}
