/**
 * 處理時限: working hours allowed per category and priority. A cell left at its default
 * follows the priority's default; a changed cell is saved as its own rule. Due times count
 * office hours (08:30–12:00, 13:30–17:30) on working days of the calendar.
 */
import { Alert, App, Button, Flex, InputNumber, Modal, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { DEFAULT_SLA_HOURS, slaHours } from '../../../domain/maintenance/sla';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, slaRuleId, type TicketCategory, type TicketPriority } from '../../../domain/maintenance/tickets';
import { useT } from '../../app/i18n';
import { useReferenceRecords } from '../../app/reference';
import { mutate } from '../../app/mutate';

export function SlaSettings({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT();
  const { message } = App.useApp();
  const rules = useReferenceRecords('slaRule');
  const [hours, setHours] = useState<Record<string, number>>({});
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setProblem(null);
    setHours(Object.fromEntries(TICKET_CATEGORIES.flatMap((c) => TICKET_PRIORITIES.map((p) => [slaRuleId(c, p), slaHours(rules, c, p)]))));
  }, [open, rules]);

  const save = async () => {
    setSaving(true);
    try {
      for (const c of TICKET_CATEGORIES) {
        for (const p of TICKET_PRIORITIES) {
          const h = hours[slaRuleId(c, p)];
          if (h === undefined || h === slaHours(rules, c, p)) continue;
          const r = await mutate('slaRule.set', { category: c, priority: p, hours: h });
          if (!r.ok) return setProblem(`${t(`ticketCategory.${c}`)} ${t(`ticketPriority.${p}`)}：${r.message}`);
        }
      }
      message.success(t('common.saved'));
      onClose();
    } finally {
      setSaving(false);
    }
  };

  const cell = (c: TicketCategory, p: TicketPriority) => (
    <InputNumber
      size="small"
      min={0.5}
      max={999}
      step={0.5}
      style={{ width: 80 }}
      value={hours[slaRuleId(c, p)]}
      onChange={(v) => setHours((h) => ({ ...h, [slaRuleId(c, p)]: typeof v === 'number' ? Math.round(v * 2) / 2 : DEFAULT_SLA_HOURS[p] }))}
      aria-label={`${t(`ticketCategory.${c}`)} ${t(`ticketPriority.${p}`)}`}
    />
  );

  return (
    <Modal open={open} title={t('maint.sla.title')} onCancel={onClose} width={620} destroyOnHidden footer={null}>
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('maint.sla.help')}</Typography.Text>
        <Table
          size="small"
          pagination={false}
          rowKey="category"
          dataSource={TICKET_CATEGORIES.map((category) => ({ category }))}
          columns={[
            { key: 'category', title: t('maint.col.category'), render: (_, r) => t(`ticketCategory.${r.category}`) },
            ...TICKET_PRIORITIES.map((p) => ({ key: p, title: t(`ticketPriority.${p}`), render: (_: unknown, r: { category: TicketCategory }) => cell(r.category, p) })),
          ]}
        />
        {problem && <Alert type="error" title={problem} />}
        <Flex justify="end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => void save()}>
            {t('common.save')}
          </Button>
        </Flex>
      </Flex>
    </Modal>
  );
}
