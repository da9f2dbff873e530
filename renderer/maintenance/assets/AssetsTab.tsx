/**
 * 設備: equipment by location (elevators, AC units, chillers, pumps, fire panels…), with
 * each asset's repair tickets and the inspection rounds of the plans that look after it;
 * a ticket or a round there opens in the desk's drawer.
 */
import { Alert, Button, Drawer, Empty, Flex, Input, Select, Switch, Table, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { todayInTaipei } from '../../../domain/dates';
import { ASSET_KINDS, type Asset, type AssetKind } from '../../../domain/maintenance/assets';
import type { RoundRow, TicketLine } from '../../../domain/maintenance/inspections-views';
import { useApiRead } from '../../app/hooks';
import { useLocale, useT } from '../../app/i18n';
import { RocDate } from '../../components/RocDate';
import { RocDatePicker } from '../../components/RocDatePicker';
import { nameOf } from '../../../domain/i18n';
import { useMayRun } from '../../app/permissions';
import { RecordEditor, type EditorField } from '../../components/RecordEditor';
import { usePeople, usePlaceLabel, usePlaces, useSpaceOptions } from '../../app/reference';
import { RoundStateTag, roundState } from '../inspections/labels';
import { useInspections } from '../inspections/store';
import { StatusTag } from '../labels';
import { useMaintenance } from '../store';
import { useAssigneeOptions } from '../inspections/PlanEditor';
import { useAssets } from './hooks';
import { OptionalSelect } from '../../components/OptionalSelect';

export function AssetsTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { assets } = useAssets();
  const places = usePlaces();
  const placeLabel = usePlaceLabel();
  const { byId: people } = usePeople();
  const mayAdd = useMayRun('asset.create');
  const [search, setSearch] = useState('');
  const [siteId, setSiteId] = useState<string | undefined>();
  const [kind, setKind] = useState<AssetKind | undefined>();
  const [showArchived, setShowArchived] = useState(false);
  const [open, setOpen] = useState<{ id: string | null } | null>(null);

  const siteOf = useMemo(() => {
    return (spaceId: string) => {
      const floor = places.floor.get(places.space.get(spaceId)?.floorId ?? '');
      return places.building.get(floor?.buildingId ?? '')?.siteId;
    };
  }, [places]);

  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return assets
      .filter((a) => (showArchived || !a.archived) && (!kind || a.kind === kind) && (!siteId || siteOf(a.spaceId) === siteId))
      .filter((a) => !needle || [a.code, a.name, a.make, a.model, a.serialNo, placeLabel(a.spaceId)].some((v) => v.toLowerCase().includes(needle)))
      .sort((a, b) => placeLabel(a.spaceId).localeCompare(placeLabel(b.spaceId), 'zh-TW') || a.code.localeCompare(b.code, 'en', { numeric: true }));
  }, [assets, search, kind, siteId, showArchived, siteOf, placeLabel]);

  const asset = open?.id ? assets.find((a) => a.id === open.id) : undefined;

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center" wrap>
        <Input.Search size="small" allowClear placeholder={t('assets.search')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 240 }} />
        <Select
          size="small"
          allowClear
          placeholder={t('field.siteId')}
          value={siteId}
          onChange={setSiteId}
          options={places.sites.filter((s) => !s.archived).map((s) => ({ value: s.id, label: nameOf(s, locale) }))}
          style={{ width: 160 }}
        />
        <Select
          size="small"
          allowClear
          placeholder={t('field.kind')}
          value={kind}
          onChange={setKind}
          options={ASSET_KINDS.map((k) => ({ value: k, label: t(`assetKind.${k}`) }))}
          style={{ width: 140 }}
        />
        <Switch size="small" checked={showArchived} onChange={setShowArchived} aria-label={t('common.showArchived')} />
        <Typography.Text type="secondary">{t('common.showArchived')}</Typography.Text>
        <Typography.Text type="secondary" style={{ marginInlineStart: 'auto' }}>
          {t('common.total', { count: shown.length })}
        </Typography.Text>
        {mayAdd && (
          <Button size="small" type="primary" onClick={() => setOpen({ id: null })}>
            {t('assets.new')}
          </Button>
        )}
      </Flex>
      <Table<Asset>
        size="small"
        rowKey="id"
        dataSource={shown}
        pagination={{ pageSize: 50, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
        scroll={{ y: 'calc(100vh - 300px)' }}
        locale={{ emptyText: t('assets.empty') }}
        columns={[
          { key: 'code', title: t('field.code'), width: 120, dataIndex: 'code' },
          {
            key: 'name',
            title: t('assets.name'),
            render: (_, a) => (
              <Flex gap={4} align="center">
                <Typography.Link onClick={() => setOpen({ id: a.id })}>{a.name}</Typography.Link>
                {a.archived && <Tag>{t('common.archived')}</Tag>}
              </Flex>
            ),
          },
          { key: 'kind', title: t('field.kind'), width: 110, render: (_, a) => t(`assetKind.${a.kind}`) },
          { key: 'place', title: t('field.spaceId'), ellipsis: true, render: (_, a) => placeLabel(a.spaceId) },
          { key: 'model', title: t('assets.makeModel'), width: 180, ellipsis: true, render: (_, a) => [a.make, a.model].filter(Boolean).join(' ') },
          { key: 'installed', title: t('field.installedOn'), width: 100, render: (_, a) => <RocDate date={a.installedOn} /> },
          {
            key: 'maintainer',
            title: t('field.maintainerId'),
            width: 180,
            ellipsis: true,
            render: (_, a) => {
              const p = a.maintainerId ? people.get(a.maintainerId) : undefined;
              return p ? (p.company ? `${p.company}（${p.name}）` : p.name) : '';
            },
          },
        ]}
      />
      <Drawer open={open !== null} size={820} title={asset ? asset.name : t('assets.new')} onClose={() => setOpen(null)} destroyOnHidden>
        {open && <AssetPanel key={open.id ?? 'new'} asset={asset} onClose={() => setOpen(null)} onCreated={(id) => setOpen({ id })} />}
      </Drawer>
    </Flex>
  );
}

