/**
 * The plan editor: name and trade, the recurrence with its start and end, what happens on
 * a day off, the locations (with "all agency offices" for the cleanliness evaluation), the
 * equipment, the checklist and the assignee. The next due days show as the rule is typed.
 */
import { Alert, App, Button, Col, Flex, Form, Input, InputNumber, Modal, Radio, Row, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { addDays, formatDate, todayInTaipei } from '../../../domain/dates';
import { newId } from '../../../domain/ids';
import type { InspectionPlan } from '../../../domain/maintenance/inspections';
import { HOLIDAY_RULES, occurrencesDue } from '../../../domain/maintenance/recurrence';
import { TICKET_CATEGORIES } from '../../../domain/maintenance/tickets';
import { isWorkingDay } from '../../../domain/working-days';
import { useLocale, useT } from '../../app/i18n';
import { KeyboardForm } from '../../components/KeyboardForm';
import { RocDate } from '../../components/RocDate';
import { RocDatePicker } from '../../components/RocDatePicker';
import { useRecordActions } from '../../components/record-actions';
import { mutate } from '../../app/mutate';
import { HistoryDrawer } from '../../components/HistoryDrawer';
import { useMayRun } from '../../app/permissions';
import { useAgencies, useCalendarDays, usePeople, useSpaceOptions } from '../../app/reference';
import { useAssetOptions } from '../assets/hooks';
import { ChecklistEditor } from './ChecklistEditor';
import { newPlanValues, planArgs, planPatch, planValues, type PlanFormValues } from './plan-form';
import { RecurrencePicker } from './RecurrencePicker';
import { OptionalSelect } from '../../components/OptionalSelect';

interface Props {
  /** The plan to edit; none for a new one. */
  plan?: InspectionPlan;
  onClose(): void;
}

/** Technicians and contractors' people, who take rounds. */
export function useAssigneeOptions(keepId?: string | null): { value: string; label: string }[] {
  const { people } = usePeople();
  return useMemo(
    () =>
      people
        .filter((p) => (p.kind === 'technician' || p.kind === 'contractor') && (!p.archived || p.id === keepId))
        .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'zh-TW'))
        .map((p) => ({ value: p.id, label: p.company ? `${p.name}（${p.company}）` : p.name })),
    [people, keepId],
  );
}

