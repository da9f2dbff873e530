/**
 * 報修單: the search box (a ticket number opens the ticket; any other text searches
 * number, subject, description, location and comments), the filters, saved filters,
 * export, and the windowed list of every ticket that matches.
 */
import { DownOutlined, FilterOutlined, PlusOutlined, SaveOutlined, SettingOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Dropdown, Flex, Input, Modal, Select, Space, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { todayInTaipei } from '../../../domain/dates';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_STATUSES, OPEN_STATUSES } from '../../../domain/maintenance/tickets';
import { ticketNumberFromInput, type TicketFilter, type TicketPage } from '../../../domain/maintenance/tickets-query';
import { api } from '../../app/api';
import { useLocale, useT } from '../../app/i18n';
import { errorMessage } from '../../app/store';
import { RocDatePicker } from '../../components/RocDatePicker';
import { shortcutLabel } from '../../components/shortcuts';
import { useMayRun } from '../../app/permissions';
import { nameOf } from '../../../domain/i18n';
import { active, usePlaces } from '../../app/reference';
import { NEW_TICKET_SHORTCUT } from '../commands';
import { useMaintenance } from '../store';
import { downloadBase64 } from '../../app/files';
import { SlaSettings } from './SlaSettings';
import { TicketList } from './TicketList';
import { useAssignees } from './TicketDrawer';

