/**
 * Issuing a permit (核發停車證): annual for a year, or temporary for a day or a few; the
 * holder, up to three plates, the car park. The workstation numbers it at once, offline
 * too; a plate that already holds a valid permit of the site for those days is refused
 * with that permit's number, and what was typed stays in the form.
 */
import { Alert, Button, Drawer, Flex, Form, Input, InputNumber, Radio, Select, Space, App } from 'antd';
import { useMemo, useState } from 'react';
import { todayInTaipei, type BusinessDate } from '../../domain/dates';
import { newId } from '../../domain/ids';
import { splitPlates } from '../../domain/plates';
import { MAX_PLATES, PARKING_VEHICLE_TYPES, type ParkingVehicleType, type PermitType } from '../../domain/parking/types';
import { api } from '../app/api';
import { useApiRead } from '../app/hooks';
import { useT } from '../app/i18n';
import { mutate } from '../app/mutate';
import { active, useAgencies, usePlaceLabel } from '../app/reference';
import { KeyboardForm } from '../components/KeyboardForm';
import { RocDatePicker } from '../components/RocDatePicker';

interface Values {
  type: PermitType;
  areaId?: string;
  holderAgencyId?: string;
  holderName?: string;
  holderTitle?: string;
  /** As typed: one to three plates, split by commas (a plate itself may hold a space: ABC 1234). */
  plates?: string;
  vehicleType: ParkingVehicleType;
  year?: number;
  validFrom?: BusinessDate | null;
  validTo?: BusinessDate | null;
  fee?: number;
}

export function IssuePermitDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const type = Form.useWatch('type', form) ?? 'annual';
  const areas = useApiRead('parking.areas', {}, { reloadOn: ['parkingArea'] }).data;
  const placeLabel = usePlaceLabel();
  const { agencies } = useAgencies();
  const thisYear = Number(todayInTaipei().slice(0, 4));
  const areaOptions = useMemo(() => (areas ?? []).filter((a) => a.permitTypes.includes(type)).map((a) => ({ value: a.id, label: placeLabel(a.spaceId) })), [areas, type, placeLabel]);

  const submit = async (v: Values) => {
    setProblem(null);
    const args = {
      id: newId(),
      type: v.type,
      areaId: v.areaId ?? '',
      holderAgencyId: v.holderAgencyId ?? null,
      holderName: v.holderName ?? '',
      holderTitle: v.holderTitle ?? '',
      plates: splitPlates(v.plates ?? ''),
      vehicleType: v.vehicleType,
      fee: v.fee ?? 0,
      ...(v.type === 'annual' ? { year: v.year ?? thisYear } : { validFrom: v.validFrom ?? todayInTaipei(), validTo: v.validTo ?? v.validFrom ?? todayInTaipei() }),
    };
    const r = await mutate('permit.issue', args);
    if (!r.ok) {
      setProblem(r.message);
      const field = r.problem.field?.split('.')[0];
      if (field && field in form.getFieldsValue(true)) form.setFields([{ name: field as keyof Values, errors: [r.message] }]);
      return;
    }
    const issued = (await api.call('records.get', { kind: 'permit', id: args.id })) as { number?: string } | null;
    void message.success(t('parking.ui.issue.done', { number: issued?.number ?? '' }));
    form.resetFields(['holderName', 'holderTitle', 'plates']);
    onClose();
  };

  return (
    <Drawer title={t('parking.ui.issue.title')} open={open} onClose={onClose} size={520} destroyOnHidden>
      <KeyboardForm<Values> form={form} layout="vertical" onSubmit={submit} onCancel={onClose} initialValues={{ type: 'annual', vehicleType: 'car', year: thisYear }}>
        <Form.Item name="type" label={t('parking.ui.list.type')}>
          <Radio.Group optionType="button" options={(['annual', 'temporary'] as const).map((v) => ({ value: v, label: t(`parking.type.${v}`) }))} />
        </Form.Item>
        <Form.Item
          name="plates"
          label={t('field.plates')}
          rules={[{ required: true, message: t('error.required', { field: t('field.plates') }) }]}
          extra={t('parking.ui.issue.platesHint', { max: MAX_PLATES })}
        >
          <Input maxLength={80} aria-label={t('field.plates')} autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="vehicleType" label={t('field.vehicleType')}>
          <Radio.Group options={PARKING_VEHICLE_TYPES.map((v) => ({ value: v, label: t(`parking.vehicle.${v}`) }))} />
        </Form.Item>
        <Form.Item name="areaId" label={t('field.areaId')} rules={[{ required: true, message: t('error.required', { field: t('field.areaId') }) }]}>
          <Select options={areaOptions} showSearch optionFilterProp="label" aria-label={t('field.areaId')} notFoundContent={t('parking.ui.issue.noArea')} />
        </Form.Item>
        <Flex gap={8}>
          <Form.Item name="holderName" label={t('field.holderName')} rules={[{ required: true, message: t('error.required', { field: t('field.holderName') }) }]} style={{ flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="holderTitle" label={t('field.holderTitle')} style={{ flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Form.Item name="holderAgencyId" label={t('field.holderAgencyId')}>
          <Select allowClear showSearch optionFilterProp="label" options={active(agencies).map((a) => ({ value: a.id, label: a.nameZh }))} aria-label={t('field.holderAgencyId')} />
        </Form.Item>
        {type === 'annual' ? (
          <Form.Item name="year" label={t('field.year')}>
            <InputNumber min={thisYear - 1} max={thisYear + 1} formatter={(y) => (y ? String(Number(y) - 1911) : '')} parser={(s) => Number(s) + 1911} />
          </Form.Item>
        ) : (
          <Flex gap={8}>
            <Form.Item name="validFrom" label={t('field.validFrom')} style={{ flex: 1 }}>
              <RocDatePicker />
            </Form.Item>
            <Form.Item name="validTo" label={t('field.validTo')} style={{ flex: 1 }}>
              <RocDatePicker />
            </Form.Item>
          </Flex>
        )}
        <Form.Item name="fee" label={t('field.fee')}>
          <InputNumber min={0} max={1_000_000} />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
        <Space>
          <Button type="primary" htmlType="submit">
            {t('parking.ui.issue.submit')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      </KeyboardForm>
    </Drawer>
  );
}
