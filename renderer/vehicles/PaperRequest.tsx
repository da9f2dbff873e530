/**
 * The clerk types a paper trip request (紙本派車申請): the paper's number, the agency and
 * person, passengers, purpose, stops, the times and the distance, loan or not, and the
 * scan of the form. It joins the one queue, marked as paper.
 */
import { Alert, App, Button, Checkbox, Drawer, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import type { Attachment } from '../../domain/attachments';
import { taipeiInstant, todayInTaipei, type BusinessDate } from '../../domain/dates';
import { newId } from '../../domain/ids';
import { useT } from '../app/i18n';
import { mutate } from '../app/mutate';
import { active, useAgencies } from '../app/reference';
import { AttachmentField } from '../components/Attachments';
import { KeyboardForm } from '../components/KeyboardForm';
import { RocDatePicker } from '../components/RocDatePicker';
import { clockInput } from './clock';

interface Values {
  paperNumber?: string;
  agencyId?: string;
  requesterName?: string;
  passengers?: number;
  purpose?: string;
  stops?: string;
  departDate?: BusinessDate | null;
  departTime?: string;
  returnDate?: BusinessDate | null;
  returnTime?: string;
  distanceKm?: number;
  isLoan?: boolean;
  withDriver?: boolean;
  attachments?: Attachment[];
}

export function PaperRequestDrawer({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const { agencies } = useAgencies();
  const required = (field: string) => [{ required: true, message: t('error.required', { field }) }];

  const submit = async (v: Values) => {
    setProblem(null);
    const departClock = clockInput(v.departTime);
    const returnClock = clockInput(v.returnTime);
    if (!departClock || !returnClock) {
      form.setFields([{ name: departClock ? 'returnTime' : 'departTime', errors: [t('error.required', { field: t('vehicles.ui.trip.time') })] }]);
      return;
    }
    const departDate = v.departDate ?? todayInTaipei();
    const r = await mutate('request.file', {
      id: newId(),
      source: 'paper',
      paperNumber: (v.paperNumber ?? '').trim(),
      agencyId: v.agencyId ?? '',
      requesterName: v.requesterName ?? '',
      passengers: v.passengers ?? 1,
      purpose: v.purpose ?? '',
      stops: (v.stops ?? '')
        .split(/[,，、;；\n]+/)
        .map((s) => s.trim())
        .filter(Boolean),
      departAt: taipeiInstant(departDate, departClock),
      returnAt: taipeiInstant(v.returnDate ?? departDate, returnClock),
      distanceKm: v.distanceKm ?? 0,
      isLoan: v.isLoan ?? false,
      withDriver: v.withDriver ?? true,
      attachments: v.attachments ?? [],
    });
    if (!r.ok) {
      setProblem(r.message);
      const field = r.problem.field?.split('.')[0];
      if (field && field in form.getFieldsValue(true)) form.setFields([{ name: field as keyof Values, errors: [r.message] }]);
      return;
    }
    void message.success(t('vehicles.ui.paper.done', { number: v.paperNumber ?? '' }));
    form.resetFields();
    onClose();
  };

  return (
    <Drawer title={t('vehicles.ui.paper.title')} open={open} onClose={onClose} size={560} destroyOnHidden>
      {problem && <Alert type="error" showIcon message={problem} role="alert" style={{ marginBottom: 12 }} />}
      <KeyboardForm<Values> form={form} layout="vertical" onSubmit={submit} onCancel={onClose} initialValues={{ passengers: 1, withDriver: true, isLoan: false, departDate: todayInTaipei() }}>
        <Flex gap={8}>
          <Form.Item name="paperNumber" label={t('field.paperNumber')} rules={required(t('field.paperNumber'))} style={{ flex: 1 }}>
            <Input maxLength={40} autoComplete="off" />
          </Form.Item>
          <Form.Item name="agencyId" label={t('vehicles.ui.paper.agency')} rules={required(t('vehicles.ui.paper.agency'))} style={{ flex: 1 }}>
            <Select showSearch optionFilterProp="label" aria-label={t('vehicles.ui.paper.agency')} options={active(agencies).map((a) => ({ value: a.id, label: a.nameZh }))} />
          </Form.Item>
        </Flex>
        <Flex gap={8}>
          <Form.Item name="requesterName" label={t('field.requesterName')} rules={required(t('field.requesterName'))} style={{ flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="passengers" label={t('field.passengers')} style={{ width: 120 }}>
            <InputNumber aria-label={t('field.passengers')} min={0} max={80} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="purpose" label={t('field.purpose')} rules={required(t('field.purpose'))}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="stops" label={t('field.stops')} rules={required(t('field.stops'))} extra={t('vehicles.ui.paper.stopsHint')}>
          <Input maxLength={600} />
        </Form.Item>
        <Flex gap={8}>
          <Form.Item name="departDate" label={t('vehicles.ui.paper.departDate')} style={{ flex: 1 }}>
            <RocDatePicker />
          </Form.Item>
          <Form.Item name="departTime" label={t('vehicles.ui.paper.departTime')} rules={required(t('vehicles.ui.paper.departTime'))} style={{ width: 120 }}>
            <Input placeholder="09:00" maxLength={5} />
          </Form.Item>
          <Form.Item name="returnDate" label={t('vehicles.ui.paper.returnDate')} style={{ flex: 1 }}>
            <RocDatePicker />
          </Form.Item>
          <Form.Item name="returnTime" label={t('vehicles.ui.paper.returnTime')} rules={required(t('vehicles.ui.paper.returnTime'))} style={{ width: 120 }}>
            <Input placeholder="12:00" maxLength={5} />
          </Form.Item>
        </Flex>
        <Form.Item name="distanceKm" label={t('field.distanceKm')}>
          <InputNumber aria-label={t('field.distanceKm')} min={0} max={5000} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="isLoan" valuePropName="checked">
            <Checkbox>{t('vehicles.ui.paper.isLoan')}</Checkbox>
          </Form.Item>
          <Form.Item name="withDriver" valuePropName="checked">
            <Checkbox>{t('vehicles.ui.paper.withDriver')}</Checkbox>
          </Form.Item>
        </Flex>
        <Form.Item name="attachments" label={t('vehicles.ui.paper.scan')}>
          <AttachmentField />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('vehicles.ui.paper.submit')}
        </Button>
      </KeyboardForm>
    </Drawer>
  );
}
