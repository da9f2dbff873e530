/**
 * Filing (or editing) a repair ticket, built for a clerk on the phone: every field is
 * reached with Tab, the location and the pickers filter as you type, Enter picks in an
 * open list and otherwise saves. The location starts at the one this user used last. The
 * equipment (設備) is picked among the location's building's, and an asset picked first
 * brings its location and trade along. A
 * likely duplicate (an open ticket at the same place and of the same category) is shown
 * at once, with a way to add this report to it instead.
 */
import { Alert, App, AutoComplete, Button, Col, Flex, Form, Input, Modal, Row, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { formatInstant, taipeiDateOf, taipeiInstant, todayInTaipei } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import { ASSET_CATEGORY } from '../../../domain/maintenance/assets';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_SOURCES, type Ticket, type TicketCategory } from '../../../domain/maintenance/tickets';
import type { Attachment } from '../../../domain/attachments';
import type { TicketRow } from '../../../domain/maintenance/tickets-query';
import { api } from '../../app/api';
import { useApiRead } from '../../app/hooks';
import { useLocale, useT } from '../../app/i18n';
import { AttachmentField } from '../../components/Attachments';
import { KeyboardForm } from '../../components/KeyboardForm';
import { OptionalSelect } from '../../components/OptionalSelect';
import { RocDatePicker } from '../../components/RocDatePicker';
import { active, useAgencies, usePeople, useSpaceOptions } from '../../app/reference';
import { offers } from '../assets/asset-options';
import { useAssets, useTicketAssetOptions } from '../assets/hooks';
import { StatusTag } from '../labels';
import { useMaintenance } from '../store';
import { mutate } from '../../app/mutate';
import type { MutationArgs } from '../../../domain/mutations';

interface Values {
  spaceId?: string;
  assetId?: string | null;
  category?: TicketCategory;
  priority: Ticket['priority'];
  subject: string;
  description: string;
  reporterName: string;
  reporterAgencyId?: string | null;
  reporterPhoneExt: string;
  source: Ticket['source'];
  reportedDate?: string | null;
  reportedTime?: string;
}

interface Props {
  open: boolean;
  /** Editing this ticket; otherwise a new one. */
  ticket?: Ticket | null;
  onClose(): void;
  /** Told the id of the ticket saved, or of the open one the report was added to. */
  onSaved(id: string, how: 'saved' | 'added'): void;
}

const TIME = /^([01]?\d|2[0-3]):?([0-5]\d)$/;

/** A reported time typed from a paper form: the date and HH:mm in Taipei. */
function reportedAtOf(date: string | null | undefined, time: string | undefined): string | undefined {
  if (!date) return undefined;
  const m = TIME.exec((time ?? '').trim());
  const hhmm = m ? `${m[1].padStart(2, '0')}:${m[2]}` : '09:00';
  return taipeiInstant(date, hhmm);
}