export function TicketsTab({ highlightId }: { highlightId: string | null }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { message } = App.useApp();
  const filter = useMaintenance((s) => s.filter);
  const sort = useMaintenance((s) => s.sort);
  const saved = useMaintenance((s) => s.prefs.savedFilters);
  const { setFilter, setSort, open, setNewOpen, saveFilter, deleteFilter } = useMaintenance.getState();
  const places = usePlaces();
  const assignees = useAssignees();
  const mayFile = useMayRun('ticket.create');
  const maySetSla = useMayRun('slaRule.set');
  const [text, setText] = useState(filter.text ?? '');
  const [count, setCount] = useState<Pick<TicketPage, 'total' | 'capped'> | null>(null);
  const [naming, setNaming] = useState<string | null>(null);
  const [slaOpen, setSlaOpen] = useState(false);
  const [exporting, setExporting] = useState(false);

  const change = (patch: Partial<TicketFilter>) => {
    const next = { ...filter, ...patch };
    for (const k of Object.keys(next) as (keyof TicketFilter)[]) {
      const v = next[k];
      if (v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0)) delete next[k];
    }
    setFilter(next);
  };

  /** A ticket number opens that ticket; anything else is searched for. */
  const search = async (value: string) => {
    const number = ticketNumberFromInput(value, todayInTaipei());
    if (number && /[-維]/.test(value)) {
      try {
        const found = await api.call('tickets.byNumber', { text: value });
        if (found.id) {
          open(found.id);
          return;
        }
      } catch (e) {
        message.error(errorMessage(e));
      }
    }
    change({ text: value.trim() || undefined });
  };

  const onTotal = useCallback((p: Pick<TicketPage, 'total' | 'capped'> | null) => setCount(p), []);

  const exportAs = async (format: 'xlsx' | 'ods') => {
    setExporting(true);
    try {
      const r = await api.call('tickets.export', { filter, sort, format });
      if (r.ok) downloadBase64(r.fileBase64, r.fileName, r.mime);
      else message.error(r.message);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  const siteOptions = useMemo(() => active(places.sites).map((s) => ({ value: s.id, label: nameOf(s, locale) })), [places.sites, locale]);
  const buildingOptions = useMemo(
    () =>
      active(places.buildings)
        .filter((b) => !filter.siteId || b.siteId === filter.siteId)
        .map((b) => ({ value: b.id, label: nameOf(b, locale) })),
    [places.buildings, filter.siteId, locale],
  );
  const filtered = Object.keys(filter).some((k) => k !== 'text');
  const openOnly = filter.statuses?.length === OPEN_STATUSES.length && OPEN_STATUSES.every((s) => filter.statuses?.includes(s));

  return (
    <Flex vertical gap={8} style={{ height: '100%' }}>
      <Flex gap={8} wrap align="center" role="search" aria-label={t('maint.filter.label')}>
        <Input.Search
          allowClear
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (!e.target.value) change({ text: undefined });
          }}
          onSearch={(v) => void search(v)}
          placeholder={t('maint.search.placeholder')}
          aria-label={t('maint.search.label')}
          style={{ width: 300 }}
        />
        <Select
          allowClear
          placeholder={t('maint.col.site')}
          style={{ width: 130 }}
          value={filter.siteId}
          options={siteOptions}
          onChange={(v) => change({ siteId: v, buildingId: undefined })}
          aria-label={t('maint.col.site')}
        />
        <Select
          allowClear
          placeholder={t('maint.col.building')}
          style={{ width: 110 }}
          value={filter.buildingId}
          options={buildingOptions}
          onChange={(v) => change({ buildingId: v })}
          aria-label={t('maint.col.building')}
        />
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('maint.col.category')}
          style={{ width: 150 }}
          value={filter.categories ?? []}
          options={TICKET_CATEGORIES.map((c) => ({ value: c, label: t(`ticketCategory.${c}`) }))}
          onChange={(v) => change({ categories: v })}
          aria-label={t('maint.col.category')}
        />
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('maint.col.status')}
          style={{ width: 150 }}
          value={filter.statuses ?? []}
          options={TICKET_STATUSES.map((s) => ({ value: s, label: t(`ticketStatus.${s}`) }))}
          onChange={(v) => change({ statuses: v })}
          aria-label={t('maint.col.status')}
        />
        <Select
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          placeholder={t('maint.col.priority')}
          style={{ width: 110 }}
          value={filter.priorities ?? []}
          options={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`ticketPriority.${p}`) }))}
          onChange={(v) => change({ priorities: v })}
          aria-label={t('maint.col.priority')}
        />
        <Select
          allowClear
          showSearch={{ filterOption: (i, o) => String(o?.label ?? '').includes(i.trim()) }}
          placeholder={t('maint.col.assignee')}
          style={{ width: 130 }}
          value={filter.assigneeId}
          options={assignees}
          onChange={(v) => change({ assigneeId: v })}
          aria-label={t('maint.col.assignee')}
        />
        <Space size={4}>
          <RocDatePicker
            size="middle"
            value={filter.from ?? null}
            onChange={(v) => change({ from: v ?? undefined })}
            placeholder={t('maint.filter.from')}
            aria-label={t('maint.filter.from')}
            style={{ width: 122 }}
          />
          <Typography.Text type="secondary">–</Typography.Text>
          <RocDatePicker
            size="middle"
            value={filter.to ?? null}
            onChange={(v) => change({ to: v ?? undefined })}
            placeholder={t('maint.filter.to')}
            aria-label={t('maint.filter.to')}
            style={{ width: 122 }}
          />
        </Space>
        <Checkbox checked={openOnly} onChange={(e) => change({ statuses: e.target.checked ? [...OPEN_STATUSES] : undefined })}>
          {t('maint.filter.open')}
        </Checkbox>
        <Checkbox checked={!!filter.overdue} onChange={(e) => change({ overdue: e.target.checked })}>
          {t('maint.filter.overdue')}
        </Checkbox>
        {filtered && <Button onClick={() => setFilter(filter.text ? { text: filter.text } : {})}>{t('maint.filter.clear')}</Button>}
      </Flex>
      <Flex gap={8} align="center" wrap>
        <Typography.Text type="secondary" role="status" aria-live="polite">
          {count === null ? t('common.loading') : count.capped ? t('maint.list.found', { count: count.total, shown: 200 }) : t('maint.list.total', { count: count.total })}
        </Typography.Text>
        <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
          <Dropdown
            menu={{
              items: [
                ...saved.map((f) => ({ key: `use:${f.name}`, label: f.name })),
                ...(saved.length ? [{ type: 'divider' as const }] : []),
                { key: 'save', label: t('maint.saved.save'), icon: <SaveOutlined />, disabled: !filtered },
                ...(saved.length ? [{ key: 'delete', label: t('maint.saved.delete'), danger: true, children: saved.map((f) => ({ key: `del:${f.name}`, label: f.name })) }] : []),
              ],
              onClick: ({ key }) => {
                if (key === 'save') setNaming('');
                else if (key.startsWith('use:')) {
                  const f = saved.find((x) => x.name === key.slice(4));
                  if (f) {
                    setFilter({ ...f.filter, ...(filter.text ? { text: filter.text } : {}) });
                    setSort(f.sort);
                  }
                } else if (key.startsWith('del:')) void deleteFilter(key.slice(4)).then((r) => !r.ok && message.error(r.message));
              },
            }}
          >
            <Button icon={<FilterOutlined />}>
              {t('maint.saved.title')} <DownOutlined />
            </Button>
          </Dropdown>
          <Dropdown
            menu={{
              items: [
                { key: 'xlsx', label: t('maint.export.xlsx') },
                { key: 'ods', label: t('maint.export.ods') },
              ],
              onClick: ({ key }) => void exportAs(key as 'xlsx' | 'ods'),
            }}
          >
            <Button loading={exporting}>
              {t('common.export')} <DownOutlined />
            </Button>
          </Dropdown>
          {maySetSla && (
            <Button icon={<SettingOutlined />} onClick={() => setSlaOpen(true)}>
              {t('maint.sla.button')}
            </Button>
          )}
          {mayFile && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setNewOpen(true)} title={shortcutLabel(NEW_TICKET_SHORTCUT)}>
              {t('maint.new')} <Typography.Text style={{ color: 'inherit', opacity: 0.75, fontSize: 12 }}>{shortcutLabel(NEW_TICKET_SHORTCUT)}</Typography.Text>
            </Button>
          )}
        </Flex>
      </Flex>
      <TicketList filter={filter} sort={sort} onSort={setSort} onOpen={open} onTotal={onTotal} highlightId={highlightId} />
      <Modal
        open={naming !== null}
        title={t('maint.saved.save')}
        onCancel={() => setNaming(null)}
        okButtonProps={{ disabled: !naming?.trim() }}
        onOk={() =>
          void saveFilter(naming!.trim()).then((r) => {
            if (r.ok) {
              message.success(t('maint.saved.done', { name: naming!.trim() }));
              setNaming(null);
            } else message.error(r.message);
          })
        }
        destroyOnHidden
      >
        <Input autoFocus maxLength={40} value={naming ?? ''} onChange={(e) => setNaming(e.target.value)} placeholder={t('maint.saved.namePlaceholder')} aria-label={t('maint.saved.name')} />
      </Modal>
      <SlaSettings open={slaOpen} onClose={() => setSlaOpen(false)} />
    </Flex>
  );
}
