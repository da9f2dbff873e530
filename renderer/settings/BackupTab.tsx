/**
 * Settings › 備份與還原: the workstation's rolling backups, a backup on demand, and a
 * restore that asks first (changes not yet synced are lost) and then signs everyone out.
 */
import { Alert, App, Button, Flex, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { BackupView } from '../../domain/api';
import { formatInstant } from '../../domain/dates';
import { api } from '../app/api';
import { useLocale, useT } from '../app/i18n';
import { errorMessage, useShell } from '../app/store';
import { RocDate } from '../components/RocDate';
import { formatSize } from '../app/files';
import { refreshReference } from '../app/reference';

/** The backend's schedule (Backups: every 30 minutes, the latest KEEP_BACKUPS = 10 kept). */
const AUTO_MINUTES = 30;
const AUTO_KEEP = 10;

export function BackupTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { message, modal } = App.useApp();
  const [backups, setBackups] = useState<BackupView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const load = useCallback(() => {
    api.call('backup.list', {}).then(
      (list) => setBackups([...list].sort((a, b) => b.at.localeCompare(a.at))),
      (e: unknown) => setProblem(errorMessage(e)),
    );
  }, []);
  useEffect(load, [load]);

  const create = async () => {
    setCreating(true);
    setProblem(null);
    try {
      const result = await api.call('backup.create', {});
      if (!result.ok) setProblem(result.message);
      else void message.success(t('settings.backup.created', { time: formatInstant(result.backup.at, locale) }));
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setCreating(false);
      load();
    }
  };

  const restore = (backup: BackupView) =>
    modal.confirm({
      title: t('backup.restore'),
      content: t('backup.confirmRestore', { time: formatInstant(backup.at, locale) }),
      okText: t('backup.restore'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        setProblem(null);
        try {
          const result = await api.call('backup.restore', { name: backup.name });
          if (!result.ok) {
            setProblem(result.message);
            return;
          }
          void message.success(t('backup.restored'));
          // Another database now: every loaded list, the workstation facts and the session (signed out) anew.
          const shell = useShell.getState();
          await Promise.all([refreshReference(), shell.loadInfo(), shell.refreshSession(), shell.refreshStatus()]);
        } catch (e) {
          setProblem(errorMessage(e));
        }
      },
    });

  return (
    <Flex vertical gap={8} style={{ maxWidth: 760 }}>
      <Flex gap={8} align="center" wrap>
        <Button size="small" type="primary" loading={creating} onClick={() => void create()}>
          {t('backup.now')}
        </Button>
        <Typography.Text type="secondary">{t('backup.auto', { minutes: AUTO_MINUTES, keep: AUTO_KEEP })}</Typography.Text>
      </Flex>
      {problem && <Alert type="error" showIcon title={problem} closable={{ onClose: () => setProblem(null) }} />}
      <Table<BackupView>
        size="small"
        rowKey="name"
        loading={backups === null && !problem}
        dataSource={backups ?? []}
        pagination={false}
        scroll={{ y: 'calc(100vh - 290px)' }}
        locale={{ emptyText: t('backup.none') }}
        columns={[
          { key: 'at', title: t('backup.time'), render: (_, b) => <RocDate instant={b.at} /> },
          { key: 'bytes', title: t('backup.size'), width: 120, align: 'end', render: (_, b) => formatSize(b.bytes) },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 100,
            render: (_, b) => (
              <Typography.Link type="danger" onClick={() => restore(b)}>
                {t('backup.restore')}
              </Typography.Link>
            ),
          },
        ]}
      />
    </Flex>
  );
}