export function TicketForm({ open, ticket, onClose, onSaved }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const lastSpaceId = useMaintenance((s) => s.prefs.lastSpaceId);
  const savePrefs = useMaintenance((s) => s.savePrefs);
  const keep = useMemo(() => (ticket ? [ticket.spaceId] : []), [ticket]);
  const spaceOptions = useSpaceOptions(keep);
  const { agencies } = useAgencies();
  const { people } = usePeople();
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [saving, setSaving] = useState(false);
  const spaceId = Form.useWatch('spaceId', form);
  const assetId = Form.useWatch('assetId', form);
  const { byId: assets } = useAssets();
  const keepAssets = useMemo(() => (ticket?.assetId ? [ticket.assetId] : []), [ticket]);
  const assetOptions = useTicketAssetOptions(spaceId, keepAssets);
  const maintainer = assetId ? people.find((p) => p.id === assets.get(assetId)?.maintainerId) : undefined;
  const category = Form.useWatch('category', form);
  const source = Form.useWatch('source', form);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setAttachments(ticket?.attachments ?? []);
    if (ticket) {
      form.setFieldsValue({ ...ticket, reportedDate: taipeiDateOf(ticket.reportedAt), reportedTime: formatInstant(ticket.reportedAt, 'en').slice(-5) });
    } else if (lastSpaceId && spaceOptions.some((o) => o.value === lastSpaceId)) {
      form.setFieldsValue({ spaceId: lastSpaceId });
    }
    // Only when the form opens: later changes of the options must not undo what was typed.
  }, [open]); // eslint-disable-line react-hooks/exhaustive-deps

  // Open tickets of the same kind at the same place; a failed read warns of none.
  const openHere = useApiRead('tickets.openAt', open && spaceId && category ? { spaceId, category } : null, { reloadOn: ['ticket'] });
  const duplicates = useMemo(() => (openHere.error ? [] : (openHere.data ?? []).filter((r) => r.id !== ticket?.id)), [openHere.error, openHere.data, ticket?.id]);

  // A new location keeps the equipment only if it is still offered (the same building).
  useEffect(() => {
    const current = form.getFieldValue('assetId') as string | null | undefined;
    if (open && current && !offers(assetOptions, current)) form.setFieldsValue({ assetId: null });
  }, [open, assetOptions, form]);

  const reporters = useMemo(
    () =>
      active(people)
        .filter((p) => p.kind === 'staff')
        .map((p) => {
          const agency = agencies.find((a) => a.id === p.agencyId);
          return { value: p.name, label: [p.name, agency?.nameZh, p.phoneExt].filter(Boolean).join('　'), person: p };
        }),
    [people, agencies],
  );

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const fields = {
        spaceId: v.spaceId,
        category: v.category,
        priority: v.priority,
        subject: v.subject ?? '',
        description: v.description ?? '',
        reporterName: v.reporterName ?? '',
        reporterAgencyId: v.reporterAgencyId || null,
        reporterPhoneExt: v.reporterPhoneExt ?? '',
        source: v.source,
        attachments,
        assetId: v.assetId || null,
        ...(v.source === 'paper' || ticket ? { reportedAt: reportedAtOf(v.reportedDate, v.reportedTime) } : {}),
      };
      if (ticket) {
        const changed = Object.fromEntries(Object.entries(fields).filter(([k, val]) => val !== undefined && JSON.stringify(val) !== JSON.stringify((ticket as unknown as Record<string, unknown>)[k])));
        if (Object.keys(changed).length === 0) return onClose();
        const r = await mutate('ticket.update', { id: ticket.id, ...changed });
        if (!r.ok) return showProblem(r);
        message.success(t('common.saved'));
        onSaved(ticket.id, 'saved');
        return;
      }
      const id = newId();
      // The form asks for place and category; the mutation checks them again and names a missing one.
      const r = await mutate('ticket.create', { id, ...fields } as MutationArgs<'ticket.create'>);
      if (!r.ok) return showProblem(r);
      const saved = await api.call('tickets.get', { id });
      message.success(t('maint.created', { number: saved?.ticket.number ?? '' }));
      void savePrefs({ lastSpaceId: v.spaceId ?? null });
      onSaved(id, 'saved');
    } finally {
      setSaving(false);
    }
  };

  const showProblem = (r: { message: string; field?: string }) => {
    if (r.field && r.field in form.getFieldsValue(true)) form.setFields([{ name: r.field as keyof Values, errors: [r.message] }]);
    else message.error(r.message);
  };

  /** Adds this caller's report to the open ticket as a comment, instead of filing a new one. */
  const addToExisting = async (existing: TicketRow) => {
    const v = form.getFieldsValue(true) as Values;
    const agency = agencies.find((a) => a.id === v.reporterAgencyId)?.nameZh ?? '';
    const body = t('maint.dup.commentBody', {
      reporter: [v.reporterName, agency, v.reporterPhoneExt].filter(Boolean).join(' ') || t('common.none'),
      text: [v.subject, v.description].filter(Boolean).join('：') || t('common.none'),
    });
    const r = await mutate('ticketComment.add', { id: newId(), ticketId: existing.id, body });
    if (!r.ok) return message.error(r.message);
    message.success(t('maint.dup.added', { number: existing.number }));
    onSaved(existing.id, 'added');
  };

  const filterByLabel = (input: string, option?: { label?: unknown }) =>
    String(option?.label ?? '')
      .toLowerCase()
      .includes(input.trim().toLowerCase());

  /** Equipment picked before the location or the trade brings them along. */
  const assetChanged = (id: string | null) => {
    const asset = id ? assets.get(id) : undefined;
    if (!asset) return;
    const v = form.getFieldsValue(['spaceId', 'category']) as Values;
    form.setFieldsValue({ ...(v.spaceId ? {} : { spaceId: asset.spaceId }), ...(v.category ? {} : { category: ASSET_CATEGORY[asset.kind] }) });
  };

  return (
    <Modal
      open={open}
      title={ticket ? t('maint.form.editTitle', { number: ticket.number }) : t('maint.form.newTitle')}
      onCancel={onClose}
      footer={null}
      width={760}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <KeyboardForm<Values>
        form={form}
        layout="vertical"
        size="middle"
        onSubmit={submit}
        onCancel={onClose}
        initialValues={{ priority: 'normal', source: 'phone', subject: '', description: '', reporterName: '', reporterPhoneExt: '' }}
        requiredMark={false}
      >
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="spaceId" label={t('maint.col.location')} rules={[{ required: true, message: t('error.required', { field: t('maint.col.location') }) }]}>
              <Select showSearch={{ filterOption: filterByLabel }} options={spaceOptions} placeholder={t('maint.form.locationHint')} aria-label={t('maint.col.location')} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="category" label={t('maint.col.category')} rules={[{ required: true, message: t('error.required', { field: t('maint.col.category') }) }]}>
              <Select showSearch={{ filterOption: filterByLabel }} options={TICKET_CATEGORIES.map((c) => ({ value: c, label: t(`ticketCategory.${c}`) }))} aria-label={t('maint.col.category')} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="priority" label={t('maint.col.priority')}>
              <Select showSearch={{ filterOption: filterByLabel }} options={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`ticketPriority.${p}`) }))} aria-label={t('maint.col.priority')} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="assetId" label={t('field.assetId')}>
              <OptionalSelect
                showSearch={{ filterOption: filterByLabel }}
                options={assetOptions}
                noneLabel={t('maint.form.noAsset')}
                onChange={assetChanged}
                placeholder={t('maint.form.assetHint')}
                aria-label={t('field.assetId')}
              />
            </Form.Item>
          </Col>
          <Col span={10}>
            {maintainer && (
              <Typography.Text type="secondary" style={{ display: 'block', paddingTop: 34 }}>
                {t('maint.form.assetMaintainer', { name: [maintainer.name, maintainer.company].filter(Boolean).join('　') })}
              </Typography.Text>
            )}
          </Col>
        </Row>
        {duplicates.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('maint.dup.title', { count: duplicates.length })}
            description={
              <Flex vertical gap={4}>
                {duplicates.slice(0, 3).map((d) => (
                  <Flex key={d.id} gap={8} align="center" wrap>
                    <Typography.Text strong>{d.number}</Typography.Text>
                    <StatusTag status={d.status} />
                    <Typography.Text ellipsis style={{ maxWidth: 300 }}>
                      {d.subject}
                    </Typography.Text>
                    <Typography.Text type="secondary">{formatInstant(d.reportedAt, locale)}</Typography.Text>
                    {!ticket && (
                      <Button size="small" onClick={() => void addToExisting(d)}>
                        {t('maint.dup.addTo')}
                      </Button>
                    )}
                  </Flex>
                ))}
              </Flex>
            }
          />
        )}
        <Form.Item name="subject" label={t('maint.col.subject')} rules={[{ required: true, whitespace: true, message: t('error.required', { field: t('maint.col.subject') }) }, { max: 100 }]}>
          <Input maxLength={100} placeholder={t('maint.form.subjectHint')} />
        </Form.Item>
        <Form.Item name="description" label={t('maint.col.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={7}>
            <Form.Item name="reporterName" label={t('maint.col.reporter')}>
              <AutoComplete
                options={reporters}
                showSearch={{ filterOption: (input, option) => String(option?.label ?? '').includes(input.trim()) }}
                onSelect={(_: string, option: (typeof reporters)[number]) => form.setFieldsValue({ reporterAgencyId: option.person.agencyId, reporterPhoneExt: option.person.phoneExt })}
                aria-label={t('maint.col.reporter')}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="reporterAgencyId" label={t('maint.col.agency')}>
              <OptionalSelect
                showSearch={{ filterOption: filterByLabel }}
                options={active(agencies).map((a) => ({ value: a.id, label: a.nameZh }))}
                noneLabel={t('maint.form.noAgency')}
                aria-label={t('maint.col.agency')}
              />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="reporterPhoneExt" label={t('maint.col.phoneExt')}>
              <Input maxLength={20} inputMode="numeric" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="source" label={t('maint.col.source')}>
              <Select options={TICKET_SOURCES.map((s) => ({ value: s, label: t(`ticketSource.${s}`) }))} aria-label={t('maint.col.source')} />
            </Form.Item>
          </Col>
        </Row>
        {(source === 'paper' || ticket) && (
          <Row gutter={12}>
            <Col span={8}>
              <Form.Item name="reportedDate" label={t('maint.col.reportedAt')} rules={[{ required: true, message: t('error.required', { field: t('maint.col.reportedAt') }) }]}>
                <RocDatePicker maxDate={todayInTaipei()} aria-label={t('maint.col.reportedAt')} />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name="reportedTime" label={t('maint.form.time')} rules={[{ pattern: TIME, message: t('maint.form.timeHint') }]}>
                <Input placeholder="09:30" maxLength={5} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item label={t('maint.attachments')}>
          <AttachmentField value={attachments} onChange={setAttachments} />
        </Form.Item>
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary">{t('maint.form.keys')}</Typography.Text>
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('common.save')}
            </Button>
          </Space>
        </Flex>
      </KeyboardForm>
    </Modal>
  );
}
