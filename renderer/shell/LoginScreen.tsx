/**
 * Sign-in. With no users yet (a folder started empty) it offers creating the first
 * administrator instead, or loading the demo data after all.
 */
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../app/i18n';
import { useShell } from '../app/store';
import { KeyboardForm } from '../components/KeyboardForm';
import { AuthLayout } from './AuthLayout';
import { CreateFirstAdmin } from './CreateFirstAdmin';

interface Credentials {
  username: string;
  password: string;
}

export function LoginScreen() {
  const t = useT();
  const hasUsers = useShell((s) => s.session?.hasUsers ?? true);
  if (!hasUsers) return <CreateFirstAdmin />;
  return (
    <AuthLayout title={t('login.title')}>
      <LoginForm />
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 12 }}>
        {t('login.demoHint')}
      </Typography.Text>
    </AuthLayout>
  );
}

/** Username and password; `username` fixed when unlocking for the signed-in user. */
export function LoginForm({ username, submitLabel }: { username?: string; submitLabel?: string }) {
  const t = useT();
  const login = useShell((s) => s.login);
  const [form] = Form.useForm<Credentials>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: Credentials) => {
    setBusy(true);
    setFailure(null);
    const done = await login(username ?? values.username.trim(), values.password);
    setBusy(false);
    if (!done.ok) {
      setFailure(done.message);
      form.setFieldValue('password', '');
    }
  };

  const required = (field: string) => [{ required: true, message: t('error.required', { field }) }];

  return (
    <KeyboardForm<Credentials> form={form} layout="vertical" onSubmit={submit} requiredMark={false}>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      {username === undefined && (
        <Form.Item name="username" label={t('login.username')} rules={required(t('login.username'))}>
          <Input prefix={<UserOutlined />} autoComplete="username" spellCheck={false} />
        </Form.Item>
      )}
      <Form.Item name="password" label={t('login.password')} rules={required(t('login.password'))}>
        <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={busy}>
        {submitLabel ?? t('login.submit')}
      </Button>
    </KeyboardForm>
  );
}
