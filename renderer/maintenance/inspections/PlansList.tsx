/** 保養計畫: every plan with its recurrence in words, next due day, places, assignee and trade. */
import { Button, Flex, Input, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { todayInTaipei } from '../../../domain/dates';
import { nextDue, type InspectionPlan } from '../../../domain/maintenance/inspections';
import { isWorkingDay } from '../../../domain/working-days';
import { useRecords } from '../../app/hooks';
import { useLocale, useT } from '../../app/i18n';
import { RocDate } from '../../components/RocDate';
import { useMayRun } from '../../app/permissions';
import { useCalendarDays, usePeople } from '../../app/reference';
import { PlanEditor } from './PlanEditor';
import { describeSchedule } from './recurrence-text';
import { usePlacesText } from './places';
import { useInspections } from './store';

export function PlansList() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [showArchived, setShowArchived] = useState(false);
  const [search, setSearch] = useState('');
  const { records: plans, loading } = useRecords('inspectionPlan', { includeArchived: true });
  const { byId: people } = usePeople();
  const placesText = usePlacesText();
  const mayAdd = useMayRun('inspectionPlan.create');
  const editing = useInspections((s) => s.editingPlan);
  const { editPlan, setView, setPlanId } = useInspections.getState();
  const today = todayInTaipei();
  const days = useCalendarDays();
  const working = useMemo(() => {
    const calendar = new Map(days.map((d) => [d.date, d]));
    return (d: string) => isWorkingDay(d, calendar);
  }, [days]);

  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return plans
      .filter((p) => (showArchived || !p.archived) && (!needle || p.name.toLowerCase().includes(needle)))
      .sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name, 'zh-TW'));
  }, [plans, showArchived, search]);

  const plan = editing && editing !== 'new' ? plans.find((p) => p.id === editing) : undefined;

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center" wrap>
        <Input.Search size="small" allowClear placeholder={t('inspections.plan.search')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 240 }} />
        <Switch size="small" checked={showArchived} onChange={setShowArchived} aria-label={t('common.showArchived')} />
        <Typography.Text type="secondary">{t('common.showArchived')}</Typography.Text>
        {mayAdd && (
          <Button size="small" type="primary" onClick={() => editPlan('new')} style={{ marginInlineStart: 'auto' }}>
            {t('inspections.plan.new')}
          </Button>
        )}
      </Flex>
      <Table<InspectionPlan>
        size="small"
        rowKey="id"
        loading={loading && plans.length === 0}
        dataSource={shown}
        pagination={false}
        scroll={{ y: 'calc(100vh - 300px)' }}
        locale={{ emptyText: t('inspections.plan.empty') }}
        columns={[
          {
            key: 'name',
            title: t('inspections.plan.name'),
            render: (_, p) => (
              <Flex gap={4} align="center">
                <Typography.Link onClick={() => editPlan(p.id)} type={p.archived ? 'secondary' : undefined}>
                  {p.name}
                </Typography.Link>
                {p.archived && <Tag>{t('common.archived')}</Tag>}
              </Flex>
            ),
          },
          { key: 'schedule', title: t('field.recurrence'), render: (_, p) => describeSchedule(p, t, locale) },
          {
            key: 'next',
            title: t('inspections.plan.next'),
            width: 110,
            render: (_, p) => {
              const next = p.archived ? null : nextDue(p, today, working);
              return next ? <RocDate date={next.dueOn} /> : <Typography.Text type="secondary">{t('inspections.plan.ended')}</Typography.Text>;
            },
          },
          {
            key: 'places',
            title: t('field.spaceIds'),
            ellipsis: true,
            render: (_, p) => {
              const where = placesText(p.spaceIds);
              return <span title={where.title}>{where.text}</span>;
            },
          },
          { key: 'assignee', title: t('inspections.plan.assignee'), width: 120, render: (_, p) => (p.assigneeId ? (people.get(p.assigneeId)?.name ?? '') : '') },
          { key: 'category', title: t('field.category'), width: 80, render: (_, p) => t(`ticketCategory.${p.category}`) },
          {
            key: 'rounds',
            title: '',
            width: 100,
            render: (_, p) => (
              <Button
                size="small"
                type="link"
                onClick={() => {
                  setPlanId(p.id);
                  setView('rounds');
                }}
              >
                {t('inspections.plan.showRounds')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <PlanEditor key={editing} plan={plan} onClose={() => editPlan(null)} />}
    </Flex>
  );
}
