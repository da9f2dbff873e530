/** Completing a round (now, or at the time it was done when entered from paper) and skipping one with a reason. */
import { Alert, Button, Col, Form, Input, Modal, Row, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { BUSINESS_TZ, clockOf, taipeiInstant, todayInTaipei, type BusinessDate } from '../../../domain/dates';
import { useT } from '../../app/i18n';
import { KeyboardForm } from '../../components/KeyboardForm';
import { RocDatePicker } from '../../components/RocDatePicker';
import { mutate } from '../../app/mutate';

/** HH:mm of now in Taipei. */
export function taipeiClock(now = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: BUSINESS_TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
}

/** A Taipei date and the time a clerk typed (9:30, 0930) as a UTC instant, or null when the time is not one. */
export function typedTaipeiInstant(date: BusinessDate, typed: string): string | null {
  const m = /^(\d{1,2}):?(\d{2})$/.exec(typed.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null;
  return taipeiInstant(date, clockOf(Number(m[1]) * 60 + Number(m[2])));
}

function Dialog({
  title,
  onClose,
  onSubmit,
  children,
  okText,
}: {
  title: string;
  onClose(): void;
  onSubmit(values: Record<string, string>): Promise<string | null>;
  children: ReactNode;
  okText: string;
}) {
  const t = useT();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal open title={title} footer={null} onCancel={onClose} destroyOnHidden keyboard={false}>
      <KeyboardForm
        layout="vertical"
        size="small"
        onCancel={onClose}
        onSubmit={async (values: Record<string, string>) => {
          setBusy(true);
          const refused = await onSubmit(values);
          setBusy(false);
          if (refused) setProblem(refused);
          else onClose();
        }}
      >
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
        {children}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {okText}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </Space>
      </KeyboardForm>
    </Modal>
  );
}

export function CompleteDialog({ roundId, onClose }: { roundId: string; onClose(): void }) {
  const t = useT();
  return (
    <Dialog
      title={t('inspections.round.complete')}
      okText={t('inspections.round.complete')}
      onClose={onClose}
      onSubmit={async (v) => {
        const completedAt = typedTaipeiInstant(v.date, v.time);
        if (!completedAt) return t('error.invalid', { field: t('field.completedAt') });
        const r = await mutate('inspectionRound.complete', { id: roundId, completedAt, ...(v.note?.trim() ? { note: v.note.trim() } : {}) });
        return r.ok ? null : r.message;
      }}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="date"
            label={t('inspections.round.doneOn')}
            initialValue={todayInTaipei()}
            rules={[{ required: true, message: t('error.required', { field: t('inspections.round.doneOn') }) }]}
          >
            <RocDatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="time"
            label={t('inspections.round.doneAt')}
            initialValue={taipeiClock()}
            rules={[{ required: true, message: t('error.required', { field: t('inspections.round.doneAt') }) }]}
          >
            <Input maxLength={5} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('field.note')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
    </Dialog>
  );
}

export function SkipDialog({ roundId, onClose }: { roundId: string; onClose(): void }) {
  const t = useT();
  return (
    <Dialog
      title={t('inspections.round.skip')}
      okText={t('inspections.round.skip')}
      onClose={onClose}
      onSubmit={async (v) => {
        const r = await mutate('inspectionRound.skip', { id: roundId, reason: (v.reason ?? '').trim() });
        return r.ok ? null : r.message;
      }}
    >
      <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true, whitespace: true, message: t('error.required', { field: t('field.reason') }) }]}>
        <Input maxLength={500} autoComplete="off" placeholder={t('inspections.round.skipPlaceholder')} />
      </Form.Item>
    </Dialog>
  );
}
