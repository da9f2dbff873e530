/**
 * 開立報修單 from a failed checklist item: what, where, the trade (the plan's) and the
 * equipment prefilled; one mutation marks the item failed and files the numbered ticket.
 */
import { Alert, Button, Col, Form, Input, Modal, Row, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { newId } from '../../../domain/ids';
import type { ChecklistItem } from '../../../domain/maintenance/inspections';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, type TicketCategory, type TicketPriority } from '../../../domain/maintenance/tickets';
import { useT } from '../../app/i18n';
import { KeyboardForm } from '../../components/KeyboardForm';
import { mutate } from '../../app/mutate';
import { usePlaceLabel } from '../../app/reference';
import { useAssetOptions, useAssets } from '../assets/hooks';
import { OptionalSelect } from '../../components/OptionalSelect';

export interface TicketTarget {
  spaceId: string;
  item: ChecklistItem;
  note: string;
}

interface Values {
  subject: string;
  description: string;
  category: TicketCategory;
  priority: TicketPriority;
  assetId: string | null;
}

interface Props {
  roundId: string;
  category: TicketCategory;
  /** The plan's equipment: the one at this place is offered first. */
  assetIds: string[];
  target: TicketTarget;
  onClose(opened: boolean): void;
}

export function OpenTicketDialog({ roundId, category, assetIds, target, onClose }: Props) {
  const t = useT();
  const placeLabel = usePlaceLabel();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { byId } = useAssets();
  const allOptions = useAssetOptions(target.spaceId);
  // The plan's equipment here, if it has one place-matching asset, is the likely one.
  const here = useMemo(() => assetIds.filter((id) => byId.get(id)?.spaceId === target.spaceId), [assetIds, byId, target.spaceId]);

  const initial: Values = {
    subject: target.item.text.slice(0, 100),
    description: target.note,
    category,
    priority: 'normal',
    assetId: here.length === 1 ? here[0] : null,
  };

  const submit = async (v: Values) => {
    setBusy(true);
    const r = await mutate('inspectionItem.openTicket', {
      roundId,
      spaceId: target.spaceId,
      itemId: target.item.id,
      ...(target.note ? {} : v.description.trim() ? { note: v.description.trim() } : {}),
      ticketId: newId(),
      subject: v.subject.trim(),
      description: v.description.trim(),
      category: v.category,
      priority: v.priority,
      assetId: v.assetId ?? null,
    });
    setBusy(false);
    if (r.ok) onClose(true);
    else setProblem(r.message);
  };

  return (
    <Modal open title={t('inspections.ticket.title')} footer={null} onCancel={() => onClose(false)} width={640} destroyOnHidden keyboard={false}>
      <KeyboardForm<Values> layout="vertical" size="small" initialValues={initial} onSubmit={submit} onCancel={() => onClose(false)}>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph type="secondary">{t('inspections.ticket.where', { place: placeLabel(target.spaceId) })}</Typography.Paragraph>
        <Form.Item name="subject" label={t('field.subject')} rules={[{ required: true, whitespace: true, message: t('error.required', { field: t('field.subject') }) }]}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item name="description" label={t('field.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="category" label={t('field.category')}>
              <Select options={TICKET_CATEGORIES.map((c) => ({ value: c, label: t(`ticketCategory.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="priority" label={t('field.priority')}>
              <Select options={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`ticketPriority.${p}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="assetId" label={t('field.assetId')}>
              <OptionalSelect showSearch={{ optionFilterProp: 'label' }} options={allOptions} popupMatchSelectWidth={420} />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" danger htmlType="submit" loading={busy}>
            {t('inspections.ticket.submit')}
          </Button>
          <Button onClick={() => onClose(false)}>{t('common.cancel')}</Button>
        </Space>
      </KeyboardForm>
    </Modal>
  );
}
