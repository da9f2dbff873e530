/**
 * 場地設定: which spaces are bookable venues and on what terms — type, capacity,
 * equipment, opening hours on working days, set-up and tear-down buffers, approval levels,
 * who may apply, fees, and closures. Changing hours, buffers or closures never cancels an
 * approved booking: those that no longer fit are listed for the clerk (需重新確認).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Divider, Drawer, Flex, Form, Input, InputNumber, Radio, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { changedFields } from '../../domain/mutations/reference';
import { newId } from '../../domain/ids';
import { BOOKABLE_BY, EQUIPMENT, VENUE_TYPES, type Venue, type VenueClosure } from '../../domain/venues/types';
import type { VenueView } from '../../domain/venues/views';
import { useLocale, useT } from '../app/i18n';
import { KeyboardForm } from '../components/KeyboardForm';
import { RocDate } from '../components/RocDate';
import { RocDatePicker } from '../components/RocDatePicker';
import { useMayRun } from '../app/permissions';
import { usePlaceLabel, usePlaces } from '../app/reference';
import { mutate } from './actions';
import { ClockInput } from './ClockInput';
import { useVenues } from './data';
import { FeedLink } from './FeedLink';
import { normalClock } from './form-logic';
import { money, siteName, venueName } from './labels';

type VenueValues = Omit<Venue, 'id' | 'archived' | 'createdAt' | 'updatedAt'>;

const DEFAULTS: VenueValues = {
  spaceId: '',
  type: 'meeting_room',
  capacity: 20,
  equipment: [],
  opensAt: '08:00',
  closesAt: '17:30',
  bufferBefore: 15,
  bufferAfter: 15,
  approvalLevels: 1,
  bookableBy: 'agencies',
  fee: 0,
  deposit: 0,
  closures: [],
  notes: '',
};

const FIELDS = Object.keys(DEFAULTS) as (keyof VenueValues)[];

/** The form's values as venue.create / venue.update arguments. */
export function venueArgs(v: VenueValues): VenueValues {
  return {
    ...v,
    opensAt: normalClock(v.opensAt),
    closesAt: normalClock(v.closesAt),
    equipment: [...new Set(v.equipment)].sort(),
    closures: (v.closures ?? []).filter((c) => c && c.from).map((c) => ({ from: c.from, to: c.to || c.from, reason: (c.reason ?? '').trim() })),
    notes: (v.notes ?? '').trim(),
  };
}

export function VenueSettings() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { venues } = useVenues();
  const [siteId, setSiteId] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ venue: VenueView | null } | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const mayCreate = useMayRun('venue.create');

  const sites = useMemo(() => {
    const seen = new Map<string, string>();
    for (const v of venues) if (!seen.has(v.siteId)) seen.set(v.siteId, siteName(v, locale));
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [venues, locale]);
  const rows = venues.filter((v) => (showArchived || !v.archived) && (!siteId || v.siteId === siteId));

  const columns: ColumnsType<VenueView> = [
    {
      key: 'name',
      title: t('field.name'),
      render: (_, v) => (
        <div style={{ lineHeight: 1.35 }}>
          <Space size={4}>
            <Typography.Link onClick={() => setEditing({ venue: v })}>{venueName(v, locale)}</Typography.Link>
            {v.archived && <Tag>{t('common.archived')}</Tag>}
          </Space>
          <div style={{ fontSize: 12, color: '#69707d' }}>{locale === 'zh-TW' ? v.locationZh : v.locationEn}</div>
        </div>
      ),
    },
    { key: 'type', title: t('field.type'), width: 118, render: (_, v) => t(`venues.type.${v.type}`) },
    { key: 'capacity', title: t('field.capacity'), width: 80, align: 'right', render: (_, v) => v.capacity.toLocaleString() },
    { key: 'hours', title: t('venues.ui.settings.hours'), width: 110, render: (_, v) => `${v.opensAt}–${v.closesAt}` },
    { key: 'buffers', title: t('venues.ui.settings.buffers'), width: 100, render: (_, v) => t('venues.ui.settings.bufferPair', { before: v.bufferBefore, after: v.bufferAfter }) },
    { key: 'approval', title: t('field.approvalLevels'), width: 160, render: (_, v) => t(`venues.approvalLevels.${v.approvalLevels}`) },
    { key: 'bookable', title: t('field.bookableBy'), width: 124, render: (_, v) => t(`venues.bookableBy.${v.bookableBy}`) },
    { key: 'fee', title: t('field.fee'), width: 80, align: 'right', render: (_, v) => (v.fee ? money(v.fee, locale) : t('venues.ui.settings.free')) },
    {
      key: 'closures',
      title: t('field.closures'),
      width: 170,
      render: (_, v) =>
        v.closures.length === 0
          ? null
          : v.closures.slice(0, 2).map((c, i) => (
              <div key={i} style={{ fontSize: 12 }}>
                <RocDate date={c.from} />–<RocDate date={c.to} /> {c.reason}
              </div>
            )),
    },
  ];

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center" wrap>
        <Select
          size="small"
          allowClear
          placeholder={t('field.siteId')}
          aria-label={t('field.siteId')}
          value={siteId ?? undefined}
          onChange={(v) => setSiteId(v ?? null)}
          options={sites}
          style={{ width: 160 }}
        />
        <Radio.Group
          size="small"
          optionType="button"
          value={showArchived}
          onChange={(e) => setShowArchived(e.target.value)}
          options={[
            { value: false, label: t('common.active') },
            { value: true, label: t('common.showArchived') },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('venues.ui.settings.flagNote')}
        </Typography.Text>
        {mayCreate && (
          <Button size="small" type="primary" icon={<PlusOutlined />} style={{ marginInlineStart: 'auto' }} onClick={() => setEditing({ venue: null })}>
            {t('venues.ui.settings.add')}
          </Button>
        )}
      </Flex>
      <Table<VenueView> size="small" rowKey="id" dataSource={rows} columns={columns} pagination={false} scroll={{ x: 1100, y: 'calc(100vh - 280px)' }} />
      <Drawer open={!!editing} onClose={() => setEditing(null)} size={640} destroyOnHidden title={editing?.venue ? venueName(editing.venue, locale) : t('venues.ui.settings.add')}>
        {editing && <VenueEditor venue={editing.venue} taken={venues.map((v) => v.spaceId)} onDone={() => setEditing(null)} />}
        {editing?.venue && (
          <>
            <Divider titlePlacement="start" plain style={{ margin: '16px 0 8px' }}>
              {t('venues.ui.feed.title')}
            </Divider>
            <FeedLink venueId={editing.venue.id} />
          </>
        )}
      </Drawer>
    </Flex>
  );
}

