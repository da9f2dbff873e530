/**
 * 場地申請表: a new application (one booking, several days, or a recurring series), an
 * edit of one, or a refused write from 待處理 to correct and send again. While the clerk
 * types, the workstation checks the time at once (venues.check): refusals (hours,
 * closures, holidays, who may book), approved bookings in the way with the nearest free
 * slots, competing pending applications, and capacity and equipment warnings.
 */
import { Alert, App, Button, Checkbox, Col, Divider, Drawer, Flex, Form, Input, InputNumber, Radio, Row, Select, Space, Spin, Switch, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { BookingCheck, VenueView } from '../../domain/venues/views';
import { ACTIVITY_TYPES, EQUIPMENT, type Booking } from '../../domain/venues/types';
import { newId } from '../../domain/ids';
import { addDays } from '../../domain/dates';
import { api } from '../app/api';
import { useApiRead } from '../app/hooks';
import { useLocale, useT } from '../app/i18n';
import { errorMessage, useShell } from '../app/store';
import { AttachmentField } from '../components/Attachments';
import { KeyboardForm } from '../components/KeyboardForm';
import { RocDatePicker } from '../components/RocDatePicker';
import { nameOf } from '../../domain/i18n';
import { active, useAgencies } from '../app/reference';
import { mutate } from './actions';
import { ClockInput } from './ClockInput';
import { useVenues } from './data';
import { EMPTY_FORM, createArgs, moveOf, normalClock, particularsPatch, seriesArgs, seriesValues, slotValues, timesOf, valuesOf, type BookingFormValues } from './form-logic';
import { bookingLine, siteName, timeRange, venueName, weekdayShort } from './labels';
import { useVenueDesk, type EditorState } from './store';
import { problemText } from './problems';

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6];

export function BookingFormDrawer() {
  const t = useT();
  const editor = useVenueDesk((s) => s.editor);
  const close = useVenueDesk((s) => s.closeEditor);
  const title = !editor ? '' : editor.mode === 'new' ? t('venues.ui.form.newTitle') : editor.mode === 'edit' ? t('venues.ui.form.editTitle') : t('venues.ui.form.resubmitTitle');
  return (
    <Drawer open={!!editor} title={title} onClose={close} size={760} destroyOnHidden keyboard={false} styles={{ body: { paddingTop: 8 } }}>
      {editor && <BookingFormLoader editor={editor} onDone={close} />}
    </Drawer>
  );
}

/** Loads the booking an edit (or a resubmit of a move or approval) starts from. */
function BookingFormLoader({ editor, onDone }: { editor: EditorState; onDone(): void }) {
  const bookingId =
    editor.mode === 'edit' ? editor.bookingId : editor.mode === 'resubmit' && editor.name !== 'booking.create' && editor.name !== 'bookingSeries.create' ? String(editor.args.id ?? '') : null;
  // Read once: a change elsewhere does not redraw the form under the user's typing.
  const detail = useApiRead('venues.booking', bookingId ? { id: bookingId } : null);
  if (bookingId && detail.loading) return <Spin style={{ display: 'block', margin: '32px auto' }} />;
  if (bookingId && !detail.data) return <Alert type="error" showIcon title={detail.error ?? bookingId} />;
  return <BookingForm editor={editor} booking={detail.data?.booking ?? null} onDone={onDone} />;
}

function initialValues(editor: EditorState, booking: Booking | null): BookingFormValues {
  if (booking) {
    const v = valuesOf(booking);
    // A refused move comes back with the time that was asked for.
    if (editor.mode === 'resubmit' && editor.name === 'booking.move')
      return { ...v, ...slotValues({ venueId: String(editor.args.venueId ?? booking.venueId), start: String(editor.args.start), end: String(editor.args.end) }) };
    return v;
  }
  if (editor.mode === 'resubmit') return { ...(editor.name === 'bookingSeries.create' ? seriesValues(editor.args) : valuesOf(editor.args as Partial<Booking>)), ...editor.prefill };
  return { ...EMPTY_FORM, ...(editor.mode === 'new' ? editor.prefill : {}) };
}

