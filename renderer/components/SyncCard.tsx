/**
 * Joining this workstation to the sync server on the LAN, and its sync state once joined.
 * Joining needs an administrator of the server; afterwards the workstation holds a device
 * token and syncs by itself.
 */
import { CloudSyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Form, Input, Progress, Typography } from 'antd';
import { useState } from 'react';
import { formatInstant } from '../../domain/dates';
import { api } from '../app/api';
import { useLocale, useT } from '../app/i18n';
import { errorMessage, useShell } from '../app/store';
import { KeyboardForm } from './KeyboardForm';

interface JoinValues {
  serverUrl: string;
  username: string;
  password: string;
  deviceName: string;
}

/** The join form, also offered on a new workstation's first-run screen. */
export function JoinServerForm({ onJoined }: { onJoined?: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const loadInfo = useShell((s) => s.loadInfo);
  const refreshSession = useShell((s) => s.refreshSession);
  const refreshStatus = useShell((s) => s.refreshStatus);
  const [error, setError] = useState<string | null>(null);
  // An https:// server's fingerprint, shown for the person to compare before joining.
  const [confirm, setConfirm] = useState<{ values: JoinValues; fingerprint: string } | null>(null);

  const join = async (values: JoinValues, fingerprint?: string) => {
    setError(null);
    try {
      const done = await api.call('sync.join', { ...values, ...(fingerprint ? { fingerprint } : {}) });
      if (!done.ok && done.problem.code === 'sync.tls.confirm') return setConfirm({ values, fingerprint: String(done.problem.params.fingerprint) });
      setConfirm(null);
      if (!done.ok) return setError(done.message);
      message.success(t('sync.join.done'));
      await Promise.all([loadInfo(), refreshSession(), refreshStatus()]);
      onJoined?.();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <KeyboardForm<JoinValues> layout="vertical" onSubmit={(v) => join(v)} initialValues={{ serverUrl: 'http://', deviceName: '' }}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {confirm && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('sync.tls.fingerprint')}
          description={
            <>
              <Typography.Paragraph>{t('sync.tls.confirm', { fingerprint: '' })}</Typography.Paragraph>
              <Typography.Text code copyable>
                {confirm.fingerprint}
              </Typography.Text>
              <div style={{ marginTop: 8 }}>
                <Button type="primary" onClick={() => void join(confirm.values, confirm.fingerprint)}>
                  {t('sync.tls.confirmJoin')}
                </Button>
              </div>
            </>
          }
        />
      )}
      <Form.Item name="serverUrl" label={t('sync.join.serverUrl')} rules={[{ required: true, type: 'url', message: t('error.invalid', { field: t('sync.join.serverUrl') }) }]}>
        <Input placeholder="http://192.168.1.10:8787" autoComplete="off" />
      </Form.Item>
      <Form.Item name="deviceName" label={t('sync.join.deviceName')} rules={[{ required: true, message: t('error.required', { field: t('sync.join.deviceName') }) }]}>
        <Input placeholder="鳳山前棟 1F 櫃檯" maxLength={60} />
      </Form.Item>
      <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('error.required', { field: t('login.username') }) }]}>
        <Input autoComplete="username" />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('error.required', { field: t('login.password') }) }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" icon={<CloudSyncOutlined />}>
        {t('sync.join.submit')}
      </Button>
    </KeyboardForm>
  );
}

/** An administrator trusts the server's new certificate after comparing its fingerprint with the one read on the server. */
function RepinButton() {
  const t = useT();
  const { modal, message } = App.useApp();
  const refreshStatus = useShell((s) => s.refreshStatus);
  const repin = async () => {
    const cert = await api.call('sync.certificate', {});
    if (cert.problem || !cert.presented) return message.error(cert.problem ?? t('sync.repin.same'));
    if (cert.presented === cert.pinned) return message.info(t('sync.repin.same'));
    const presented = cert.presented;
    modal.confirm({
      title: t('sync.repin.title'),
      content: <Typography.Paragraph style={{ whiteSpace: 'pre-line' }}>{t('sync.repin.body', { pinned: cert.pinned ?? '—', presented })}</Typography.Paragraph>,
      okText: t('sync.repin.confirm'),
      okButtonProps: { danger: true },
      onOk: async () => {
        const done = await api.call('sync.repin', { fingerprint: presented });
        if (!done.ok) return void message.error(done.message);
        message.success(t('sync.repin.done'));
        await refreshStatus();
      },
    });
  };
  return (
    <Button style={{ marginLeft: 8 }} onClick={() => void repin()}>
      {t('sync.repin.button')}
    </Button>
  );
}

export function SyncCard() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const info = useShell((s) => s.info);
  const status = useShell((s) => s.status);
  const isAdmin = useShell((s) => !!s.session?.user?.roles.includes('admin'));
  const [syncing, setSyncing] = useState(false);
  const joined = !!info?.serverUrl && status?.connection !== 'standalone';

  const syncNow = async () => {
    setSyncing(true);
    await api.call('sync.now', {}).catch(() => undefined);
    setSyncing(false);
  };

  return (
    <Card title={t('sync.join.title')} size="small">
      {joined ? (
        <>
          <Descriptions
            column={1}
            size="small"
            styles={{ label: { width: 180 } }}
            items={[
              { key: 'url', label: t('sync.join.serverUrl'), children: <Typography.Text copyable>{info?.serverUrl}</Typography.Text> },
              { key: 'state', label: t('shell.status.connection'), children: t(`status.${status?.connection ?? 'offline'}`) },
              { key: 'last', label: t('status.lastSync', { time: '' }).trim(), children: status?.lastSyncAt ? formatInstant(status.lastSyncAt, locale) : '—' },
            ]}
          />
          {status?.progress && (
            <Progress percent={99} status="active" showInfo={false} aria-label={t(status.progress.resync ? 'sync.resyncProgress' : 'sync.progress', { count: status.progress.received })} />
          )}
          {status?.lastError && <Alert type="warning" showIcon title={status.lastError} style={{ margin: '8px 0' }} />}
          <Button icon={<CloudSyncOutlined />} loading={syncing} onClick={syncNow}>
            {t('sync.now')}
          </Button>
          {isAdmin && info?.serverUrl?.startsWith('https:') && <RepinButton />}
        </>
      ) : isAdmin ? (
        <JoinServerForm />
      ) : (
        <Typography.Text type="secondary">{t('sync.join.notAdmin')}</Typography.Text>
      )}
    </Card>
  );
}
