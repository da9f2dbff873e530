/**
 * 申請案件: the bookings of a date range, filtered by site, venue, status, activity type,
 * applicant and text, in a dense table; the filtered list exports as .xlsx or .ods, and a
 * venue's or an agency's bookings as an iCalendar file (.ics) Outlook can open.
 */
import { DownloadOutlined, LinkOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Empty, Flex, Input, Popover, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { addDays } from '../../domain/dates';
import { ACTIVITY_TYPES, BOOKING_STATUSES } from '../../domain/venues/types';
import type { BookingView } from '../../domain/venues/views';
import { api } from '../app/api';
import { useLocale, useT } from '../app/i18n';
import { errorMessage } from '../app/store';
import { RocDatePicker } from '../components/RocDatePicker';
import { downloadBase64, downloadText } from '../app/files';
import { useMayRun } from '../app/permissions';
import { nameOf } from '../../domain/i18n';
import { active, useAgencies } from '../app/reference';
import { instantAt } from '../components/time-grid/grid-logic';
import { useBookings, useVenues, type BookingQuery } from './data';
import { FeedLink } from './FeedLink';
import { STATUS_COLOR, statusText } from './BookingDrawer';
import { applicantName, bookingVenueName, siteName, timeRange, venueName } from './labels';
import { useVenueDesk, type ListFilters } from './store';

/** A text search looks through every date: a clerk on the phone knows the name, not the period. */
const ALL_DATES = { from: instantAt('2000-01-01', 0), to: instantAt('2100-01-01', 0) };

/** The list's filters as the backend's booking query. */
export function queryOf(f: ListFilters): BookingQuery {
  const text = f.text.trim();
  return {
    ...(text ? ALL_DATES : { from: instantAt(f.from, 0), to: instantAt(addDays(f.to < f.from ? f.from : f.to, 1), 0) }),
    ...(f.venueId ? { venueIds: [f.venueId] } : f.siteId ? { siteId: f.siteId } : {}),
    ...(f.statuses.length ? { statuses: f.statuses } : {}),
    ...(f.activityType ? { activityTypes: [f.activityType] } : {}),
    ...(f.agencyId ? { agencyId: f.agencyId } : {}),
    ...(text ? { text } : {}),
  };
}

export function BookingList() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { message } = App.useApp();
  const filters = useVenueDesk((s) => s.filters);
  const { setFilters, openDetail, openEditor } = useVenueDesk.getState();
  const { venues, byId } = useVenues();
  const { agencies } = useAgencies();
  const mayCreate = useMayRun('booking.create');
  const [text, setText] = useState(filters.text);
  const [exporting, setExporting] = useState<string | null>(null);
  const query = useMemo(() => queryOf(filters), [filters]);
  const { bookings, loading, error } = useBookings(query);

  const sites = useMemo(() => {
    const seen = new Map<string, string>();
    for (const v of venues) if (!seen.has(v.siteId)) seen.set(v.siteId, siteName(v, locale));
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [venues, locale]);
  const venueOptions = venues.filter((v) => !v.archived && (!filters.siteId || v.siteId === filters.siteId)).map((v) => ({ value: v.id, label: venueName(v, locale) }));
  const agencyOptions = useMemo(() => active(agencies).map((a) => ({ value: a.id, label: nameOf(a, locale) })), [agencies, locale]);
  const rows = useMemo(() => [...bookings].sort((a, b) => a.start.localeCompare(b.start) || a.number.localeCompare(b.number)), [bookings]);

  const exportTable = async (format: 'xlsx' | 'ods') => {
    setExporting(format);
    try {
      const r = await api.call('venues.export', { ...query, format });
      if (r.ok) downloadBase64(r.fileBase64, r.fileName, r.mime);
      else void message.error(r.message);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setExporting(null);
    }
  };

  const exportIcal = async () => {
    setExporting('ics');
    try {
      const result = await api.call('venues.ical', filters.venueId ? { venueId: filters.venueId } : { agencyId: filters.agencyId! });
      if (result.ok) downloadText(result.text, result.fileName, 'text/calendar;charset=utf-8');
      else void message.error(result.message);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setExporting(null);
    }
  };

  const columns: ColumnsType<BookingView> = [
    { key: 'number', title: t('field.number'), dataIndex: 'number', width: 118, render: (n: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{n}</span> },
    {
      key: 'name',
      title: t('field.eventName'),
      render: (_, b) => (
        <Typography.Link onClick={() => openDetail(b.id)} ellipsis style={{ maxWidth: 260 }}>
          {b.eventName}
        </Typography.Link>
      ),
    },
    { key: 'venue', title: t('field.venueId'), width: 120, render: (_, b) => bookingVenueName(b, locale), ellipsis: true },
    { key: 'when', title: t('venues.ui.detail.when'), width: 200, render: (_, b) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{timeRange(b.start, b.end, locale)}</span> },
    { key: 'applicant', title: t('venues.ui.detail.applicant'), width: 150, ellipsis: true, render: (_, b) => applicantName(b, locale) },
    { key: 'type', title: t('field.activityType'), width: 86, render: (_, b) => t(`venues.activity.${b.activityType}`) },
    { key: 'attendees', title: t('field.attendees'), width: 76, align: 'right', render: (_, b) => b.attendees.toLocaleString() },
    {
      key: 'status',
      title: t('venues.ui.list.status'),
      width: 150,
      render: (_, b) => (
        <Flex gap={2} wrap>
          <Tag color={STATUS_COLOR[b.status]}>{statusText(b, byId.get(b.venueId), t)}</Tag>
          {b.competing && <Tag color="red">{t('venues.ui.tone.competing')}</Tag>}
        </Flex>
      ),
    },
  ];

  const icalReady = !!filters.venueId || !!filters.agencyId;
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        <Select
          size="small"
          allowClear
          placeholder={t('field.siteId')}
          aria-label={t('field.siteId')}
          value={filters.siteId ?? undefined}
          onChange={(v) => setFilters({ siteId: v ?? null, venueId: null })}
          options={sites}
          style={{ width: 140 }}
        />
        <Select
          size="small"
          allowClear
          placeholder={t('field.venueId')}
          aria-label={t('field.venueId')}
          value={filters.venueId ?? undefined}
          onChange={(v) => setFilters({ venueId: v ?? null })}
          options={venueOptions}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 150 }}
        />
        <Select
          size="small"
          mode="multiple"
          allowClear
          placeholder={t('venues.ui.list.status')}
          aria-label={t('venues.ui.list.status')}
          value={filters.statuses}
          onChange={(v) => setFilters({ statuses: v })}
          options={BOOKING_STATUSES.map((s) => ({ value: s, label: t(`venues.status.${s}`) }))}
          style={{ minWidth: 130 }}
          maxTagCount="responsive"
        />
        <Select
          size="small"
          allowClear
          placeholder={t('field.activityType')}
          aria-label={t('field.activityType')}
          value={filters.activityType ?? undefined}
          onChange={(v) => setFilters({ activityType: v ?? null })}
          options={ACTIVITY_TYPES.map((a) => ({ value: a, label: t(`venues.activity.${a}`) }))}
          style={{ width: 110 }}
        />
        <Select
          size="small"
          allowClear
          placeholder={t('field.applicantAgencyId')}
          aria-label={t('field.applicantAgencyId')}
          value={filters.agencyId ?? undefined}
          onChange={(v) => setFilters({ agencyId: v ?? null })}
          options={agencyOptions}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 150 }}
        />
        <Flex gap={4} align="center" style={filters.text.trim() ? { opacity: 0.45 } : undefined} title={filters.text.trim() ? t('venues.ui.list.allDates') : undefined}>
          <RocDatePicker size="small" value={filters.from} onChange={(d) => d && setFilters({ from: d })} allowClear={false} style={{ width: 118 }} aria-label={t('field.from')} />
          <span>–</span>
          <RocDatePicker size="small" value={filters.to} onChange={(d) => d && setFilters({ to: d })} allowClear={false} style={{ width: 118 }} aria-label={t('field.to')} minDate={filters.from} />
        </Flex>
        <Input.Search
          size="small"
          allowClear
          placeholder={t('venues.ui.list.search')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setFilters({ text: v })}
          style={{ width: 200 }}
          aria-label={t('common.search')}
        />
        <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'xlsx', label: t('common.exportXlsx'), onClick: () => void exportTable('xlsx') },
                { key: 'ods', label: t('common.exportOds'), onClick: () => void exportTable('ods') },
              ],
            }}
          >
            <Button size="small" icon={<DownloadOutlined />} loading={exporting === 'xlsx' || exporting === 'ods'}>
              {t('common.export')}
            </Button>
          </Dropdown>
          <Tooltip title={icalReady ? undefined : t('venues.ui.list.icalHint')}>
            <Button size="small" icon={<DownloadOutlined />} disabled={!icalReady} loading={exporting === 'ics'} onClick={() => void exportIcal()}>
              {t('venues.ui.list.exportIcal')}
            </Button>
          </Tooltip>
          <Popover
            trigger="click"
            placement="bottomRight"
            destroyOnHidden
            title={t('venues.ui.feed.title')}
            content={<div style={{ width: 460 }}>{filters.venueId ? <FeedLink venueId={filters.venueId} /> : <FeedLink agencyId={filters.agencyId ?? undefined} />}</div>}
          >
            <Button size="small" icon={<LinkOutlined />} disabled={!icalReady}>
              {t('venues.ui.feed.button')}
            </Button>
          </Popover>
          {mayCreate && (
            <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => openEditor({ mode: 'new', prefill: filters.venueId ? { venueId: filters.venueId } : undefined })}>
              {t('venues.ui.newBooking')}
            </Button>
          )}
        </Flex>
      </Flex>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<BookingView>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        columns={columns}
        scroll={{ y: 'calc(100vh - 300px)' }}
        pagination={{ pageSize: 100, size: 'small', showSizeChanger: false, showTotal: (total) => t('common.total', { count: total }) }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('venues.ui.list.empty')} /> }}
        onRow={(b) => ({ onDoubleClick: () => openDetail(b.id) })}
      />
    </Flex>
  );
}
