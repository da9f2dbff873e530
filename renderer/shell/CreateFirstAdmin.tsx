/** No users yet: create the first administrator (or load the demo data after all). */
import { Alert, App, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../app/i18n';
import { useShell } from '../app/store';
import { KeyboardForm } from '../components/KeyboardForm';
import { AuthLayout } from './AuthLayout';

interface NewAdmin {
  username: string;
  displayName: string;
  password: string;
  passwordRepeat: string;
}

const MIN_PASSWORD = 8;

export function CreateFirstAdmin() {
  const t = useT();
  const { message } = App.useApp();
  const createFirstAdmin = useShell((s) => s.createFirstAdmin);
  const loadDemo = useShell((s) => s.loadDemo);
  const [form] = Form.useForm<NewAdmin>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'create' | 'demo' | null>(null);

  const submit = async ({ username, displayName, password }: NewAdmin) => {
    setBusy('create');
    setFailure(null);
    const done = await createFirstAdmin({ username: username.trim(), displayName: displayName.trim(), password });
    setBusy(null);
    if (done.ok) return;
    if (done.field && form.getFieldInstance(done.field)) form.setFields([{ name: done.field as keyof NewAdmin, errors: [done.message] }]);
    else setFailure(done.message);
  };

  const demo = async () => {
    setBusy('demo');
    setFailure(null);
    const done = await loadDemo();
    setBusy(null);
    if (done.ok) message.success(t('shell.firstRun.loaded', { count: done.records ?? 0 }));
    else setFailure(t('shell.firstRun.failed', { message: done.message }));
  };

  const required = (field: string) => ({ required: true, whitespace: true, message: t('error.required', { field }) });

  return (
    <AuthLayout title={t('shell.admin.title')} width={440}>
      <Typography.Paragraph type="secondary">{t('login.noUsers')}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <KeyboardForm<NewAdmin> form={form} layout="vertical" onSubmit={submit} requiredMark={false}>
        <Form.Item name="username" label={t('field.username')} rules={[required(t('field.username')), { max: 200, message: t('error.tooLong', { field: t('field.username'), max: 200 }) }]}>
          <Input autoComplete="username" spellCheck={false} />
        </Form.Item>
        <Form.Item name="displayName" label={t('login.displayName')} rules={[required(t('login.displayName'))]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[required(t('login.password')), { min: MIN_PASSWORD, message: t('login.passwordTooShort') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="passwordRepeat"
          label={t('login.passwordRepeat')}
          dependencies={['password']}
          rules={[
            required(t('login.passwordRepeat')),
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('login.passwordMismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('shell.admin.help')}</Typography.Paragraph>
        <Button type="primary" htmlType="submit" block loading={busy === 'create'} disabled={busy === 'demo'}>
          {t('login.createAdmin')}
        </Button>
      </KeyboardForm>
      <Button type="link" block onClick={demo} loading={busy === 'demo'} disabled={busy === 'create'} style={{ marginTop: 8 }}>
        {t('shell.admin.orDemo')}
      </Button>
    </AuthLayout>
  );
}