export function PlanEditor({ plan, onClose }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanFormValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const mayEdit = useMayRun(plan ? 'inspectionPlan.update' : 'inspectionPlan.create');
  const mayArchive = useMayRun('inspectionPlan.archive');
  const actions = useRecordActions();
  const today = todayInTaipei();
  const initial = useMemo(() => (plan ? planValues(plan) : newPlanValues(today)), [plan, today]);

  const spaceOptions = useSpaceOptions(plan?.spaceIds);
  const assetOptions = useAssetOptions(null, plan?.assetIds);
  const assignees = useAssigneeOptions(plan?.assigneeId);
  const { offices } = useAgencies();
  const days = useCalendarDays();

  const values = Form.useWatch([], form) as PlanFormValues | undefined;
  const endKind = Form.useWatch('endKind', form) ?? initial.endKind;
  const preview = useMemo(() => {
    const v = values ?? initial;
    if (!v.startOn || !v.recurrence) return [];
    const args = planArgs(v);
    const calendar = new Map(days.map((d) => [d.date, d]));
    const from = args.startOn > today ? args.startOn : today;
    try {
      return occurrencesDue({ rule: args.recurrence, startOn: args.startOn, endOn: args.endOn, endAfter: args.endAfter, onHoliday: args.onHoliday }, from, addDays(from, 800), (d) =>
        isWorkingDay(d, calendar),
      ).slice(0, 6);
    } catch {
      return [];
    }
  }, [values, initial, days, today]);

  const addAllOffices = () => {
    const current = form.getFieldValue('spaceIds') as string[];
    form.setFieldValue('spaceIds', [...new Set([...current, ...offices.map((o) => o.spaceId)])]);
  };

  const save = async (v: PlanFormValues) => {
    setProblem(null);
    if (plan) {
      const patch = planPatch(plan, { ...initial, ...v });
      if (Object.keys(patch).length === 0) {
        void message.info(t('error.nothingChanged'));
        return;
      }
      setSaving(true);
      const r = await mutate('inspectionPlan.update', { id: plan.id, ...patch });
      setSaving(false);
      if (!r.ok) return refused(r.message, r.problem.field);
    } else {
      setSaving(true);
      const r = await mutate('inspectionPlan.create', { id: newId(), ...planArgs({ ...initial, ...v }) });
      setSaving(false);
      if (!r.ok) return refused(r.message, r.problem.field);
    }
    void message.success(t('common.saved'));
    onClose();
  };

  const refused = (text: string, field?: string) => {
    setProblem(text);
    const name = field?.split('.')[0];
    if (name && name in initial) form.setFields([{ name: name as keyof PlanFormValues, errors: [text] }]);
  };

  const required = (key: Parameters<typeof t>[0]) => [{ required: true, message: t('error.required', { field: t(key) }) }];

  return (
    <Modal open title={plan ? plan.name : t('inspections.plan.new')} onCancel={onClose} footer={null} width={860} destroyOnHidden keyboard={false} mask={{ closable: false }}>
      <KeyboardForm<PlanFormValues>
        form={form}
        layout="vertical"
        size="small"
        initialValues={initial}
        onSubmit={save}
        onCancel={onClose}
        disabled={!mayEdit}
        onValuesChange={() => problem && setProblem(null)}
      >
        {plan?.archived && <Tag style={{ marginBottom: 8 }}>{t('common.archived')}</Tag>}
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
        <Row gutter={12}>
          <Col span={16}>
            <Form.Item
              name="name"
              label={t('inspections.plan.name')}
              rules={[...required('inspections.plan.name'), { whitespace: true, message: t('error.required', { field: t('inspections.plan.name') }) }]}
              style={{ marginBottom: 12 }}
            >
              <Input maxLength={100} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="category" label={t('field.category')} style={{ marginBottom: 12 }}>
              <Select options={TICKET_CATEGORIES.map((c) => ({ value: c, label: t(`ticketCategory.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="recurrence" label={t('field.recurrence')} style={{ marginBottom: 12 }}>
              <RecurrencePicker />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="startOn" label={t('field.startOn')} rules={required('field.startOn')} style={{ marginBottom: 12 }}>
              <RocDatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="endKind" label={t('inspections.plan.end')} style={{ marginBottom: 12 }}>
              <Radio.Group optionType="button" size="small" options={(['none', 'date', 'count'] as const).map((k) => ({ value: k, label: t(`inspections.plan.end.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            {endKind === 'date' && (
              <Form.Item name="endOn" label={t('field.endOn')} rules={required('field.endOn')} style={{ marginBottom: 12 }}>
                <RocDatePicker style={{ width: '100%' }} />
              </Form.Item>
            )}
            {endKind === 'count' && (
              <Form.Item name="endAfter" label={t('field.endAfter')} rules={required('field.endAfter')} style={{ marginBottom: 12 }}>
                <InputNumber min={1} max={1000} style={{ width: '100%' }} />
              </Form.Item>
            )}
          </Col>
          <Col span={12}>
            <Form.Item name="onHoliday" label={t('field.onHoliday')} style={{ marginBottom: 12 }}>
              <Select options={HOLIDAY_RULES.map((r) => ({ value: r, label: t(`inspections.onHoliday.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="graceDays" label={t('field.graceDays')} extra={t('inspections.plan.graceHelp')} style={{ marginBottom: 12 }}>
              <InputNumber min={0} max={90} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Typography.Text type="secondary">{t('inspections.plan.preview')}</Typography.Text>{' '}
            {preview.length === 0 ? (
              <Typography.Text type="secondary">{t('inspections.plan.previewNone')}</Typography.Text>
            ) : (
              <Space size={4} wrap>
                {preview.map((o) => (
                  <Tag
                    key={o.scheduledOn}
                    color={o.dueOn !== o.scheduledOn ? 'orange' : undefined}
                    title={o.dueOn !== o.scheduledOn ? t('inspections.plan.moved', { date: formatDate(o.scheduledOn, locale) }) : undefined}
                  >
                    <RocDate date={o.dueOn} />
                  </Tag>
                ))}
              </Space>
            )}
          </Col>
          <Col span={24} style={{ marginTop: 12 }}>
            <Form.Item
              name="spaceIds"
              label={
                <Flex gap={8} align="center">
                  {t('field.spaceIds')}
                  {mayEdit && (
                    <Button size="small" type="link" onClick={addAllOffices} style={{ padding: 0 }}>
                      {t('inspections.plan.allOffices')}
                    </Button>
                  )}
                </Flex>
              }
              rules={[{ required: true, type: 'array', min: 1, message: t('error.required', { field: t('field.spaceIds') }) }]}
              style={{ marginBottom: 12 }}
            >
              <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={spaceOptions} maxTagCount="responsive" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="assetIds" label={t('field.assetIds')} style={{ marginBottom: 12 }}>
              <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={assetOptions} maxTagCount="responsive" />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="checklist"
              label={t('field.checklist')}
              rules={[
                {
                  validator: (_, items: PlanFormValues['checklist']) =>
                    items?.some((i) => i.text.trim()) ? Promise.resolve() : Promise.reject(new Error(t('error.required', { field: t('field.checklist') }))),
                },
              ]}
              style={{ marginBottom: 12 }}
            >
              <ChecklistEditor />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="assigneeId" label={t('inspections.plan.assignee')} style={{ marginBottom: 12 }}>
              <OptionalSelect showSearch={{ optionFilterProp: 'label' }} options={assignees} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="note" label={t('field.note')} style={{ marginBottom: 12 }}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Flex justify="space-between" wrap gap={8}>
          <Space>
            {mayEdit && (
              <Button type="primary" htmlType="submit" loading={saving}>
                {plan ? t('common.save') : t('common.add')}
              </Button>
            )}
            <Button onClick={onClose} disabled={false}>
              {mayEdit ? t('common.cancel') : t('common.close')}
            </Button>
          </Space>
          {plan && (
            <Space>
              <Button onClick={() => setHistoryOpen(true)} disabled={false}>
                {t('history.title')}
              </Button>
              {mayArchive &&
                (plan.archived ? (
                  <Button onClick={() => void actions.restore('inspectionPlan', plan.id, plan.name)}>{t('common.restore')}</Button>
                ) : (
                  <Button onClick={() => actions.archive('inspectionPlan', plan.id, plan.name, onClose)}>{t('common.archive')}</Button>
                ))}
            </Space>
          )}
        </Flex>
        {plan && <HistoryDrawer kind="inspectionPlan" id={plan.id} title={plan.name} open={historyOpen} onClose={() => setHistoryOpen(false)} />}
      </KeyboardForm>
    </Modal>
  );
}