function BookingForm({ editor, booking, onDone }: { editor: EditorState; booking: Booking | null; onDone(): void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { message } = App.useApp();
  const [form] = Form.useForm<BookingFormValues>();
  const { venues, byId } = useVenues();
  const { agencies } = useAgencies();
  const roles = useShell((s) => s.session?.user?.roles ?? []);
  const supervisor = roles.includes('supervisor');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const initial = useMemo(() => initialValues(editor, booking), [editor, booking]);
  const values = Form.useWatch([], form) as BookingFormValues | undefined;
  const v = { ...initial, ...values };
  const venue = v.venueId ? byId.get(v.venueId) : undefined;
  const check = useCheck(v, booking?.id ?? null);
  const isNew = editor.mode === 'new' || (editor.mode === 'resubmit' && editor.name === 'booking.create');

  const venueOptions = useMemo(() => {
    const groups = new Map<string, { label: string; options: { value: string; label: string }[] }>();
    for (const x of venues) {
      if (x.archived && x.id !== v.venueId) continue;
      const g = groups.get(x.siteId) ?? { label: siteName(x, locale), options: [] };
      g.options.push({ value: x.id, label: t('venues.ui.form.venueOption', { name: venueName(x, locale), count: x.capacity }) });
      groups.set(x.siteId, g);
    }
    return [...groups.values()];
  }, [venues, v.venueId, locale, t]);
  const agencyOptions = useMemo(
    () =>
      active(agencies)
        .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
        .map((a) => ({ value: a.id, label: nameOf(a, locale) })),
    [agencies, locale],
  );

  const required = (field: string) => [{ required: true, whitespace: true, message: t('error.required', { field: t(field as 'field.name') }) }];

  const save = async (raw: BookingFormValues) => {
    const values = { ...initial, ...raw, startTime: normalClock(raw.startTime ?? ''), endTime: normalClock(raw.endTime ?? '') };
    setProblem(null);
    if (!values.repeat && !timesOf(values)) {
      form.setFields([{ name: 'endTime', errors: [t('venues.endBeforeStart')] }]);
      return;
    }
    setSaving(true);
    try {
      const outcome = await submit(editor, booking, values);
      if (outcome === 'nothing') {
        void message.info(t('error.nothingChanged'));
        return;
      }
      if (!outcome.ok) {
        setProblem(outcome.message);
        const field = outcome.field?.split('.')[0];
        if (field && field in EMPTY_FORM) form.setFields([{ name: field as keyof BookingFormValues, errors: [outcome.message] }]);
        return;
      }
      void message.success(editor.mode === 'resubmit' ? t('shell.attention.resubmitted') : isNew ? t('venues.ui.form.created') : t('common.saved'));
      onDone();
    } finally {
      setSaving(false);
    }
  };

  const pickSlot = (slot: { venueId: string; start: string; end: string }) => form.setFieldsValue(slotValues(slot));

  return (
    <KeyboardForm<BookingFormValues>
      form={form}
      name="booking"
      layout="vertical"
      size="small"
      initialValues={initial}
      onSubmit={save}
      onCancel={onDone}
      onValuesChange={(changed: Partial<BookingFormValues>) => {
        if (problem) setProblem(null);
        // A venue chosen brings its fee, unless one was typed.
        if (changed.venueId && isNew) {
          const chosen = byId.get(changed.venueId);
          if (chosen && !form.isFieldTouched('fee')) form.setFieldValue('fee', chosen.fee);
        }
      }}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
      <Divider titlePlacement="start" plain style={{ margin: '0 0 8px' }}>
        {t('venues.ui.form.sectionApplicant')}
      </Divider>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="applicantKind" label={t('venues.ui.form.applicantKind')} style={{ marginBottom: 8 }}>
            <Radio.Group
              optionType="button"
              size="small"
              options={[
                { value: 'agency', label: t('venues.ui.form.agency') },
                { value: 'org', label: t('venues.ui.form.org') },
              ]}
            />
          </Form.Item>
        </Col>
        <Col span={16}>
          {v.applicantKind === 'agency' ? (
            <Form.Item
              name="applicantAgencyId"
              label={t('field.applicantAgencyId')}
              rules={[{ required: true, message: t('error.required', { field: t('field.applicantAgencyId') }) }]}
              style={{ marginBottom: 8 }}
            >
              <Select showSearch={{ optionFilterProp: 'label' }} options={agencyOptions} placeholder={t('venues.ui.form.agencyPlaceholder')} />
            </Form.Item>
          ) : (
            <Form.Item name="applicantOrg" label={t('field.applicantOrg')} rules={required('field.applicantOrg')} style={{ marginBottom: 8 }}>
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          )}
        </Col>
        <Col span={8}>
          <Form.Item name="contactName" label={t('field.contactName')} rules={required('field.contactName')} style={{ marginBottom: 8 }}>
            <Input maxLength={50} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="contactPhone" label={t('field.contactPhone')} rules={required('field.contactPhone')} style={{ marginBottom: 8 }}>
            <Input maxLength={30} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="letterNo" label={t('field.letterNo')} style={{ marginBottom: 8 }}>
            <Input maxLength={60} autoComplete="off" placeholder={t('venues.ui.form.letterPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="attachments" label={t('venues.ui.attachments')} style={{ marginBottom: 8 }}>
        <AttachmentField />
      </Form.Item>

      <Divider titlePlacement="start" plain style={{ margin: '4px 0 8px' }}>
        {t('venues.ui.form.sectionEvent')}
      </Divider>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="eventName" label={t('field.eventName')} rules={required('field.eventName')} style={{ marginBottom: 8 }}>
            <Input maxLength={100} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="activityType" label={t('field.activityType')} rules={[{ required: true, message: t('error.required', { field: t('field.activityType') }) }]} style={{ marginBottom: 8 }}>
            <Select options={ACTIVITY_TYPES.map((a) => ({ value: a, label: t(`venues.activity.${a}`) }))} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="attendees" label={t('field.attendees')} rules={[{ required: true, message: t('error.required', { field: t('field.attendees') }) }]} style={{ marginBottom: 8 }}>
            <InputNumber min={1} max={100000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="equipment" label={t('field.equipment')} style={{ marginBottom: 8 }}>
            <Select mode="multiple" options={EQUIPMENT.map((e) => ({ value: e, label: t(`venues.equipment.${e}`) }))} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="fee" label={t('field.fee')} style={{ marginBottom: 8 }}>
            <InputNumber min={0} max={10000000} style={{ width: '100%' }} disabled={v.feeWaived} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="feeWaived" label={t('field.feeWaived')} valuePropName="checked" style={{ marginBottom: 8 }}>
            <Switch size="small" />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start" plain style={{ margin: '4px 0 8px' }}>
        {t('venues.ui.form.sectionTime')}
      </Divider>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="venueId" label={t('field.venueId')} rules={[{ required: true, message: t('error.required', { field: t('field.venueId') }) }]} style={{ marginBottom: 8 }}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={venueOptions} />
          </Form.Item>
        </Col>
        <Col span={12}>{venue && <VenueFacts venue={venue} />}</Col>
        <Col span={6}>
          <Form.Item
            name="startDate"
            label={v.repeat ? t('field.startDate') : t('venues.ui.form.date')}
            rules={[{ required: true, message: t('error.required', { field: t('field.date') }) }]}
            style={{ marginBottom: 8 }}
          >
            <RocDatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="startTime" label={t('venues.ui.form.from')} rules={[{ required: true, message: t('error.required', { field: t('venues.ui.form.from') }) }]} style={{ marginBottom: 8 }}>
            <ClockInput />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name="endTime" label={t('venues.ui.form.to')} rules={[{ required: true, message: t('error.required', { field: t('venues.ui.form.to') }) }]} style={{ marginBottom: 8 }}>
            <ClockInput />
          </Form.Item>
        </Col>
        {/* A series repeats one day's times: no last day of its own (the column keeps the layout). */}
        <Col span={6}>
          {!v.repeat && (
            <Form.Item name="endDate" label={t('venues.ui.form.endDate')} style={{ marginBottom: 8 }} extra={t('venues.ui.form.endDateHelp')}>
              <RocDatePicker style={{ width: '100%' }} minDate={v.startDate ?? undefined} />
            </Form.Item>
          )}
        </Col>
        <Col span={4} />
        <Col span={6}>
          <Form.Item name="bufferBefore" label={t('field.bufferBefore')} style={{ marginBottom: 8 }}>
            <InputNumber min={0} max={1440} step={15} style={{ width: '100%' }} placeholder={venue ? String(venue.bufferBefore) : ''} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="bufferAfter" label={t('field.bufferAfter')} style={{ marginBottom: 8 }}>
            <InputNumber min={0} max={1440} step={15} style={{ width: '100%' }} placeholder={venue ? String(venue.bufferAfter) : ''} />
          </Form.Item>
        </Col>
        {isNew && editor.mode === 'new' && (
          <Col span={12}>
            <Form.Item name="repeat" label={t('venues.ui.form.repeat')} valuePropName="checked" style={{ marginBottom: 8 }}>
              <Switch size="small" />
            </Form.Item>
          </Col>
        )}
      </Row>
      {v.repeat && <RecurrenceFields weekdays={v.freq === 'weekly'} endKind={v.endKind} />}
      <Form.Item name="notes" label={t('field.notes')} style={{ marginBottom: 8 }}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>

      <CheckPanel check={check} repeat={v.repeat} onPick={pickSlot} />
      {supervisor && (check.value?.refusals.length || check.value?.conflicts.length || v.override) ? (
        <Flex gap={8} align="start" style={{ marginBottom: 8 }}>
          <Form.Item name="override" valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox>{t('venues.ui.form.override')}</Checkbox>
          </Form.Item>
          {v.override && (
            <Form.Item name="overrideReason" rules={required('field.reason')} style={{ flex: 1, marginBottom: 0 }}>
              <Input maxLength={300} placeholder={t('venues.ui.form.overridePlaceholder')} />
            </Form.Item>
          )}
        </Flex>
      ) : null}

      <Flex gap={8} justify="flex-end" style={{ marginTop: 8 }}>
        <Button onClick={onDone}>{t('common.cancel')}</Button>
        <Button type="primary" htmlType="submit" loading={saving}>
          {editor.mode === 'resubmit' ? t('shell.attention.resubmit') : isNew ? t('venues.ui.form.submit') : t('common.save')}
        </Button>
      </Flex>
    </KeyboardForm>
  );
}

function VenueFacts({ venue }: { venue: VenueView }) {
  const t = useT();
  return (
    <div style={{ fontSize: 12, color: '#4a5260', paddingTop: 22, lineHeight: 1.6 }}>
      {t('venues.ui.form.venueFacts', { capacity: venue.capacity, opens: venue.opensAt, closes: venue.closesAt, before: venue.bufferBefore, after: venue.bufferAfter })}
      <div>
        {venue.equipment.map((e) => (
          <Tag key={e} style={{ marginInlineEnd: 4, fontSize: 11, lineHeight: '16px' }}>
            {t(`venues.equipment.${e}`)}
          </Tag>
        ))}
        <Tag color={venue.approvalLevels === 2 ? 'purple' : 'blue'} style={{ fontSize: 11, lineHeight: '16px' }}>
          {t(`venues.approvalLevels.${venue.approvalLevels}`)}
        </Tag>
      </div>
    </div>
  );
}

function RecurrenceFields({ weekdays, endKind }: { weekdays: boolean; endKind: 'until' | 'count' }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  // 2022-01-02 was a Sunday.
  const dayName = (d: number) => weekdayShort(addDays('2022-01-02', d), locale);
  return (
    <Row gutter={12} style={{ background: '#f7f9fc', padding: '8px 6px 0', borderRadius: 4, marginBottom: 8 }}>
      <Col span={6}>
        <Form.Item name="freq" label={t('field.rule')} style={{ marginBottom: 8 }}>
          <Radio.Group
            optionType="button"
            size="small"
            options={[
              { value: 'weekly', label: t('venues.ui.form.weekly') },
              { value: 'daily', label: t('venues.ui.form.daily') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item name="interval" label={weekdays ? t('venues.ui.form.everyWeeks') : t('venues.ui.form.everyDays')} style={{ marginBottom: 8 }}>
          <InputNumber min={1} max={weekdays ? 52 : 365} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      {weekdays && (
        <Col span={14}>
          <Form.Item
            name="weekdays"
            label={t('field.weekdays')}
            rules={[{ required: true, type: 'array', min: 1, message: t('error.required', { field: t('field.weekdays') }) }]}
            style={{ marginBottom: 8 }}
          >
            <Checkbox.Group options={WEEKDAYS.map((d) => ({ value: d, label: dayName(d) }))} />
          </Form.Item>
        </Col>
      )}
      <Col span={10}>
        <Form.Item name="endKind" label={t('venues.ui.form.ends')} style={{ marginBottom: 8 }}>
          <Radio.Group
            optionType="button"
            size="small"
            options={[
              { value: 'count', label: t('venues.ui.form.byCount') },
              { value: 'until', label: t('venues.ui.form.byDate') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col span={8}>
        {endKind === 'count' ? (
          <Form.Item name="count" label={t('field.count')} rules={[{ required: true, message: t('error.required', { field: t('field.count') }) }]} style={{ marginBottom: 8 }}>
            <InputNumber min={1} max={400} style={{ width: '100%' }} />
          </Form.Item>
        ) : (
          <Form.Item name="until" label={t('field.until')} rules={[{ required: true, message: t('error.required', { field: t('field.until') }) }]} style={{ marginBottom: 8 }}>
            <RocDatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
      </Col>
      <Col span={24} style={{ fontSize: 12, color: '#69707d', marginBottom: 8 }}>
        {t('venues.ui.form.seriesHelp')}
      </Col>
    </Row>
  );
}

/** The live check of what is typed: asked again a moment after the last change. */
function useCheck(v: BookingFormValues, excludeId: string | null): { value: BookingCheck | null; loading: boolean } {
  const times = timesOf(v);
  const key =
    v.venueId && times
      ? JSON.stringify({
          venueId: v.venueId,
          ...times,
          bufferBefore: v.bufferBefore ?? undefined,
          bufferAfter: v.bufferAfter ?? undefined,
          attendees: v.attendees ?? undefined,
          equipment: v.equipment ?? [],
          applicantAgencyId: v.applicantKind === 'agency' ? (v.applicantAgencyId ?? null) : null,
          ...(excludeId ? { excludeId } : {}),
        })
      : null;
  const [answer, setAnswer] = useState<{ key: string; value: BookingCheck } | null>(null);
  useEffect(() => {
    if (!key) return;
    let live = true;
    const timer = setTimeout(() => {
      api.call('venues.check', JSON.parse(key)).then(
        (value) => live && setAnswer({ key, value }),
        () => live && setAnswer(null),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  if (!key) return { value: null, loading: false };
  return { value: answer?.key === key ? answer.value : null, loading: answer?.key !== key };
}

function CheckPanel({ check, repeat, onPick }: { check: { value: BookingCheck | null; loading: boolean }; repeat: boolean; onPick(slot: { venueId: string; start: string; end: string }): void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { byId } = useVenues();
  const c = check.value;
  if (!c) return check.loading ? <Spin size="small" style={{ display: 'block', margin: '4px 0 8px' }} /> : null;
  const clean = c.refusals.length === 0 && c.conflicts.length === 0 && c.competing.length === 0 && c.warnings.length === 0;
  return (
    <Flex vertical gap={6} style={{ marginBottom: 8 }} role="region" aria-label={t('venues.ui.form.checkLabel')}>
      {repeat && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('venues.ui.form.checkFirstOnly')}
        </Typography.Text>
      )}
      {clean && <Alert type="success" showIcon title={t('venues.ui.form.checkClean')} />}
      {c.refusals.map((p, i) => (
        <Alert key={`r${i}`} type="error" showIcon title={problemText(p, t)} />
      ))}
      {c.conflicts.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('venues.ui.form.conflicts', { count: c.conflicts.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {c.conflicts.map((b) => (
                <li key={b.id}>{bookingLine(b, locale)}</li>
              ))}
            </ul>
          }
        />
      )}
      {c.competing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('venues.ui.form.competing', { count: c.competing.length })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {c.competing.map((b) => (
                <li key={b.id}>{bookingLine(b, locale)}</li>
              ))}
            </ul>
          }
        />
      )}
      {c.warnings.map((p, i) => (
        <Alert key={`w${i}`} type="warning" showIcon title={problemText(p, t)} />
      ))}
      {c.alternatives.length > 0 && (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('venues.ui.form.alternatives')}
          </Typography.Text>
          <Space wrap size={4} style={{ marginTop: 4 }}>
            {c.alternatives.map((s) => {
              const venue = byId.get(s.venueId);
              return (
                <Button key={`${s.venueId}${s.start}`} size="small" onClick={() => onPick(s)}>
                  {venue ? venueName(venue, locale) : s.venueId} {timeRange(s.start, s.end, locale)}
                </Button>
              );
            })}
          </Space>
        </div>
      )}
    </Flex>
  );
}

type SubmitOutcome = { ok: true } | { ok: false; message: string; field?: string } | 'nothing';

/** Sends the form as the mutations its mode calls for. */
async function submit(editor: EditorState, booking: Booking | null, values: BookingFormValues): Promise<SubmitOutcome> {
  const asOutcome = (r: Awaited<ReturnType<typeof mutate>>): SubmitOutcome => (r.ok ? { ok: true } : { ok: false, message: r.message, field: r.problem.field });
  if (editor.mode === 'new') {
    return asOutcome(values.repeat ? await mutate('bookingSeries.create', seriesArgs(values, newId())) : await mutate('booking.create', createArgs(values, newId())));
  }
  if (editor.mode === 'resubmit') {
    const resubmit = async (args: unknown): Promise<SubmitOutcome> => {
      try {
        const r = await api.call('attention.resubmit', { id: editor.attentionId, args });
        return r.ok ? { ok: true } : { ok: false, message: r.message, field: r.problem.field };
      } catch (e) {
        return { ok: false, message: errorMessage(e) };
      }
    };
    if (editor.name === 'booking.create') return resubmit(createArgs(values, String(editor.args.id)));
    if (editor.name === 'bookingSeries.create') return resubmit(seriesArgs(values, String(editor.args.id)));
    if (!booking) return { ok: false, message: String(editor.args.id) };
    // A refused move is asked again with the new time; a refused approval first moves the
    // booking to the time chosen, then asks for the same approval again.
    const move = moveOf(booking, values);
    if (editor.name === 'booking.move') return move ? resubmit(move) : 'nothing';
    const patch = particularsPatch(booking, values);
    if (Object.keys(patch).length > 0) {
      const r = await mutate('booking.update', { id: booking.id, ...patch });
      if (!r.ok) return asOutcome(r);
    }
    if (move) {
      const r = await mutate('booking.move', move);
      if (!r.ok) return asOutcome(r);
    }
    return resubmit(editor.args);
  }
  if (!booking) return 'nothing';
  const patch = particularsPatch(booking, values);
  const move = moveOf(booking, values);
  if (Object.keys(patch).length === 0 && !move) return 'nothing';
  if (Object.keys(patch).length > 0) {
    const r = await mutate('booking.update', { id: booking.id, ...patch });
    if (!r.ok) return asOutcome(r);
  }
  return move ? asOutcome(await mutate('booking.move', move)) : { ok: true };
}
