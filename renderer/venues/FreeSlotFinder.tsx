/**
 * 空檔查詢: "a room for 40 people with video conferencing next Tuesday 14:00–16:00". The
 * backend lists what is free, the time asked for first and then the nearest other times;
 * picking one starts an application with it filled in.
 */
import { Alert, Button, Col, Empty, Flex, Form, InputNumber, Row, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { todayInTaipei } from '../../domain/dates';
import { EQUIPMENT, VENUE_TYPES, type Equipment, type VenueType } from '../../domain/venues/types';
import type { FreeSlot } from '../../domain/venues/views';
import { api } from '../app/api';
import { useLocale, useT, type T } from '../app/i18n';
import { errorMessage } from '../app/store';
import { KeyboardForm } from '../components/KeyboardForm';
import { RocDatePicker } from '../components/RocDatePicker';
import { useMayRun } from '../app/permissions';
import { ClockInput } from './ClockInput';
import { useVenues } from './data';
import { slotValues, timesOf } from './form-logic';
import { listText, siteName, timeRange, venueName } from './labels';
import { useVenueDesk } from './store';
import { OptionalSelect } from '../components/OptionalSelect';

interface Ask {
  attendees: number | null;
  equipment: Equipment[];
  date: string | null;
  startTime: string;
  endTime: string;
  siteId: string | null;
  types: VenueType[];
}

/** 提早 30 分鐘 / 延後 1 小時 30 分鐘 / 所求時段 */
export function shiftText(slot: Pick<FreeSlot, 'sameTime' | 'shiftMinutes'>, t: T): string {
  if (slot.sameTime || slot.shiftMinutes === 0) return t('venues.ui.free.sameTime');
  const m = Math.abs(slot.shiftMinutes);
  const span =
    m >= 1440 && m % 1440 === 0
      ? t('venues.ui.free.days', { count: m / 1440 })
      : m >= 60
        ? m % 60
          ? t('venues.ui.free.hoursMinutes', { hours: Math.floor(m / 60), minutes: m % 60 })
          : t('venues.ui.free.hours', { count: m / 60 })
        : t('venues.ui.free.minutes', { count: m });
  return slot.shiftMinutes < 0 ? t('venues.ui.free.earlier', { span }) : t('venues.ui.free.later', { span });
}

export function FreeSlotFinder() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { venues, byId } = useVenues();
  const mayCreate = useMayRun('booking.create');
  const [asked, setAsked] = useState<Ask | null>(null);
  const [slots, setSlots] = useState<FreeSlot[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const sites = useMemo(() => {
    const seen = new Map<string, string>();
    for (const v of venues) if (!v.archived && !seen.has(v.siteId)) seen.set(v.siteId, siteName(v, locale));
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [venues, locale]);

  const find = async (ask: Ask) => {
    const times = timesOf({ startDate: ask.date, startTime: ask.startTime, endDate: null, endTime: ask.endTime });
    if (!times) {
      setError(t('venues.endBeforeStart'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const found = await api.call('venues.freeSlots', {
        ...times,
        ...(ask.siteId ? { siteId: ask.siteId } : {}),
        ...(ask.types?.length ? { types: ask.types } : {}),
        ...(ask.attendees ? { attendees: ask.attendees } : {}),
        ...(ask.equipment?.length ? { equipment: ask.equipment } : {}),
        limit: 20,
      });
      setAsked(ask);
      setSlots(found);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = (slot: FreeSlot) => useVenueDesk.getState().openEditor({ mode: 'new', prefill: { ...slotValues(slot), attendees: asked?.attendees ?? null, equipment: asked?.equipment ?? [] } });

  const columns: ColumnsType<FreeSlot> = [
    {
      key: 'venue',
      title: t('field.venueId'),
      render: (_, s) => {
        const v = byId.get(s.venueId);
        return v ? (
          <span>
            {venueName(v, locale)}
            <Typography.Text type="secondary" style={{ marginInlineStart: 6, fontSize: 12 }}>
              {siteName(v, locale)}
            </Typography.Text>
          </span>
        ) : (
          s.venueId
        );
      },
    },
    { key: 'when', title: t('venues.ui.detail.when'), width: 210, render: (_, s) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{timeRange(s.start, s.end, locale)}</span> },
    { key: 'shift', title: t('venues.ui.free.shift'), width: 150, render: (_, s) => <Tag color={s.sameTime ? 'green' : 'default'}>{shiftText(s, t)}</Tag> },
    { key: 'capacity', title: t('field.capacity'), width: 84, align: 'right', render: (_, s) => byId.get(s.venueId)?.capacity.toLocaleString() },
    {
      key: 'equipment',
      title: t('field.equipment'),
      ellipsis: true,
      render: (_, s) =>
        listText(
          (byId.get(s.venueId)?.equipment ?? []).map((e) => t(`venues.equipment.${e}`)),
          locale,
        ),
    },
    {
      key: 'apply',
      title: '',
      width: 110,
      render: (_, s) =>
        mayCreate && (
          <Button size="small" onClick={() => apply(s)}>
            {t('venues.ui.free.apply')}
          </Button>
        ),
    },
  ];

  return (
    <Flex vertical gap={8}>
      <KeyboardForm<Ask>
        name="freeSlots"
        layout="vertical"
        size="small"
        initialValues={{ attendees: null, equipment: [], date: todayInTaipei(), startTime: '14:00', endTime: '16:00', siteId: null, types: [] }}
        onSubmit={find}
        style={{ background: '#fff', padding: '8px 12px 0', border: '1px solid #e4e8ef', borderRadius: 4 }}
      >
        <Row gutter={12} align="bottom">
          <Col flex="110px">
            <Form.Item name="attendees" label={t('field.attendees')} style={{ marginBottom: 8 }}>
              <InputNumber min={1} max={100000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col flex="260px">
            <Form.Item name="equipment" label={t('field.equipment')} style={{ marginBottom: 8 }}>
              <Select mode="multiple" options={EQUIPMENT.map((e) => ({ value: e, label: t(`venues.equipment.${e}`) }))} showSearch={{ optionFilterProp: 'label' }} maxTagCount="responsive" />
            </Form.Item>
          </Col>
          <Col flex="130px">
            <Form.Item name="date" label={t('field.date')} rules={[{ required: true, message: t('error.required', { field: t('field.date') }) }]} style={{ marginBottom: 8 }}>
              <RocDatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col flex="100px">
            <Form.Item name="startTime" label={t('venues.ui.form.from')} rules={[{ required: true, message: t('error.required', { field: t('venues.ui.form.from') }) }]} style={{ marginBottom: 8 }}>
              <ClockInput />
            </Form.Item>
          </Col>
          <Col flex="100px">
            <Form.Item name="endTime" label={t('venues.ui.form.to')} rules={[{ required: true, message: t('error.required', { field: t('venues.ui.form.to') }) }]} style={{ marginBottom: 8 }}>
              <ClockInput />
            </Form.Item>
          </Col>
          <Col flex="150px">
            <Form.Item name="siteId" label={t('field.siteId')} style={{ marginBottom: 8 }}>
              <OptionalSelect options={sites} placeholder={t('venues.ui.free.anySite')} noneLabel={t('venues.ui.free.anySite')} />
            </Form.Item>
          </Col>
          <Col flex="180px">
            <Form.Item name="types" label={t('field.type')} style={{ marginBottom: 8 }}>
              <Select mode="multiple" options={VENUE_TYPES.map((v) => ({ value: v, label: t(`venues.type.${v}`) }))} placeholder={t('venues.ui.free.anyType')} maxTagCount="responsive" />
            </Form.Item>
          </Col>
          <Col flex="none">
            <Form.Item style={{ marginBottom: 8 }}>
              <Button type="primary" htmlType="submit" loading={busy}>
                {t('venues.ui.free.find')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </KeyboardForm>
      {error && <Alert type="error" showIcon title={error} />}
      {slots && (
        <Table<FreeSlot>
          size="small"
          rowKey={(s) => `${s.venueId}|${s.start}`}
          dataSource={slots}
          columns={columns}
          pagination={false}
          aria-label={t('venues.ui.free.results')}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('venues.ui.free.none')} /> }}
        />
      )}
    </Flex>
  );
}
