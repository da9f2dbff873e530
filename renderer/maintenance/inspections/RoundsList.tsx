/**
 * 巡檢單: the rounds as work orders. 待辦 lists the open ones due within two weeks,
 * overdue first; 已完成 the rounds done or skipped; 全部 a year of them. A round opens for
 * recording with a click or Enter on its name.
 */
import { Flex, Progress, Segmented, Select, Switch, Table, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { addDays, formatDate, todayInTaipei } from '../../../domain/dates';
import type { RoundStatus } from '../../../domain/maintenance/inspections';
import { workOrderSort } from '../../../domain/maintenance/inspections';
import { roundsDueBy } from '../../../domain/maintenance/my-work';
import type { RoundRow } from '../../../domain/maintenance/inspections-views';
import { useApiRead, useRecords } from '../../app/hooks';
import { useLocale, useT } from '../../app/i18n';
import { useShell } from '../../app/store';
import { RocDate } from '../../components/RocDate';
import { usePeople, useUsers } from '../../app/reference';
import { RoundStateTag, roundState } from './labels';
import { usePlacesText } from './places';
import { useInspections, type RoundsFilter } from './store';

/** What each filter asks the backend for. */
export function roundQuery(filter: RoundsFilter, today: string): { statuses?: RoundStatus[]; from?: string; to?: string } {
  if (filter === 'due') return { statuses: ['open'], to: roundsDueBy(today) };
  if (filter === 'done') return { statuses: ['done', 'skipped'], from: addDays(today, -366) };
  return { from: addDays(today, -366), to: addDays(today, 60) };
}

const NO_ROUNDS: RoundRow[] = [];

export function RoundsList() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const filter = useInspections((s) => s.filter);
  const planId = useInspections((s) => s.planId);
  const assigneeId = useInspections((s) => s.assigneeId);
  const { setFilter, setPlanId, setAssigneeId, openRound } = useInspections.getState();
  const { records: plans } = useRecords('inspectionPlan', { includeArchived: true });
  const { byId: people } = usePeople();
  const placesText = usePlacesText();
  const users = useUsers();
  const me = useShell((s) => s.session?.user?.id);
  const myPersonId = users.find((u) => u.id === me)?.personId ?? null;
  const today = todayInTaipei();
  const { data, error, loading } = useApiRead(
    'inspections.rounds',
    { ...roundQuery(filter, today), planId: planId ?? undefined, assigneeId: assigneeId ?? undefined },
    { reloadOn: ['inspectionRound', 'inspectionResult', 'inspectionPlan'], keepPrevious: true },
  );
  const found = data ?? NO_ROUNDS;

  const rows = useMemo(() => {
    if (filter === 'due') return workOrderSort(found, today);
    if (filter === 'done') return [...found].sort((a, b) => (b.completedAt ?? b.dueOn).localeCompare(a.completedAt ?? a.dueOn));
    return [...found].sort((a, b) => b.dueOn.localeCompare(a.dueOn));
  }, [found, filter, today]);
  const overdue = rows.filter((r) => roundState(r, r.graceDays, today) === 'overdue').length;

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center" wrap>
        <Segmented<RoundsFilter> size="small" value={filter} onChange={setFilter} options={(['due', 'done', 'all'] as const).map((f) => ({ value: f, label: t(`inspections.filter.${f}`) }))} />
        <Select
          size="small"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('inspections.allPlans')}
          value={planId ?? undefined}
          onChange={(v) => setPlanId(v ?? null)}
          options={plans.filter((p) => !p.archived || p.id === planId).map((p) => ({ value: p.id, label: p.name }))}
          style={{ width: 260 }}
          aria-label={t('kind.inspectionPlan')}
        />
        {myPersonId && (
          <Flex gap={4} align="center">
            <Switch size="small" checked={assigneeId === myPersonId} onChange={(on) => setAssigneeId(on ? myPersonId : null)} aria-label={t('inspections.mine')} />
            <Typography.Text type="secondary">{t('inspections.mine')}</Typography.Text>
          </Flex>
        )}
        {filter === 'due' && overdue > 0 && <Tag color="red">{t('inspections.overdueCount', { count: overdue })}</Tag>}
        <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }}>
          {t('common.total', { count: rows.length })}
        </Typography.Text>
      </Flex>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Table<RoundRow>
        size="small"
        rowKey="id"
        loading={loading && found.length === 0}
        dataSource={rows}
        pagination={{ pageSize: 50, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ y: 'calc(100vh - 320px)' }}
        locale={{ emptyText: t(filter === 'due' ? 'inspections.emptyDue' : 'inspections.empty') }}
        rowClassName={(r) => (roundState(r, r.graceDays, today) === 'overdue' ? 'round-overdue' : '')}
        columns={[
          { key: 'state', title: t('field.status'), width: 90, render: (_, r) => <RoundStateTag state={roundState(r, r.graceDays, today)} /> },
          {
            key: 'due',
            title: t('inspections.col.due'),
            width: 110,
            render: (_, r) => (
              <span title={r.scheduledOn !== r.dueOn ? t('inspections.plan.moved', { date: formatDate(r.scheduledOn, locale) }) : undefined}>
                <RocDate date={r.dueOn} />
              </span>
            ),
          },
          {
            key: 'plan',
            title: t('kind.inspectionPlan'),
            render: (_, r) => (
              <Typography.Link onClick={() => openRound(r.id)} data-round={r.id}>
                {r.planName}
              </Typography.Link>
            ),
          },
          {
            key: 'places',
            title: t('field.spaceIds'),
            width: 200,
            ellipsis: true,
            render: (_, r) => {
              const where = placesText(r.spaceIds);
              return <span title={where.title}>{where.text}</span>;
            },
          },
          { key: 'assignee', title: t('inspections.plan.assignee'), width: 110, render: (_, r) => (r.assigneeId ? (people.get(r.assigneeId)?.name ?? '') : '') },
          {
            key: 'progress',
            title: t('inspections.col.progress'),
            width: 170,
            render: (_, r) => (
              <Flex gap={6} align="center">
                <Progress percent={r.total ? Math.round((r.recorded / r.total) * 100) : 0} size="small" showInfo={false} style={{ width: 60, margin: 0 }} status={r.failed ? 'exception' : undefined} />
                <Typography.Text style={{ fontSize: 12 }}>
                  {r.recorded}/{r.total}
                </Typography.Text>
                {r.failed > 0 && (
                  <Tag color="red" style={{ marginInlineEnd: 0 }}>
                    {t('inspections.failedCount', { count: r.failed })}
                  </Tag>
                )}
              </Flex>
            ),
          },
          { key: 'completed', title: t('field.completedAt'), width: 140, render: (_, r) => (r.completedAt ? <RocDate instant={r.completedAt} /> : null) },
        ]}
      />
    </Flex>
  );
}