function AssetPanel({ asset, onClose, onCreated }: { asset?: Asset; onClose(): void; onCreated(id: string): void }) {
  const t = useT();
  const spaceOptions = useSpaceOptions(asset ? [asset.spaceId] : undefined);
  const maintainers = useAssigneeOptions(asset?.maintainerId);
  const fields: EditorField[] = [
    { name: 'code', type: 'text', max: 40, span: 8 },
    { name: 'name', type: 'text', required: true, max: 100, span: 10, label: t('assets.name') },
    { name: 'kind', type: 'select', required: true, span: 6, input: <Select options={ASSET_KINDS.map((k) => ({ value: k, label: t(`assetKind.${k}`) }))} /> },
    { name: 'spaceId', type: 'select', required: true, span: 24, input: <Select showSearch={{ optionFilterProp: 'label' }} options={spaceOptions} /> },
    { name: 'make', type: 'text', max: 60, span: 8 },
    { name: 'model', type: 'text', max: 60, span: 8 },
    { name: 'serialNo', type: 'text', max: 60, span: 8 },
    { name: 'installedOn', type: 'select', span: 8, input: <RocDatePicker style={{ width: '100%' }} /> },
    { name: 'maintainerId', type: 'select', span: 16, input: <OptionalSelect showSearch={{ optionFilterProp: 'label' }} options={maintainers} /> },
    { name: 'note', type: 'text', max: 1000, span: 24, input: <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} /> },
  ];
  const editor = (
    <RecordEditor
      kind="asset"
      record={asset}
      fields={fields}
      defaults={{ kind: 'elevator' }}
      name={asset?.name ?? ''}
      onSaved={(id, created) => created && onCreated(id)}
      onCancel={onClose}
      onGone={onClose}
      canDelete
    />
  );
  if (!asset) return editor;
  return (
    <Tabs
      size="small"
      items={[
        { key: 'history', label: t('assets.history'), children: <History assetId={asset.id} /> },
        { key: 'details', label: t('assets.details'), children: editor },
      ]}
    />
  );
}

function History({ assetId }: { assetId: string }) {
  const t = useT();
  const { data: history, error } = useApiRead('assets.history', { id: assetId }, { reloadOn: ['ticket', 'inspectionRound', 'inspectionResult', 'inspectionPlan'], keepPrevious: true });
  const today = todayInTaipei();
  const openTicket = useMaintenance((s) => s.open);
  const openRound = useInspections((s) => s.openRound);

  if (error) return <Alert type="error" showIcon title={error} />;
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={5}>{t('assets.tickets', { count: history?.tickets.length ?? 0 })}</Typography.Title>
        <Table<TicketLine>
          size="small"
          rowKey="id"
          loading={!history}
          pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
          dataSource={history?.tickets ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assets.noTickets')} /> }}
          columns={[
            {
              key: 'number',
              title: t('projects.ticketNumber'),
              width: 120,
              render: (_, r) => (
                <Typography.Link onClick={() => openTicket(r.id)} style={{ whiteSpace: 'nowrap' }}>
                  {r.number}
                </Typography.Link>
              ),
            },
            { key: 'subject', title: t('field.subject'), dataIndex: 'subject', ellipsis: true },
            { key: 'status', title: t('field.status'), width: 80, render: (_, r) => <StatusTag status={r.status} /> },
            { key: 'reported', title: t('field.reportedAt'), width: 130, render: (_, r) => <RocDate instant={r.reportedAt} /> },
            { key: 'completed', title: t('assets.completedAt'), width: 130, render: (_, r) => (r.completedAt ? <RocDate instant={r.completedAt} /> : null) },
          ]}
        />
      </div>
      <div>
        <Typography.Title level={5}>{t('assets.rounds', { count: history?.rounds.length ?? 0 })}</Typography.Title>
        <Table<RoundRow>
          size="small"
          rowKey="id"
          loading={!history}
          pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
          dataSource={history?.rounds ?? []}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('assets.noRounds')} /> }}
          columns={[
            { key: 'state', title: t('field.status'), width: 80, render: (_, r) => <RoundStateTag state={roundState(r, r.graceDays, today)} /> },
            { key: 'due', title: t('inspections.col.due'), width: 100, render: (_, r) => <RocDate date={r.dueOn} /> },
            { key: 'plan', title: t('kind.inspectionPlan'), ellipsis: true, render: (_, r) => <Typography.Link onClick={() => openRound(r.id)}>{r.planName}</Typography.Link> },
            {
              key: 'result',
              title: t('inspections.col.progress'),
              width: 130,
              render: (_, r) => (
                <span>
                  {r.recorded}/{r.total}
                  {r.failed > 0 && (
                    <Tag color="red" style={{ marginInlineStart: 6 }}>
                      {t('inspections.failedCount', { count: r.failed })}
                    </Tag>
                  )}
                </span>
              ),
            },
            { key: 'completed', title: t('field.completedAt'), width: 130, render: (_, r) => (r.completedAt ? <RocDate instant={r.completedAt} /> : null) },
          ]}
        />
      </div>
    </Flex>
  );
}