function VenueEditor({ venue, taken, onDone }: { venue: VenueView | null; taken: string[]; onDone(): void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { message } = App.useApp();
  const [form] = Form.useForm<VenueValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const places = usePlaces();
  const label = usePlaceLabel();
  const mayEdit = useMayRun(venue ? 'venue.update' : 'venue.create');
  const mayArchive = useMayRun('venue.archive');
  const initial: VenueValues = venue ? (Object.fromEntries(FIELDS.map((f) => [f, venue[f]])) as VenueValues) : DEFAULTS;

  // Spaces that can become venues: not yet one, not archived; the venue kinds first.
  const spaceOptions = useMemo(() => {
    const kinds = ['auditorium', 'atrium', 'meeting_room'];
    return places.spaces
      .filter((s) => !s.archived && !taken.includes(s.id))
      .sort((a, b) => Number(!kinds.includes(a.kind)) - Number(!kinds.includes(b.kind)) || label(a.id).localeCompare(label(b.id), 'zh-TW'))
      .map((s) => ({ value: s.id, label: label(s.id) }));
  }, [places, taken, label]);

  const save = async (raw: VenueValues) => {
    setProblem(null);
    const values = venueArgs({ ...initial, ...raw });
    let result;
    if (venue) {
      const { spaceId: _s, ...rest } = values;
      const patch = changedFields(venueArgs(initial) as Record<string, unknown>, rest as Record<string, unknown>);
      if (Object.keys(patch).length === 0) {
        void message.info(t('error.nothingChanged'));
        return;
      }
      setSaving(true);
      result = await mutate('venue.update', { id: venue.id, ...patch });
    } else {
      setSaving(true);
      result = await mutate('venue.create', { id: newId(), ...values });
    }
    setSaving(false);
    if (!result.ok) {
      setProblem(result.message);
      const field = result.problem.field?.split('.')[0];
      if (field && FIELDS.includes(field as keyof VenueValues)) form.setFields([{ name: field as keyof VenueValues, errors: [result.message] }]);
      return;
    }
    void message.success(t('common.saved'));
    onDone();
  };

  const archive = async () => {
    if (!venue) return;
    const result = await mutate(venue.archived ? 'venue.restore' : 'venue.archive', { id: venue.id });
    if (!result.ok) setProblem(result.message);
    else onDone();
  };

  const required = (key: 'field.capacity' | 'field.opensAt' | 'field.closesAt' | 'field.spaceId') => [{ required: true, message: t('error.required', { field: t(key) }) }];

  return (
    <KeyboardForm<VenueValues> form={form} name="venue" layout="vertical" size="small" initialValues={initial} onSubmit={save} onCancel={onDone} disabled={!mayEdit} autoFocusFirst={!venue}>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
      <Row gutter={12}>
        {!venue && (
          <Col span={24}>
            <Form.Item name="spaceId" label={t('field.spaceId')} rules={required('field.spaceId')} style={{ marginBottom: 8 }}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={spaceOptions} />
            </Form.Item>
          </Col>
        )}
        {venue && (
          <Col span={24} style={{ marginBottom: 8, color: '#4a5260' }}>
            {locale === 'zh-TW' ? venue.locationZh : venue.locationEn} / {venueName(venue, locale)}
          </Col>
        )}
        <Col span={8}>
          <Form.Item name="type" label={t('field.type')} style={{ marginBottom: 8 }}>
            <Select options={VENUE_TYPES.map((v) => ({ value: v, label: t(`venues.type.${v}`) }))} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="capacity" label={t('field.capacity')} rules={required('field.capacity')} style={{ marginBottom: 8 }}>
            <InputNumber min={1} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="bookableBy" label={t('field.bookableBy')} style={{ marginBottom: 8 }}>
            <Select options={BOOKABLE_BY.map((b) => ({ value: b, label: t(`venues.bookableBy.${b}`) }))} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="equipment" label={t('field.equipment')} style={{ marginBottom: 8 }}>
            <Select mode="multiple" options={EQUIPMENT.map((e) => ({ value: e, label: t(`venues.equipment.${e}`) }))} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="opensAt" label={t('field.opensAt')} rules={required('field.opensAt')} style={{ marginBottom: 8 }}>
            <ClockInput />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="closesAt" label={t('field.closesAt')} rules={required('field.closesAt')} style={{ marginBottom: 8 }}>
            <ClockInput />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="bufferBefore" label={t('field.bufferBefore')} style={{ marginBottom: 8 }}>
            <InputNumber min={0} max={1440} step={15} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="bufferAfter" label={t('field.bufferAfter')} style={{ marginBottom: 8 }}>
            <InputNumber min={0} max={1440} step={15} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="approvalLevels" label={t('field.approvalLevels')} style={{ marginBottom: 8 }}>
            <Radio.Group options={([0, 1, 2] as const).map((l) => ({ value: l, label: t(`venues.approvalLevels.${l}`) }))} style={{ display: 'flex', flexDirection: 'column' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="fee" label={t('field.fee')} style={{ marginBottom: 8 }}>
            <InputNumber min={0} max={10000000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="deposit" label={t('field.deposit')} style={{ marginBottom: 8 }}>
            <InputNumber min={0} max={10000000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Text strong>{t('field.closures')}</Typography.Text>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 4 }}>
        {t('venues.ui.settings.closuresHelp')}
      </Typography.Paragraph>
      <Form.List name="closures">
        {(fields, { add, remove }) => (
          <Flex vertical gap={4} style={{ marginBottom: 8 }}>
            {fields.map((field) => (
              <Flex key={field.key} gap={6} align="start">
                <Form.Item name={[field.name, 'from']} rules={[{ required: true, message: t('error.required', { field: t('field.from') }) }]} style={{ marginBottom: 0, width: 130 }}>
                  <RocDatePicker aria-label={t('field.from')} />
                </Form.Item>
                <span style={{ lineHeight: '24px' }}>–</span>
                <Form.Item name={[field.name, 'to']} style={{ marginBottom: 0, width: 130 }}>
                  <RocDatePicker aria-label={t('field.to')} />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'reason']}
                  rules={[{ required: true, whitespace: true, message: t('error.required', { field: t('field.reason') }) }]}
                  style={{ marginBottom: 0, flex: 1 }}
                >
                  <Input maxLength={100} placeholder={t('venues.ui.settings.closureReason')} aria-label={t('field.reason')} />
                </Form.Item>
                <Button size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(field.name)} />
              </Flex>
            ))}
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ from: null, to: null, reason: '' } as unknown as VenueClosure)} style={{ alignSelf: 'flex-start' }}>
              {t('venues.ui.settings.addClosure')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Form.Item name="notes" label={t('field.notes')} style={{ marginBottom: 8 }}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Flex justify="space-between">
        <Space>
          {mayEdit && (
            <Button type="primary" htmlType="submit" loading={saving}>
              {venue ? t('common.save') : t('common.add')}
            </Button>
          )}
          <Button onClick={onDone} disabled={false}>
            {t('common.cancel')}
          </Button>
        </Space>
        {venue && mayArchive && (
          <Button onClick={() => void archive()} disabled={false}>
            {venue.archived ? t('common.restore') : t('common.archive')}
          </Button>
        )}
      </Flex>
    </KeyboardForm>
  );
}
