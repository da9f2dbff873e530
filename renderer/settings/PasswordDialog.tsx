/** Sets a user's password. It travels through its own call, never through a mutation. */
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../app/api';
import { useT } from '../app/i18n';
import { errorMessage } from '../app/store';
import { KeyboardForm } from '../components/KeyboardForm';

/** The backend's rule, checked here first so the clerk hears it at once. */
export const MIN_PASSWORD_LENGTH = 8;

interface Props {
  user: { id: string; username: string; displayName: string } | null;
  /** Shown above the fields, e.g. right after the user was added. */
  note?: string;
  onClose(): void;
}

export function PasswordDialog({ user, note, onClose }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const close = () => {
    setProblem(null);
    onClose();
  };

  const save = async ({ password }: { password: string; repeat: string }) => {
    if (!user) return;
    setSaving(true);
    setProblem(null);
    try {
      const result = await api.call('auth.setPassword', { userId: user.id, password });
      if (!result.ok) {
        setProblem(result.message);
        return;
      }
      void message.success(t('settings.users.passwordSet', { name: user.displayName }));
      close();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open={user !== null} title={t('settings.users.setPassword')} onCancel={close} footer={null} width={420} destroyOnHidden keyboard={false}>
      {user && (
        <KeyboardForm<{ password: string; repeat: string }> layout="vertical" size="small" onSubmit={save} onCancel={close}>
          <Typography.Paragraph type="secondary">
            {user.displayName}（{user.username}）
          </Typography.Paragraph>
          {note && <Alert type="info" showIcon title={note} style={{ marginBottom: 12 }} />}
          {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
          <Form.Item
            name="password"
            label={t('field.password')}
            rules={[
              { required: true, message: t('error.required', { field: t('field.password') }) },
              { min: MIN_PASSWORD_LENGTH, message: t('login.passwordTooShort') },
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
          <Form.Item
            name="repeat"
            label={t('login.passwordRepeat')}
            dependencies={['password']}
            rules={[
              { required: true, message: t('error.required', { field: t('login.passwordRepeat') }) },
              ({ getFieldValue }) => ({
                validator: (_, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('login.passwordMismatch')))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('common.save')}
            </Button>
            <Button onClick={close}>{t('common.cancel')}</Button>
          </Space>
        </KeyboardForm>
      )}
    </Modal>
  );
}
