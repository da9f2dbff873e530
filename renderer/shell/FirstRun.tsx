/**
 * A new, empty data folder: load the demo data, or start empty (then the sign-in
 * screen offers creating the first administrator).
 */
import { CloudSyncOutlined, DatabaseOutlined, FileAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../app/i18n';
import { useShell } from '../app/store';
import { AuthLayout } from './AuthLayout';
import { JoinServerForm } from '../components/SyncCard';

export function FirstRun() {
  const t = useT();
  const { message } = App.useApp();
  const loadDemo = useShell((s) => s.loadDemo);
  const dismissDemo = useShell((s) => s.dismissDemo);
  const [busy, setBusy] = useState<'load' | 'skip' | null>(null);
  const [joining, setJoining] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    setBusy('load');
    setError(null);
    const done = await loadDemo();
    setBusy(null);
    if (done.ok) message.success(t('shell.firstRun.loaded', { count: done.records ?? 0 }));
    else setError(t('shell.firstRun.failed', { message: done.message }));
  };

  const skip = async () => {
    setBusy('skip');
    setError(null);
    const done = await dismissDemo();
    setBusy(null);
    if (!done.ok) setError(done.message);
  };

  return (
    <AuthLayout title={t('demo.title')} width={520}>
      <Spin spinning={busy === 'load'} description={t('demo.loading')}>
        <Typography.Paragraph>{t('demo.body')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Flex vertical gap={12}>
          <div>
            <Button type="primary" size="large" block icon={<DatabaseOutlined />} loading={busy === 'load'} disabled={busy !== null} onClick={load} autoFocus>
              {t('demo.load')}
            </Button>
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {t('shell.firstRun.loadHelp')}
            </Typography.Text>
          </div>
          <div>
            <Button size="large" block icon={<FileAddOutlined />} loading={busy === 'skip'} disabled={busy !== null} onClick={skip}>
              {t('demo.skip')}
            </Button>
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {t('shell.firstRun.skipHelp')}
            </Typography.Text>
          </div>
          <div>
            {/* A new desk in an office that already has a server: its data comes down from there. */}
            <Button size="large" block icon={<CloudSyncOutlined />} disabled={busy !== null} onClick={() => setJoining((j) => !j)} aria-expanded={joining}>
              {t('sync.join.title')}
            </Button>
            {joining && (
              <div style={{ marginTop: 12 }}>
                <JoinServerForm />
              </div>
            )}
          </div>
        </Flex>
      </Spin>
    </AuthLayout>
  );
}
