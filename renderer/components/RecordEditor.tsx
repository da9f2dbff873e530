/**
 * The edit form every reference record uses: new records get a fresh id, updates send only
 * the changed fields, a refusal is shown above the form with the field it names marked,
 * and the record's archive, delete and history are one click away.
 */
import { Alert, App, Button, Col, Form, Input, InputNumber, Row, Space, Switch, Tag } from 'antd';
import { useState, type ReactNode } from 'react';
import { newId } from '../../domain/ids';
import { hasMessage } from '../../domain/i18n';
import { useT } from '../app/i18n';
import { KeyboardForm } from './KeyboardForm';
import { useRecordActions, type ArchivableKind } from './record-actions';
import { mutate, recordMutation } from '../app/mutate';
import { formArgs, formInitial, updatePatch, type FieldSpec } from './record-form-logic';
import { HistoryDrawer } from './HistoryDrawer';
import { useMayRun } from '../app/permissions';

export interface EditorField extends FieldSpec {
  /** The input; text, number and switch fields get a plain one. */
  input?: ReactNode;
  label?: string;
  help?: string;
  /** Columns of 24 the field takes; half a row unless told. */
  span?: number;
}

interface Props {
  kind: ArchivableKind;
  /** The record as loaded; none for a new one. */
  record?: { id: string; archived: boolean };
  /** The record as the form sees it when it differs from `record` (derived fields such as an agency's offices). */
  current?: Record<string, unknown>;
  fields: readonly EditorField[];
  /** Starting values of a new record. */
  defaults?: Record<string, unknown>;
  /** The record's name in confirmations and messages. */
  name: string;
  onSaved?(id: string, created: boolean): void;
  onCancel?(): void;
  /** After an archive or delete went through. */
  onGone?(how: 'archived' | 'deleted'): void;
  canDelete?: boolean;
  extraButtons?: ReactNode;
}

export function RecordEditor({ kind, record, current, fields, defaults, name, onSaved, onCancel, onGone, canDelete, extraButtons }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const actions = useRecordActions();
  const loaded = (current ?? record) as Record<string, unknown> | undefined;
  // Without the role the form still shows the record (and its history), read-only.
  const mayEdit = useMayRun(record ? `${kind}.update` : `${kind}.create`);
  const mayArchive = useMayRun(`${kind}.archive`);
  const mayDelete = useMayRun(`${kind}.delete`);

  const labelOf = (f: EditorField) => f.label ?? (hasMessage(`field.${f.name}`) ? t(`field.${f.name}` as 'field.name') : f.name);

  const save = async (values: Record<string, unknown>) => {
    setProblem(null);
    let id = record?.id;
    const args = record ? updatePatch(fields, loaded ?? {}, values) : formArgs(fields, { ...defaults, ...values });
    if (record && Object.keys(args).length === 0) {
      void message.info(t('error.nothingChanged'));
      return;
    }
    setSaving(true);
    const result = record ? await mutate(recordMutation(kind, 'update'), { id: record.id, ...args }) : await mutate(recordMutation(kind, 'create'), { id: (id = newId()), ...args });
    setSaving(false);
    if (!result.ok) {
      setProblem(result.message);
      const field = result.problem.field?.split('.')[0];
      if (field && fields.some((f) => f.name === field)) form.setFields([{ name: field, errors: [result.message] }]);
      return;
    }
    void message.success(record ? t('common.saved') : t('settings.created', { name: String(args.nameZh ?? args.name ?? args.displayName ?? args.username ?? '') || name }));
    onSaved?.(id!, !record);
  };

  return (
    <KeyboardForm
      form={form}
      layout="vertical"
      size="small"
      initialValues={formInitial(fields, { ...defaults, ...loaded })}
      onSubmit={save}
      onCancel={onCancel}
      autoFocusFirst={!record && mayEdit}
      disabled={!mayEdit}
      onValuesChange={() => problem && setProblem(null)}
    >
      {record?.archived && (
        <Tag color="default" style={{ marginBottom: 8 }}>
          {t('common.archived')}
        </Tag>
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Row gutter={12}>
        {fields.map((f) => (
          <Col span={f.span ?? 12} key={f.name}>
            <Form.Item
              name={f.name}
              label={labelOf(f)}
              extra={f.help}
              style={{ marginBottom: 12 }}
              valuePropName={f.type === 'switch' ? 'checked' : 'value'}
              rules={[
                ...(f.required ? [{ required: true, whitespace: f.type === 'text', message: t('error.required', { field: labelOf(f) }) }] : []),
                ...(f.max && f.type === 'text' ? [{ max: f.max, message: t('error.tooLong', { field: labelOf(f), max: f.max }) }] : []),
              ]}
            >
              {f.input ?? defaultInput(f)}
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space>
          {mayEdit && (
            <Button type="primary" htmlType="submit" loading={saving}>
              {record ? t('common.save') : t('common.add')}
            </Button>
          )}
          {onCancel && (
            <Button onClick={onCancel} disabled={false}>
              {mayEdit ? t('common.cancel') : t('common.close')}
            </Button>
          )}
        </Space>
        {record && (
          <Space wrap>
            {mayEdit && extraButtons}
            <Button onClick={() => setHistoryOpen(true)} disabled={false}>
              {t('history.title')}
            </Button>
            {mayArchive &&
              (record.archived ? (
                <Button onClick={() => void actions.restore(kind, record.id, name)}>{t('common.restore')}</Button>
              ) : (
                <Button onClick={() => actions.archive(kind, record.id, name, () => onGone?.('archived'))}>{t('common.archive')}</Button>
              ))}
            {canDelete && mayDelete && (
              <Button danger onClick={() => actions.remove(kind, record.id, name, () => onGone?.('deleted'))}>
                {t('common.delete')}
              </Button>
            )}
          </Space>
        )}
      </Space>
      {record && <HistoryDrawer kind={kind} id={record.id} title={name} open={historyOpen} onClose={() => setHistoryOpen(false)} />}
    </KeyboardForm>
  );
}

function defaultInput(f: EditorField): ReactNode {
  if (f.type === 'number') return <InputNumber style={{ width: '100%' }} />;
  if (f.type === 'switch') return <Switch />;
  return <Input maxLength={f.max} autoComplete="off" />;
}
